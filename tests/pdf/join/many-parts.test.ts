/**
 * An issue of 78 parts joins whole, its structure tree and outline as consistent as a small
 * one's. How long a join takes is measured by the bench (`docs/performance.md`), not here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeOrKill, launchForPrint } from '../../../scripts/pdf/browser.ts';
import { joinParts, type PrintedPart } from '../../../scripts/pdf/join/index.ts';
import { LINK_PREFIX, partsHtml, printParts } from './parts.ts';
import { outlineFaults, readPdf, structureFaults } from './read.ts';

const options = { linkPrefix: LINK_PREFIX };

/** `sets` times the three parts, each set with ids of its own so that all can be joined. */
async function printSets(dir: string, sets: number, length: (set: number) => number): Promise<PrintedPart[]> {
  const browser = await launchForPrint();
  try {
    const parts: PrintedPart[] = [];
    for (let set = 0; set < sets; set++) {
      const htmls = partsHtml([1, 1, 1], { idPrefix: `s${set}-`, length: length(set) });
      const pdfs = await printParts(browser, dir, htmls, `s${set}`);
      parts.push(...pdfs.map((pdf, index) => ({ name: `the article s${set}-${index}`, pdf })));
    }
    return parts;
  } finally {
    await closeOrKill(browser);
  }
}

describe('a join of many parts', () => {
  let work: string;
  let large: PrintedPart[];

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'persklaar-join-time-'));
    large = await printSets(work, 26, (set) => (set % 2 === 0 ? 3 : 1));
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('joins 78 parts whole', async () => {
    const joined = await joinParts(large, options);
    const pages = joined.getPageCount();
    expect(large).toHaveLength(78);
    expect(pages).toBeGreaterThanOrEqual(190);
    const reread = await readPdf(await joined.save({ useObjectStreams: false }));
    expect(structureFaults(reread)).toEqual([]);
    expect(outlineFaults(reread)).toEqual([]);
  });
});
