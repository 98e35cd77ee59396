/**
 * The text layer of the shipped issue, read back by two independent readers (poppler's
 * pdftotext and pdf.js) beside Chromium's own print of the same parts, joined: the
 * manuscripts' words are found as typed, no soft hyphen is left inside a line, every line-end
 * hyphen Chromium drew is still there, the pages look the same, and `persklaar check` tells
 * the two prints apart.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPdf, type CheckFailure } from '../../scripts/check/pdf-ua.ts';
import { loadIssue } from '../../scripts/issue/load.ts';
import { launchChromium } from '../../scripts/pdf/browser.ts';
import { joinParts } from '../../scripts/pdf/join/index.ts';
import { JOIN_LINK_PREFIX } from '../../scripts/pdf/parts/split.ts';
import { printPdf } from '../../scripts/pdf/print.ts';
import { root } from '../helpers/cli.ts';
import { openPdf } from '../helpers/pdf.ts';

const buildDir = inject('issueBuild');
/** A soft hyphen with more than a space or the visible hyphen after it on its line. */
const INSIDE_LINE = /\u00ad(?=[^\s\u00ad\u2010-])/g;
const SOFT_HYPHEN_CHECK = 'ISO32000-1:14.8.2.2.3';

/**
 * poppler's text, in reading order (default) or a line of text per printed line (`-layout`).
 * A word broken at a line end ends its line in U+00AD in ours, and in "U+00AD -" in Chromium's
 * print, which poppler then joins to the next line itself, the U+00AD kept inside the word.
 */
function popplerText(file: string, mode?: '-layout'): string {
  const args = [...(mode ? [mode] : []), '-enc', 'UTF-8', file, '-'];
  const result = spawnSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}
/** Line-end breaks joined: what a search over poppler's text finds. */
const popplerJoined = (file: string) => popplerText(file).replace(/\u00ad[-\u2010]?\n/g, '');
const popplerLineEnds = (file: string) => popplerText(file, '-layout').match(/\u00ad[-\u2010]?(?=\s|$)/g)?.length ?? 0;
const popplerInsideLines = (file: string) => popplerText(file, '-layout').match(INSIDE_LINE) ?? [];

/** pdf.js's text, a line per line (its end-of-line marks); pdf.js does not read ActualText. */
async function pdfjsLines(file: string): Promise<string[]> {
  const document = await openPdf(file);
  const lines: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    let line = '';
    for (const item of (await (await document.getPage(n)).getTextContent()).items) {
      if (!('str' in item)) continue;
      line += item.str;
      if (item.hasEOL) {
        lines.push(line);
        line = '';
      }
    }
    lines.push(line);
  }
  await document.destroy();
  return lines;
}
const pdfjsLineEnds = (lines: string[]) => lines.filter((line) => /\p{Ll}-$/u.test(line)).length;
const pdfjsJoined = (lines: string[]) => lines.join('\n').replace(/(\p{L})-\n(?=\p{L})/gu, '$1');

function foundShare(words: ReadonlySet<string>, text: string): { share: number; missing: string[] } {
  const present = new Set(text.match(/\p{L}+/gu) ?? []);
  const missing = [...words].filter((word) => !present.has(word));
  return { share: 1 - missing.length / words.size, missing };
}

const softHyphenFailures = (failures: CheckFailure[]) =>
  failures.filter((failure) => failure.checkpoint === SOFT_HYPHEN_CHECK);
const checked = async (file: string) =>
  (await checkPdf(new Uint8Array(readFileSync(file)), path.basename(file))).failures;

/**
 * Chromium's own print of the parts the build printed (the front, then every article in the
 * order of `print/index.html`), joined: the same pages before the finishing touched them.
 */
