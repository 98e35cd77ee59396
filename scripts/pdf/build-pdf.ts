/**
 * The print edition: one HTML document (kept as `print/index.html`) printed by Chromium,
 * then finished for PDF/UA. Contents page numbers need the printed result, so the page map
 * of the last build is reused: if the first print puts every article where the map said,
 * that print is final; otherwise the numbers are filled in and the document printed again.
 */
import path from 'node:path';
import { creatorsOf, issueDate, issueDateAsDate, issueLabel } from '../issue/format.ts';
import type { Issue } from '../issue/load.ts';
import type { ProcessedImage } from '../images/types.ts';
import { writeThemeAssets } from '../render/theme.ts';
import { themeTokens } from '../issue/theme.ts';
import type { RenderedArticle } from '../render/to-hast.ts';
import { toolVersion } from '../util/fingerprint.ts';
import { writeFileAtomic } from '../util/output.ts';
import { articleAnchor, articleAnchors, printDocument, type StartPages } from './document.ts';
import { loadHyphenationMemo, saveHyphenationMemo } from './hyphenate.ts';
import type { PDFDocument } from '@cantoo/pdf-lib';
import type { FinishReport } from './finish/index.ts';
import {
  keepStretched,
  keptStretched,
  pageMapFile,
  readPageMapCache,
  samePages,
  type PrintedPages,
  type SettledPrint,
} from './page-map-cache.ts';
import { findPageStarts, pagesInsideArticles, type PageStart } from './page-starts.ts';
import { pageTexts } from './page-text.ts';
import { PrintMemos } from './print-memos.ts';
import { headingTitles, retitleOutline } from './outline-titles.ts';
import { partOptionsFor, printInParts } from './parts/print-in-parts.ts';
import { keepOnlyParts } from './parts/print-parts.ts';
import { placePrintImages } from './print-images.ts';
import { placePlainBlocks } from './plain-placement.ts';
import type { Printer } from './printer.ts';
import { setRagged, withStretched } from './ragged-paragraphs.ts';
import { stretchedLines } from './stretched-lines.ts';
import { placeAndMark } from './placement/apply.ts';
import { MARKER_PATTERN } from './placement/markers.ts';
import { dropDestinations } from './placement/measure.ts';
import { restoreReadingOrder } from './placement/reading-order.ts';
import { measureLayouts, PLACEMENT_PASSES, PlacementSearch, samePlan } from './placement/search.ts';
import type { ArticleLayout } from './placement/layout.ts';
import type { MarkedArticle } from './placement/apply.ts';
import { layoutFindings, type LayoutFinding } from './placement/report.ts';

/** Placement passes, then the prints that settle the contents numbers. */
const MAX_PRINTS = PLACEMENT_PASSES + 3;

export interface PdfBuild {
  /** The finished PDF; the build writes it once every edition has succeeded. */
  bytes: Uint8Array;
  /** Where each article starts, as printed on the contents page and verified in the PDF. */
  startPages: StartPages;
  /** Where every later page begins in its article's text (`page-starts.ts`). */
  pageStarts: PageStart[];
  /** Where the print set each article's floats (the press edition prints the same). */
  placement: SettledPrint['placement'];
  /** The lines the print set ragged (the press edition sets the same). */
  stretched: SettledPrint['stretched'];
  pageCount: number;
  prints: number;
  /** Of the parts those prints were made of, how many Chromium printed (the rest were as before). */
  partsPrinted: number;
  timings: { print: number; finish: number; finishParts: FinishReport['timings']; pageStarts: number };
  /** Pages whose finishing was taken from the last build (their print had not changed). */
  pagesRemembered: number;
}

export interface PdfOptions {
  printer: Printer;
  /** Folder for the print document and its assets (the build swaps it into place whole). */
  printDir: string;
  cacheDir: string;
  /** Called once the last print is made: the browser is no longer needed. */
  printed?: (settled: SettledPrint | undefined) => void;
  /** The build failed elsewhere: stop printing, finish nothing, keep nothing in the cache. */
  signal?: AbortSignal;
}

