/**
 * Soft hyphens on hand-written content streams shaped like Chromium's: one glyph per Td, each
 * soft hyphen an invisible space glyph in a span with ActualText U+00AD, a broken line's
 * visible hyphen in a text object of its own on the same baseline, read as a hard hyphen.
 */
import { describe, expect, it } from 'vitest';
import { wrapUnmarkedContent } from '../../scripts/pdf/finish/artifacts.ts';
import { SoftHyphenFinder } from '../../scripts/pdf-write/soft-hyphens.ts';
import { tokenize } from '../../scripts/pdf-read/tokenizer.ts';

const SHY = '/Span <</ActualText <FEFF00AD>>> BDC\n5 0 Td ( ) Tj\nEMC\n';
/** "po­li­tie" on one line, "aan­" broken at the line end with its hyphen, "lei" on the next. */
const politie = `/P <</MCID 0>> BDC
BT
/F1 10 Tf
1 0 0 1 10 100 Tm
(p) Tj
5 0 Td (o) Tj
${SHY}0 0 Td (l) Tj
5 0 Td (i) Tj
${SHY}0 0 Td (t) Tj
5 0 Td (i) Tj
5 0 Td (e) Tj
5 0 Td ( ) Tj
5 0 Td (a) Tj
5 0 Td (a) Tj
5 0 Td (n) Tj
${SHY}ET
BT
/F1 10 Tf
1 0 0 1 70 100 Tm
(-) Tj
ET
BT
/F1 10 Tf
1 0 0 1 10 88 Tm
(l) Tj
5 0 Td (e) Tj
5 0 Td (i) Tj
ET
EMC
`;
/** "ef­fi­ci": the soft hyphen inside the ffi ligature's span (glyph \x82), then one of its own. */
const efficient = `/P <</MCID 0>> BDC
BT
/F1 10 Tf
1 0 0 1 10 100 Tm
(e) Tj
/Span <</ActualText <FEFF006600AD00660069>>> BDC
5 0 Td (\\202) Tj
8 0 Td ( ) Tj
EMC
${SHY}0 0 Td (c) Tj
5 0 Td (i) Tj
ET
EMC
`;

function finish(src: string): { out: string; finder: SoftHyphenFinder } {
  const finder = new SoftHyphenFinder((run) => Buffer.from(run.string.bytes).toString('latin1'));
  const result = wrapUnmarkedContent(Buffer.from(src, 'latin1'), { pageBox: [0, 0, 300, 300], textLayer: finder });
  return { out: Buffer.from(result.bytes).toString('latin1'), finder };
}

const ops = (src: string, name: string) => tokenize(Buffer.from(src, 'latin1')).filter((op) => op.op === name);

describe('soft hyphens in the text layer', () => {
  it('takes those inside a line out, span and glyph, and makes the hyphen drawn at the break the soft hyphen', () => {
    const { out, finder } = finish(politie);
    expect(finder.count).toEqual({ removed: 2, kept: 1 });
    expect(out.match(/ActualText/g)).toHaveLength(1);
    // The line's last soft hyphen went with its invisible glyph; the drawn hyphen reads U+00AD.
    expect(out).toMatch(/\(n\) Tj\n+5 0 Td \n+ET\n/);
    expect(out).toContain('/Span <</ActualText <FEFF00AD>>> BDC\nBT\n/F1 10 Tf\n1 0 0 1 70 100 Tm\n(-) Tj\nET\nEMC');
    expect(ops(out, 'BDC')).toHaveLength(2);
    expect(ops(out, 'EMC')).toHaveLength(2);
  });

  it('moves no glyph: every Td and Tm is still there, only the invisible glyphs are gone', () => {
    const { out } = finish(politie);
    expect(ops(out, 'Td').map((op) => op.operands)).toEqual(ops(politie, 'Td').map((op) => op.operands));
    expect(ops(out, 'Tm').map((op) => op.operands)).toEqual(ops(politie, 'Tm').map((op) => op.operands));
    expect(ops(out, 'Tj')).toHaveLength(ops(politie, 'Tj').length - 3);
  });

  it('keeps a ligature that holds a soft hyphen, with ActualText minus the soft hyphen', () => {
    const { out, finder } = finish(efficient);
    expect(finder.count).toEqual({ removed: 2, kept: 0 });
    expect(out).toContain('/Span <</ActualText <FEFF006600660069>>> BDC\n5 0 Td (\\202) Tj\n8 0 Td \nEMC');
    expect(out.match(/ActualText/g)).toHaveLength(1);
  });

  it('leaves text without soft hyphens, and untagged text, as it was', () => {
    const plain = '/P <</MCID 0>> BDC\nBT\n/F1 10 Tf\n1 0 0 1 10 100 Tm\n(a) Tj\n5 0 Td (b) Tj\nET\nEMC\n';
    expect(finish(plain).out).toBe(plain);
    const untagged = `/Artifact BMC\nBT\n/F1 10 Tf\n1 0 0 1 10 100 Tm\n(p) Tj\n${SHY}0 0 Td (o) Tj\nET\nEMC\n`;
    expect(finish(untagged).finder.count).toEqual({ removed: 0, kept: 0 });
  });
});
