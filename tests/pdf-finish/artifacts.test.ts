/**
 * Artifact wrapping on hand-written content streams shaped like Chromium's: runs of unmarked
 * graphics objects become artifacts, marked sequences are left alone, nesting stays balanced.
 */
import { describe, expect, it } from 'vitest';
import { wrapUnmarkedContent } from '../../scripts/pdf/finish/artifacts.ts';
import { isCovered, scanContent } from '../../scripts/pdf-read/scan.ts';
import { tokenize } from '../../scripts/pdf-read/tokenizer.ts';

const pageBox: [number, number, number, number] = [0, 0, 420, 595];
const wrap = (src: string, hasOwnStructure?: (name: string) => boolean) =>
  wrapUnmarkedContent(Buffer.from(src, 'latin1'), { pageBox, ...(hasOwnStructure ? { hasOwnStructure } : {}) });
const out = (r: { bytes: Uint8Array }): string => Buffer.from(r.bytes).toString('latin1');

/** Every painted object in the result is inside an MCID sequence or an artifact. */
function uncoveredPaint(src: string): number {
  let count = 0;
  scanContent(tokenize(Buffer.from(src, 'latin1')), {
    paint(_item, stack) {
      if (!isCovered(stack)) count++;
    },
  });
  return count;
}

/** Marked-content depth never goes negative, ends at zero, and q/Q likewise. */
function balanced(src: string): boolean {
  let mc = 0;
  let q = 0;
  for (const op of tokenize(Buffer.from(src, 'latin1'))) {
    if (op.op === 'BDC' || op.op === 'BMC') mc++;
    if (op.op === 'EMC') mc--;
    if (op.op === 'q') q++;
    if (op.op === 'Q') q--;
    if (mc < 0 || q < 0) return false;
  }
  return mc === 0 && q === 0;
}

describe('artifact wrapping', () => {
  // Chromium's page: a y-flipped CTM, margin boxes, then the body clip and the flow.
  const chromiumPage = [
    '.24 0 0 -.24 0 595 cm',
    'q 3.125 0 0 3.125 0 0 cm',
    'BT /F4 12 Tf 1 0 0 -1 269 38 Tm <002e> Tj ET',
    'BT /F4 12 Tf 1 0 0 -1 501 760 Tm <0014> Tj ET',
    'Q',
    'q 165 212 1417 2031 re W* n',
    'q 3.125 0 0 3.125 165 212 cm',
    '/H1 <</MCID 0 >>BDC 0 61 454 2 re f EMC',
    '0 80 454 2 re f',
    '/P <</MCID 1 >>BDC BT /F4 14 Tf 1 0 0 -1 0 95 Tm <0028> Tj ET',
    'Q q 471 0 0 -93 165 731 cm EMC /X7 Do Q',
    'Q',
  ].join('\n');

  it('marks margin-box text as Pagination Header/Footer and other paint as plain artifacts', () => {
    const result = wrap(chromiumPage);
    const text = out(result);
    expect(result.wrapped).toEqual({ Header: 1, Footer: 1, Pagination: 0, plain: 2 });
    expect(text).toContain(
      '/Artifact <</Type /Pagination /Subtype /Header>> BDC\nBT /F4 12 Tf 1 0 0 -1 269 38 Tm <002e> Tj ET\nEMC',
    );
    expect(text).toContain(
      '/Artifact <</Type /Pagination /Subtype /Footer>> BDC\nBT /F4 12 Tf 1 0 0 -1 501 760 Tm <0014> Tj ET\nEMC',
    );
    expect(text).toContain('/Artifact BMC\n0 80 454 2 re f\nEMC');
    expect(text).toContain('/Artifact BMC\n/X7 Do\nEMC');
    expect(uncoveredPaint(text)).toBe(0);
    expect(balanced(text)).toBe(true);
  });

  it('leaves content that is already marked alone', () => {
    const src = '/P <</MCID 0>> BDC BT (a) Tj ET 0 0 1 1 re f EMC /Artifact BMC 0 0 m 1 1 l S EMC';
    const result = wrap(src);
    expect(out(result)).toBe(src);
    expect(result.bytes).toBe(result.bytes);
  });

  it('never lets an artifact straddle q/Q: it closes before the save or restore', () => {
    const src = '0 0 1 1 re f q 1 0 0 1 5 5 cm 0 0 1 1 re f Q 2 2 1 1 re f';
    const text = out(wrap(src));
    expect(text).toBe(
      '\n/Artifact BMC\n0 0 1 1 re f\nEMC\n q 1 0 0 1 5 5 cm \n/Artifact ' +
        'BMC\n0 0 1 1 re f\nEMC\n Q \n/Artifact BMC\n2 2 1 1 re f\nEMC\n',
    );
    expect(balanced(text)).toBe(true);
  });

  it('wraps unmarked paint inside a non-MCID marked sequence (e.g. optional content)', () => {
    const text = out(wrap('/OC /oc1 BDC 0 0 1 1 re f EMC'));
    expect(text).toBe('/OC /oc1 BDC \n/Artifact BMC\n0 0 1 1 re f\nEMC\n EMC');
    expect(uncoveredPaint(text)).toBe(0);
  });

  it('works inside a text object that holds marked content, without leaving the BT…ET', () => {
    const src = 'BT /F1 10 Tf /Span <</MCID 0>> BDC (real) Tj EMC (ornament) Tj ET';
    const text = out(wrap(src));
    expect(text).toBe('BT /F1 10 Tf /Span <</MCID 0>> BDC (real) Tj EMC \n/Artifact BMC\n(ornament) Tj\nEMC\n ET');
    expect(uncoveredPaint(text)).toBe(0);
  });

  it('wraps inline images and shadings, and keeps clip-only paths (re W n) outside', () => {
    const src = '0 0 10 10 re W n BI /W 1 /H 1 /CS /G /BPC 8 ID \x00 EI /Sh0 sh';
    const text = out(wrap(src));
    expect(text).toBe('0 0 10 10 re W n \n/Artifact BMC\nBI /W 1 /H 1 /CS /G /BPC 8 ID \x00 EI /Sh0 sh\nEMC\n');
  });

  it('does not wrap a Form XObject that carries its own structure', () => {
    const text = out(wrap('/Fm1 Do /Im1 Do', (name) => name === 'Fm1'));
    expect(text).toBe('/Fm1 Do \n/Artifact BMC\n/Im1 Do\nEMC\n');
  });

  it('collects the text runs of each MCID for link texts', () => {
    const result = wrap('/Link <</MCID 4>> BDC BT /F1 9 Tf (he) Tj [(ll) 20 (o)] TJ ET EMC');
    const pieces = result.mcidText.get(4)!;
    const runs = pieces.flatMap((p) => p.runs);
    expect(runs.map((r) => Buffer.from(r.string.bytes).toString('latin1')).join('')).toBe('hello');
    expect(runs[0]!.font).toBe('F1');
    expect(pieces[0]!.origin).toEqual([0, 0]);
  });
});