// Longer than 80 lines: the print loop (print, measure, place, print again) keeps the page map,
// the placement search, the layouts and the times across its passes, and the finishing reads them.
export async function buildPdf(
  issue: Issue,
  rendered: RenderedArticle[],
  images: Map<string, ProcessedImage>,
  options: PdfOptions,
): Promise<PdfBuild> {
  const { printDir } = options;
  const anchors = articleAnchors(issue);
  await writeThemeAssets(printDir, 'print.css', themeTokens(issue.theme));

  const wordsFile = path.join(options.cacheDir, 'hyphenated-words.json');
  const [cachedMap, memos] = await Promise.all([
    readPageMapCache(options.cacheDir, issue),
    PrintMemos.read(options.cacheDir, issue),
    loadHyphenationMemo(wordsFile, toolVersion()),
  ]);
  let startPages = cachedMap?.startPages;
  let stretched: SettledPrint['stretched'] | undefined;
  const placement = new PlacementSearch(cachedMap?.placement);
  let layouts = new Map<string, ArticleLayout>();
  let marked: MarkedArticle[] = [];
  let tree: ReturnType<typeof printDocument> | undefined;
  let pdf: PDFDocument | undefined;
  let pageCount = 0;
  let prints = 0;
  let printMs = 0;
  // pdf-lib and the finishing code are loaded while Chromium prints, not before.
  let afterPrint: Promise<[typeof import('./finish/index.ts'), typeof import('./page-map.ts')]> | undefined;
  const { signal } = options;
  const partOptions = partOptionsFor(issue, 'parts', { ...options, signal });
  let partKeys: string[] = [];
  let partsPrinted = 0;
  while (prints < MAX_PRINTS) {
    signal?.throwIfAborted();
    tree = printDocument(issue, rendered, startPages);
    placePlainBlocks(tree, images);
    marked = placeAndMark(tree, placement.plan);
    // Kept lines are known by the paragraph before them, so only once the floats are placed.
    stretched ??= keptStretched(issue, cachedMap, tree);
    setRagged(tree, stretched);
    placePrintImages(tree, images, printDir);
    const start = performance.now();
    afterPrint ??= Promise.all([import('./finish/index.ts'), import('./page-map.ts')]);
    const round = await printInParts(tree, startPages, partOptions);
    const [, { readStartPages }] = await afterPrint;
    pdf = round.pdf;
    partKeys = round.keys;
    partsPrinted += round.report.printed;
    printMs += performance.now() - start;
    prints++;
    const facts = readStartPages(pdf, anchors);
    pageCount = facts.pageCount;
    layouts = measureLayouts(pdf, marked, facts.startPages, anchors);
    const adjustable = new Set(marked.filter((article) => article.searchable).map((article) => article.anchor));
    const plan = placement.next(layouts);
    const settled = samePlan(plan, placement.plan);
    // A line stretched past the limit is set ragged in the next print (it moves nothing); not
    // in a very long article, whose every page that print would set again (as placement).
    const found = stretchedLines(pdf, facts.startPages, memos.wordSpaces).filter(
      (line) => line.article !== undefined && adjustable.has(articleAnchor(line.article)),
    );
    const moreRagged = setRagged(tree, withStretched({}, found)) > 0;
    stretched = withStretched(stretched, found);
    if (settled && samePages(startPages, facts.startPages) && !moreRagged) break;
    placement.adopt(plan);
    startPages = facts.startPages;
  }
  options.printed?.(startPages && { startPages, placement: placement.plan, stretched: stretched ?? {} });
  if (!pdf || !startPages || !tree || !stretched)
    throw new Error('The print edition did not settle: contents page numbers kept changing');

  signal?.throwIfAborted();
  // The measuring destinations served the placement; the shipped PDF keeps its own.
  dropDestinations(pdf, (name) => MARKER_PATTERN.test(name));
  retitleOutline(pdf, headingTitles(tree));
  const readInPrintOrder = restoreReadingOrder(pdf, marked).map(
    (anchor): LayoutFinding => ({
      anchor,
      ruleId: 'layout-reading-order',
      message: 'The tagged PDF reads this article as printed: its tags did not match its blocks one to one',
    }),
  );
  reportLayout(issue, [...layoutFindings(layouts, marked), ...readInPrintOrder]);
  // Read before finishing edits the pages; finishing would not change a word of them.
  const pageStartsStart = performance.now();
  const texts = pageTexts(pdf, pagesInsideArticles(pageCount, startPages, rendered), memos.texts);
  const pageStarts = findPageStarts(texts, pageCount, startPages, rendered, memos.starts);
  const pageStartsMs = performance.now() - pageStartsStart;
  const finishStart = performance.now();
  const [{ finishDocument }] = await afterPrint!;
  const { bytes: finished, report } = await finishDocument(pdf, {
    title: `${issueLabel(issue.meta)} — ${issueDate(issue.meta)}`,
    language: issue.meta.language,
    creators: creatorsOf(issue),
    subject: issue.meta.subtitle,
    modDate: issueDateAsDate(issue),
    memo: memos.finished,
  });
  const finishMs = performance.now() - finishStart;
  signal?.throwIfAborted();
  await Promise.all([
    writeFileAtomic(
      pageMapFile(options.cacheDir, issue),
      JSON.stringify(
        {
          pageCount,
          startPages,
          pageStarts,
          placement: placement.memo(layouts),
          stretched: keepStretched(issue, stretched, tree, cachedMap),
        } satisfies PrintedPages,
        null,
        2,
      ),
    ),
    memos.write(),
    keepOnlyParts(partOptions.partsDir, new Set(partKeys)),
    saveHyphenationMemo(wordsFile, toolVersion()),
  ]);
  return {
    bytes: finished,
    startPages,
    pageStarts,
    placement: placement.plan,
    stretched,
    pageCount,
    prints,
    partsPrinted,
    timings: { print: printMs, finish: finishMs, finishParts: report.timings, pageStarts: pageStartsMs },
    pagesRemembered: memos.finished.hits,
  };
}

/** What the layout could not solve, told at the manuscript line as a warning of the build. */
function reportLayout(issue: Issue, findings: LayoutFinding[]): void {
  const byAnchor = new Map(issue.articles.map((article) => [articleAnchor(article.id), article]));
  for (const finding of findings) {
    const place = finding.line === undefined ? undefined : { line: finding.line, column: 1 };
    byAnchor.get(finding.anchor)?.file.message(finding.message, { place, ruleId: finding.ruleId, source: 'persklaar' });
  }
}
