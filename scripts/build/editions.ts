/**
 * The editions of one build, made side by side: Chromium prints the accessible PDF (and the
 * press edition after it) while this thread places the photos, makes the web edition and packs
 * the EPUB. Whichever fails first fails the build at once, and abandons the others.
 */
import path from 'node:path';
import type { EditionName } from './build-state.ts';
import { outputPaths } from './build-state.ts';
import type { BuildRun } from './build-run.ts';
import { collectImages } from '../issue/image-references.ts';
import type { Issue } from '../issue/load.ts';
import { processImages } from '../images/process.ts';
import { formatImageSummary } from '../images/summary.ts';
import type { Edition, ImageStageOptions } from '../images/types.ts';
import type { PdfBuild } from '../pdf/build-pdf.ts';
import { readPageMapCache, samePrint, type PrintedPages, type SettledPrint } from '../pdf/page-map-cache.ts';
import type { PressBuild } from '../press/build-press.ts';
import type { RenderedArticle } from '../render/to-hast.ts';
import { buildWeb } from '../web/build-web.ts';

/** Where each edition is made: staged beside its output, or a folder of the build's own. */
export interface EditionFolders {
  web?: string;
  print?: string;
  press?: string;
  /** The EPUB packs its photos from here; the folder goes when the build ends. */
  epubImages?: string;
}

/** What the edition steps share. */
export interface EditionJob {
  issue: Issue;
  rendered: RenderedArticle[];
  folders: EditionFolders;
  cacheDir: string;
  run: BuildRun;
}

export interface MadeEditions {
  webPages?: string[];
  pdf?: PdfBuild;
  epub?: Uint8Array;
  press?: PressBuild;
}

/**
 * The editions, in the order that keeps both threads busy: the print's photos first, so that
 * Chromium starts on the document (and the press edition after it) while the other editions'
 * photos are placed, the web edition made and the EPUB packed. Whichever fails first fails
 * the build at once (and abandons the others).
 */
export async function makeEditions(job: EditionJob): Promise<MadeEditions> {
  const { issue, rendered, folders, run } = job;
  // A drawing the EPUB cannot hold as SVG is pictured by a Chromium of its own, launched
  // only for the first such drawing (`pdf/drawing-picture.ts`).
  const camera = folders.epubImages ? (await import('../pdf/drawing-picture.ts')).drawingCamera() : undefined;
  if (camera) run.atEnd(() => camera.close());
  const photos = (editions: Edition[]) => placePhotos(job, editions, camera?.picture);
  const others: Edition[] = [
    ...(folders.web ? ['web' as const] : []),
    ...(folders.epubImages ? ['epub' as const] : []),
  ];
  const printPhotos = folders.print
    ? await run.stage(others.length > 0 ? 'images, print' : 'images', () => photos(['print']))
    : undefined;
  const print = printPhotos ? await startPrint(job, printPhotos.images) : undefined;
  const pressing = folders.press
    ? run.runAlongside(pressAlongside(issue, rendered, { ...job, pressDir: folders.press, settled: print?.settled }))
    : undefined;
  // Photos made in this build (a cold cache) take both cores and a few hundred megabytes beside
  // Chromium's renderers: the other editions' photos wait for the print's last page then, which
  // costs no time (the same cores do both) and keeps the build's peak memory down.
  if (print && printPhotos && printPhotos.summary.print.misses > 0) await print.printsMade;
  const otherPhotos =
    others.length > 0 ? await run.stage(printPhotos ? 'images, rest' : 'images', () => photos(others)) : undefined;
  logPhotoSummary(run, printPhotos, otherPhotos);
  const images = otherPhotos?.images ?? printPhotos?.images;
  // The web edition's `#p17` anchors are the last print's; made again below if this print moved them.
  const lastPrint = await readPageMapCache(job.cacheDir, issue);
  const webPages = folders.web
    ? await run.stage('web', () => buildWeb(issue, rendered, images!, folders.web!, lastPrint))
    : undefined;
  const packing = folders.epubImages
    ? run.runAlongside(packEpubAlongside(issue, rendered, images!, { last: lastPrint, printing: print?.printing, run }))
    : undefined;
  const [pdf, epub, press] = await Promise.all([print?.printing, packing, pressing]);
  if (folders.web && pdf && !samePrint(lastPrint, printedPages(pdf)))
    await run.stage('web, pages', () => buildWeb(issue, rendered, images!, folders.web!, printedPages(pdf)));
  return { webPages, pdf, epub, press };
}

