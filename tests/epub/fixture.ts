/**
 * Builds the EPUB of the shipped issue for the tests, the way the pipeline will: load, render,
 * the image stage's EPUB variants, then buildEpub with a page map. The real page map comes
 * from the print PDF; this one is made up, explicitly, from the printed table of contents.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadIssue, type Issue } from '../../scripts/issue/load.ts';
import { processImages } from '../../scripts/images/process.ts';
import type { ProcessedImage } from '../../scripts/images/types.ts';
import { buildEpub } from '../../scripts/epub/build-epub.ts';
import { bodyBlocks } from '../../scripts/epub/page-breaks.ts';
import type { PageMap } from '../../scripts/epub/page-map.ts';
import { renderArticle, type RenderedArticle } from '../../scripts/render/to-hast.ts';

export const root = path.resolve(import.meta.dirname, '../..');
export const shippedIssue = path.join(root, 'manuscript');
/** Fixed for the tests: 2022-06-01T00:00:00Z. */
export const SOURCE_DATE_EPOCH = 1654041600;

/**
 * Start pages: 8, 10, 13, 16, 22, 32 and 34 are printed in the issue's own contents (see the
 * comment in manuscript/issue.yaml); the rest are plausible guesses in between. The cover is
 * page 1 and the contents page 2.
 */
export const startPages: Record<string, number> = {
  voorwoord: 3,
  'erik-pool': 4,
  'coos-maas': 8,
  'sara-abraha': 10,
  nctv: 13,
  'ed-van-ruyven': 16,
  dgsc: 19,
  rvdk: 22,
  'marja-van-aken': 26,
  'astrid-christiaans': 28,
  'esther-van-duren': 30,
  rechtsbijstand: 32,
  tips: 34,
  colofon: 36,
};
export const TOTAL_PAGES = 36;

/**
 * Start pages from the table above; an article's further pages (up to the next article's
 * start) are spread evenly over its body blocks, standing in for positions read from the PDF.
 */
export function testPageMap(issue: Issue, rendered: RenderedArticle[]): PageMap {
  return {
    totalPages: TOTAL_PAGES,
    articles: issue.articles.map((article, index) => {
      const startPage = startPages[article.id];
      if (startPage === undefined) throw new Error(`fixture: no start page for ${article.id}`);
      const next = issue.articles[index + 1];
      const end = next ? startPages[next.id]! : TOTAL_PAGES + 1;
      const blocks = bodyBlocks(rendered.find((item) => item.article.id === article.id)!.body).length;
      const pages = [];
      for (let page = startPage + 1; page < end; page++) {
        const block = Math.min(blocks - 1, Math.round((blocks * (page - startPage)) / (end - startPage)));
        pages.push({ page, block, letter: 0 });
      }
      return { id: article.id, startPage, pages };
    }),
  };
}

export interface ShippedBuild {
  issue: Issue;
  rendered: RenderedArticle[];
  images: Map<string, ProcessedImage>;
  pageMap: PageMap;
  /** The temporary folder holding the images and the EPUB; the test removes it. */
  dir: string;
  file: string;
  bytes: number;
  /** Milliseconds of buildEpub alone (images already made). */
  ms: number;
}

/** Loads, renders and makes the images once; `build` may then be called for several files. */
export async function prepareShipped(issueDir = shippedIssue): Promise<{
  issue: Issue;
  rendered: RenderedArticle[];
  images: Map<string, ProcessedImage>;
  pageMap: PageMap;
  dir: string;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'persklaar-epub-'));
  const issue = await loadIssue(issueDir);
  const rendered = issue.articles.map((article) => renderArticle(article, issue));
  const { images } = await processImages(issue, {
    outDir: { epub: path.join(dir, 'images') },
    editions: ['epub'],
    cacheDir: path.join(root, '.cache/images'),
  });
  return { issue, rendered, images, pageMap: testPageMap(issue, rendered), dir };
}

export async function buildShipped(
  prepared: Awaited<ReturnType<typeof prepareShipped>>,
  name: string,
): Promise<ShippedBuild> {
  const file = path.join(prepared.dir, name);
  const started = performance.now();
  const { bytes } = await buildEpub(prepared.issue, prepared.rendered, prepared.images, {
    outFile: file,
    pageMap: prepared.pageMap,
    sourceDateEpoch: SOURCE_DATE_EPOCH,
  });
  return { ...prepared, file, bytes, ms: performance.now() - started };
}
