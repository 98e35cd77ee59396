/**
 * The build joins on every edit: fifteen parts join in well under a tenth of a second once
 * warm, and an issue of 78 parts joins whole, its structure as consistent as a small one's.
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

async function fastest(parts: PrintedPart[], runs: number): Promise<number> {
  await joinParts(parts, options);
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await joinParts(parts, options);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('the join’s time', () => {
  let work: string;
  let small: PrintedPart[];
  let large: PrintedPart[];

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'persklaar-join-time-'));
    large = await printSets(work, 26, (set) => (set % 2 === 0 ? 3 : 1));
    small = large.slice(3, 18);
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('joins fifteen parts in well under a tenth of a second', async () => {
    const joined = await joinParts(small, options);
    expect(joined.getPageCount()).toBeGreaterThanOrEqual(20);
    const milliseconds = await fastest(small, 5);
    console.log(`joined ${small.length} parts, ${joined.getPageCount()} pages, in ${milliseconds.toFixed(1)} ms`);
    expect(milliseconds).toBeLessThan(100);
  });

  it('joins 78 parts whole', async () => {
    const started = performance.now();
    const joined = await joinParts(large, options);
    const milliseconds = performance.now() - started;
    const pages = joined.getPageCount();
    console.log(`joined ${large.length} parts, ${pages} pages, in ${milliseconds.toFixed(1)} ms`);
    expect(large).toHaveLength(78);
    expect(pages).toBeGreaterThanOrEqual(190);
    const reread = await readPdf(await joined.save({ useObjectStreams: false }));
    expect(structureFaults(reread)).toEqual([]);
    expect(outlineFaults(reread)).toEqual([]);
    expect(milliseconds).toBeLessThan(2000);
  });
});