type PlacedPhotos = Awaited<ReturnType<typeof processImages>>;

function placePhotos(
  { issue, folders, cacheDir }: EditionJob,
  editions: Edition[],
  pictureDrawing?: ImageStageOptions['pictureDrawing'],
): Promise<PlacedPhotos> {
  return processImages(issue, {
    outDir: {
      web: folders.web && path.join(folders.web, 'images'),
      print: folders.print && path.join(folders.print, 'images'),
      epub: folders.epubImages,
    },
    editions,
    cacheDir: path.join(cacheDir, 'images'),
    pictureDrawing,
  });
}

/** Each pass counted only its own editions (the press edition's links are not counted). */
function logPhotoSummary(run: BuildRun, printPhotos?: PlacedPhotos, otherPhotos?: PlacedPhotos): void {
  const counted = otherPhotos ?? printPhotos;
  if (!counted) return;
  const summary = { ...counted.summary, print: (printPhotos ?? counted).summary.print };
  for (const line of formatImageSummary(summary)) run.log(`  ${line}`);
}

/**
 * The accessible PDF, printed beside this thread. With a press edition in the build, the print
 * hands the browser over as soon as its page map has settled (the press edition prints while
 * this print is finished for PDF/UA); without one the browser is closed then.
 */
async function startPrint(
  { issue, rendered, folders, cacheDir, run }: EditionJob,
  images: PlacedPhotos['images'],
): Promise<{
  printing: Promise<PdfBuild>;
  settled?: Promise<SettledPrint | undefined>;
  /** Settled when the print's last page is made, or the print has ended. */
  printsMade: Promise<void>;
}> {
  const { buildPdf } = await import('../pdf/build-pdf.ts');
  const printer = run.startPrinter();
  const closePrinter = () => void printer.close().catch(() => undefined);
  let handOver: ((print: SettledPrint | undefined) => void) | undefined;
  const handedOver = folders.press
    ? new Promise<SettledPrint | undefined>((resolve) => (handOver = resolve))
    : undefined;
  const printDir = folders.print!;
  let lastPrintMade = () => {};
  const printsMade = new Promise<void>((resolve) => (lastPrintMade = resolve));
  const printed = (settled: SettledPrint | undefined) => {
    lastPrintMade();
    (handOver ?? closePrinter)(settled);
  };
  const printing = run.runAlongside(
    run.stage('pdf', () =>
      buildPdf(issue, rendered, images, { printer, printDir, cacheDir, printed, signal: run.abandoned }),
    ),
  );
  const settled =
    handedOver &&
    Promise.race([
      handedOver,
      printing.then(({ startPages, placement, stretched }) => ({ startPages, placement, stretched })),
    ]);
  const ended = printing.then(
    () => undefined,
    () => undefined,
  );
  return { printing, settled, printsMade: Promise.race([printsMade, ended]) };
}

/** The files to put in place and every output of the build, with the verbose lines of the PDFs. */
export function outputsOf(
  made: MadeEditions,
  wanted: EditionName[],
  outDir: string,
  slug: string,
  run: BuildRun,
): { files: [string, Uint8Array][]; outputs: string[] } {
  const paths = outputPaths(outDir, slug);
  const outputs = (made.webPages ?? []).map((page) => path.join(outDir, 'web', page));
  const files: [string, Uint8Array][] = [];
  if (made.pdf && wanted.includes('pdf')) {
    run.log(`  ${pdfSummary(made.pdf)}`);
    files.push([paths.pdf, made.pdf.bytes]);
    outputs.push(paths.pdf, path.join(outDir, 'print', 'index.html'));
  }
  if (made.epub) {
    files.push([paths.epub, made.epub]);
    outputs.push(paths.epub);
  }
  if (made.press) {
    run.log(`  ${pressSummary(made.press)}`);
    files.push([paths.press, made.press.bytes]);
    outputs.push(paths.press, path.join(outDir, 'press', 'index.html'));
  }
  return { files, outputs };
}

/**
 * The press edition: its own folder and photos (the print variants, linked from the cache), and
 * its print after the accessible PDF's last print, whose settled page map it takes when there is one.
 */