async function chromiumPrint(printDir: string): Promise<Uint8Array> {
  const whole = readFileSync(path.join(printDir, 'index.html'), 'utf8');
  const names = ['front', ...[...whole.matchAll(/<article [^>]*id="(art-[^"]+)"/g)].map((match) => match[1]!)];
  const browser = await launchChromium();
  try {
    const parts = [];
    for (const name of names) parts.push({ name, pdf: await printPdf(browser, path.join(printDir, `${name}.html`)) });
    return await (await joinParts(parts, { linkPrefix: JOIN_LINK_PREFIX })).save();
  } finally {
    await browser.close();
  }
}

describe('the text layer of the shipped issue', () => {
  let work: string;
  let ours: string;
  let chromium: string;
  /** The manuscripts' distinct body-text words of seven letters or more. */
  const words = new Set<string>();

  beforeAll(async () => {
    const issue = await loadIssue(path.join(root, 'manuscript'));
    for (const article of issue.articles) {
      visit(article.tree, 'paragraph', (paragraph) => {
        visit(paragraph, 'text', (node: Text) => {
          for (const word of node.value.match(/\p{L}+/gu) ?? []) if (word.length >= 7) words.add(word);
        });
      });
    }
    ours = path.join(buildDir, `${issue.meta.slug}.pdf`);
    work = mkdtempSync(path.join(tmpdir(), 'persklaar-text-layer-'));
    chromium = path.join(work, 'chromium.pdf');
    writeFileSync(chromium, await chromiumPrint(path.join(buildDir, 'print')));
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('holds ≥ 99 % of the manuscripts’ long words as typed, read by poppler (Chromium’s print: far fewer)', () => {
    expect(words.size).toBeGreaterThan(1000);
    const found = foundShare(words, popplerJoined(ours));
    expect(found.share, found.missing.join(' ')).toBeGreaterThanOrEqual(0.99);
    expect(foundShare(words, popplerJoined(chromium)).share).toBeLessThan(0.5);
  });

  it('holds at least 99 % of them read by pdf.js too', async () => {
    const found = foundShare(words, pdfjsJoined(await pdfjsLines(ours)));
    expect(found.share, found.missing.join(' ')).toBeGreaterThanOrEqual(0.99);
  });

  it('leaves no soft hyphen inside a line, for either reader', async () => {
    expect(popplerInsideLines(ours)).toEqual([]);
    expect((await pdfjsLines(ours)).filter((line) => line.match(INSIDE_LINE))).toEqual([]);
    expect(popplerInsideLines(chromium).length).toBeGreaterThan(1000);
  });

  it('keeps the columns visibly hyphenated: every line-end hyphen Chromium drew, read as a soft hyphen', async () => {
    // Ours reads U+00AD alone at a break: the drawn hyphen is the soft hyphen, not a hard one.
    expect(popplerText(ours, '-layout')).not.toMatch(/\u00ad[-\u2010]/);
    const before = popplerLineEnds(chromium);
    expect(before).toBeGreaterThan(100);
    expect(popplerLineEnds(ours)).toBe(before);
    const lines = pdfjsLineEnds(await pdfjsLines(chromium));
    expect(lines).toBeGreaterThan(100);
    expect(pdfjsLineEnds(await pdfjsLines(ours))).toBe(lines);
  });

  it('looks the same as Chromium’s print, page for page', () => {
    const pixels = (file: string, name: string): Buffer[] => {
      const prefix = path.join(work, name);
      const result = spawnSync('pdftoppm', ['-r', '30', '-gray', file, prefix]);
      expect(result.status).toBe(0);
      const count = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)![1]);
      const digits = String(count).length;
      const page = (i: number) => `${prefix}-${String(i + 1).padStart(digits, '0')}.pgm`;
      return Array.from({ length: count }, (_, i) => readFileSync(page(i)));
    };
    const a = pixels(chromium, 'chromium');
    const b = pixels(ours, 'ours');
    expect(b.length).toBe(a.length);
    for (let i = 0; i < a.length; i++) expect(b[i]!.equals(a[i]!), `page ${i + 1}`).toBe(true);
  });

  it(
    'is what persklaar check tells apart: soft hyphens ' + 'in lines of Chromium’s print, by page; none in ours',
    async () => {
      const theirs = softHyphenFailures(await checked(chromium));
      expect(theirs.length).toBeGreaterThan(20);
      for (const failure of theirs) {
        expect(failure.page).toBeGreaterThanOrEqual(1);
        expect(failure.message).toMatch(/^\d+ soft hyphens? \(U\+00AD\) inside lines.*“\p{L}+·\p{L}/u);
      }
      const counted = theirs.reduce((sum, failure) => sum + Number(/^(\d+)/.exec(failure.message)![1]), 0);
      expect(counted).toBe(popplerInsideLines(chromium).length);
      expect(softHyphenFailures(await checked(ours))).toEqual([]);
    },
  );

  it('gives every glyph a text: pdf.js reads the ligatures, and persklaar check finds no glyph without', async () => {
    const text = pdfjsJoined(await pdfjsLines(ours));
    expect(text).not.toMatch(/[\u0000\ufffd]/);
    // Source Serif's ff and ffi ligatures, which Chromium's fonts map to U+0000.
    for (const word of ['treffen', 'slachtoffer', 'efficiënt']) if (words.has(word)) expect(text).toContain(word);
    const unmapped = (failures: CheckFailure[]) => failures.filter((failure) => failure.element === 'ToUnicode');
    const theirs = unmapped(await checked(chromium));
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs[0]!.message).toMatch(/glyphs? maps? to no text/);
    expect(unmapped(await checked(ours))).toEqual([]);
  });
});
