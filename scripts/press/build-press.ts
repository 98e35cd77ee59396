/**
 * The press edition: the print document (the very tree the accessible PDF is printed from,
 * contents numbers included) printed again with the press stylesheet, then finished as
 * PDF/X-4. When the accessible PDF is made in the same build, its settled page map is given
 * and one print suffices; alone (`--only press`) it starts from the last page map and prints
 * again until the contents numbers hold, as the accessible PDF does. The page map and the
 * finishing memo in the cache stay the accessible PDF's: the press edition writes neither.
 */
import path from 'node:path';
import type { PDFDocument } from '@cantoo/pdf-lib';
import { creatorsOf, issueDate, issueDateAsDate, issueLabel } from '../issue/format.ts';
import type { Issue } from '../issue/load.ts';
import type { ImageReference, ProcessedImage } from '../images/types.ts';
import { writeThemeAssets } from '../render/theme.ts';
import type { RenderedArticle } from '../render/to-hast.ts';
import { toolVersion } from '../util/fingerprint.ts';
import { articleAnchors, printDocument, type StartPages } from '../pdf/document.ts';
import { loadHyphenationMemo } from '../pdf/hyphenate.ts';
import { keptStretched, readPageMapCache, samePages, type SettledPrint } from '../pdf/page-map-cache.ts';
import { setRagged } from '../pdf/ragged-paragraphs.ts';
import { placeAndMark } from '../pdf/placement/apply.ts';
import { placePlainBlocks } from '../pdf/plain-placement.ts';
import { readStartPages } from '../pdf/page-map.ts';
import { placePrintImages } from '../pdf/print-images.ts';
import type { Printer } from '../pdf/printer.ts';
import { partOptionsFor, printInParts } from '../pdf/parts/print-in-parts.ts';
import { keepOnlyParts } from '../pdf/parts/print-parts.ts';
import { finishPress } from './finish.ts';
import { lowResolutionWarnings } from './resolution.ts';
import { pressSettings } from './settings.ts';
import { usePressStylesheet, writePressStylesheet } from './stylesheet.ts';

const MAX_PRINTS = 3;

export interface PressBuild {
  bytes: Uint8Array;
  pageCount: number;
  startPages: StartPages;
  prints: number;
  /** `file:line:column: …` for every photo the press would print below 250 ppi. */
  warnings: string[];
  timings: { print: number; finish: number };
}

export interface PressOptions {
  printer: Printer;
  /** Folder for the press document and its assets (swapped into place whole by the build). */
  pressDir: string;
  cacheDir: string;
  /** Where the articles start and their floats go, as the accessible PDF of this build settled it. */
  settled?: SettledPrint;
  references: ImageReference[];
  signal?: AbortSignal;
}

export async function buildPress(
  issue: Issue,
  rendered: RenderedArticle[],
  images: Map<string, ProcessedImage>,
  options: PressOptions,
): Promise<PressBuild> {
  const { printer, pressDir, signal } = options;
  const settings = await pressSettings(issue);
  const anchors = articleAnchors(issue);
  await writeThemeAssets(pressDir, 'print.css');
  const cover = issue.meta.cover ? images.get(issue.meta.cover.image)?.print?.cover : undefined;
  await writePressStylesheet(pressDir, settings.bleedMm, cover);
  let startPages = options.settled?.startPages;
  let placement = options.settled?.placement;
  let stretched = options.settled?.stretched;
  let cached: Awaited<ReturnType<typeof readPageMapCache>>;
  if (!startPages) {
    [cached] = await Promise.all([
      readPageMapCache(options.cacheDir, issue),
      loadHyphenationMemo(path.join(options.cacheDir, 'hyphenated-words.json'), toolVersion()),
    ]);
    startPages = cached?.startPages;
    placement = cached?.placement?.plan;
  }

  const partOptions = partOptionsFor(issue, 'press-parts', {
    printer,
    printDir: pressDir,
    cacheDir: options.cacheDir,
    signal,
  });
  let partKeys: string[] = [];
  let printed: Uint8Array | undefined;
  let doc: PDFDocument | undefined;
  let pageCount = 0;
  let prints = 0;
  let printMs = 0;
  while (prints < MAX_PRINTS) {
    signal?.throwIfAborted();
    const tree = printDocument(issue, rendered, startPages);
    placePlainBlocks(tree, images);
    placeAndMark(tree, placement ?? {});
    // The lines the accessible print set ragged: the press prints the same lines.
    stretched ??= keptStretched(issue, cached, tree);
    setRagged(tree, stretched);
    placePrintImages(tree, images, pressDir);
    usePressStylesheet(tree);
    const start = performance.now();
    const round = await printInParts(tree, startPages, partOptions);
    printMs += performance.now() - start;
    prints++;
    partKeys = round.keys;
    doc = round.pdf;
    // What the press file's id is made from: the prints themselves.
    printed = Buffer.concat(round.printed.map((part) => part.pdf));
    const facts = readStartPages(doc, anchors);
    pageCount = facts.pageCount;
    if (samePages(startPages, facts.startPages)) break;
    startPages = facts.startPages;
    printed = undefined;
  }
  if (!printed || !doc || !startPages)
    throw new Error('The press edition did not settle: contents page numbers kept changing');

  signal?.throwIfAborted();
  const finishStart = performance.now();
  const bytes = await finishPress(doc, printed, {
    settings,
    title: `${issueLabel(issue.meta)} — ${issueDate(issue.meta)}`,
    creators: creatorsOf(issue),
    date: issueDateAsDate(issue),
  });
  await keepOnlyParts(partOptions.partsDir, new Set(partKeys));
  const warnings = lowResolutionWarnings(options.references, images, settings.bleedMm);
  return {
    bytes,
    pageCount,
    startPages,
    prints,
    warnings,
    timings: { print: printMs, finish: performance.now() - finishStart },
  };
}