async function pressAlongside(
  issue: Issue,
  rendered: RenderedArticle[],
  options: {
    run: BuildRun;
    pressDir: string;
    cacheDir: string;
    /** The accessible PDF's settled page map and placement, when it is made in this build. */
    settled: Promise<SettledPrint | undefined> | undefined;
  },
): Promise<PressBuild> {
  const { pressDir, cacheDir, run } = options;
  const placed = await run.stage('images, press', () =>
    processImages(issue, {
      outDir: { print: path.join(pressDir, 'images') },
      editions: ['print'],
      cacheDir: path.join(cacheDir, 'images'),
    }),
  );
  const { buildPress } = await import('../press/build-press.ts');
  const settled = await options.settled;
  return run.stage('press', () =>
    buildPress(issue, rendered, placed.images, {
      printer: run.startPrinter(),
      pressDir,
      cacheDir,
      settled,
      references: collectImages(issue),
      signal: run.abandoned,
    }),
  );
}

/**
 * The EPUB's page list comes from the print. It is packed at once with the page map of the
 * last print (as the contents page is first printed with it), while Chromium prints; when the
 * print shows a page has moved, it is packed again with the new map. Without a print in this
 * build the last print's map is used, and without one at all the EPUB cannot be made.
 */
async function packEpubAlongside(
  issue: Issue,
  rendered: RenderedArticle[],
  images: Awaited<ReturnType<typeof processImages>>['images'],
  {
    last,
    printing,
    run,
  }: {
    /** The last print's page map, from the cache. */
    last: PrintedPages | undefined;
    printing: Promise<PdfBuild> | undefined;
    run: BuildRun;
  },
): Promise<Uint8Array> {
  const { packEpub } = await import('../epub/build-epub.ts');
  const pack = (printed: PrintedPages) => {
    const pageMap = {
      totalPages: printed.pageCount,
      articles: issue.articles.map((article) => ({
        id: article.id,
        startPage: printed.startPages[article.id]!,
        pages: printed.pageStarts.filter((start) => start.article === article.id),
      })),
    };
    return run.stage('epub', () => packEpub(issue, rendered, images, { pageMap }));
  };
  const early = last ? await pack(last) : undefined;
  if (!printing) {
    // The build prints whenever there is no page map: this one vanished meanwhile.
    if (!early) throw new Error('The print edition’s page map could not be read');
    return early;
  }
  const printed = printedPages(await printing);
  return samePrint(last, printed) && early ? early : pack(printed);
}

/** What the other editions need of a print. */
function printedPages(pdf: PdfBuild): PrintedPages {
  return { pageCount: pdf.pageCount, startPages: pdf.startPages, pageStarts: pdf.pageStarts };
}

/** The verbose line of the press edition: its prints and its finishing. */
function pressSummary(press: PressBuild): string {
  const prints = `${press.prints} ${press.prints === 1 ? 'print' : 'prints'}`;
  const finishing = `PDF/X-4 finishing ${press.timings.finish.toFixed(0)} ms`;
  return `press: ${press.pageCount} pages, ${prints} (${press.timings.print.toFixed(0)} ms), ${finishing}`;
}

/** The verbose line of the print: its prints, and where the PDF/UA finishing's time went. */
function pdfSummary(pdf: PdfBuild): string {
  const parts = `${pdf.partsPrinted} ${pdf.partsPrinted === 1 ? 'part' : 'parts'} printed`;
  const prints = `${pdf.prints} ${pdf.prints === 1 ? 'print' : 'prints'} (${pdf.timings.print.toFixed(0)} ms, ${parts})`;
  const finishParts = Object.entries(pdf.timings.finishParts)
    .filter(([part]) => part !== 'load')
    .map(([part, ms]) => `${part} ${ms.toFixed(0)}`)
    .join(', ');
  const finishing = `PDF/UA finishing ${pdf.timings.finish.toFixed(0)} ms`;
  const remembered = `${pdf.pagesRemembered} pages as in the last build`;
  const pageStarts = `page starts ${pdf.timings.pageStarts.toFixed(0)} ms`;
  return `${pdf.pageCount} pages, ${prints}, ${finishing} (${remembered}; ${finishParts}), ${pageStarts}`;
}
