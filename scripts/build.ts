/**
 * build: load → render → images → editions. Each manuscript is parsed once and rendered to
 * hast once; the editions share that hast.
 *
 * Incremental: every edition's inputs are fingerprinted (manuscripts, photos, the tool's own
 * code and theme); an edition whose fingerprint matches its last build and whose output is
 * still there is skipped. Atomic: every output is staged beside its destination and swapped in
 * only when the whole build has succeeded, so a failed build leaves the previous outputs as
 * they were.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'puppeteer';
import { editions, editionKey, editionsToBuild, outputPaths, writeBuildState, type BuildPlan, type EditionName } from './build-state.ts';
import { loadIssue, type Issue } from './issue/load.ts';
import { processImages } from './images/process.ts';
import { formatImageSummary } from './images/summary.ts';
import type { Edition } from './images/types.ts';
import type { PdfBuild } from './pdf/build-pdf.ts';
import { readPageMapCache, samePages, type PrintedPages } from './pdf/page-map-cache.ts';
import { renderArticle, type RenderedArticle } from './render/to-hast.ts';
import { hasFatal, InputError, UsageError } from './util/errors.ts';
import { lockOutput } from './util/lock.ts';
import { browserPrinter, launchedPrinter, type Printer } from './pdf/printer.ts';
import { refuseWritesToSources } from './util/source-folders.ts';
import { stageDir, writeFileAtomic, type StagedDir } from './util/output.ts';
import { buildWeb } from './web/build-web.ts';

export { editions, type EditionName } from './build-state.ts';

export interface BuildOptions {
  issueDir: string;
  outDir: string;
  only?: EditionName[];
  cacheDir?: string;
  /** Rebuild every edition even when its inputs are unchanged. */
  force?: boolean;
  /** A browser to print with (kept warm by `watch`); otherwise one is launched and closed. */
  browser?: Browser;
  /**
   * A printer already starting, which the build closes when it ends: the launcher's quick answer
   * starts one (Chromium in a worker thread) before the pipeline is loaded, so that both
   * start-ups overlap.
   */
  printer?: Printer;
  /** Which editions are stale, when the caller has already worked it out. */
  plan?: BuildPlan;
  /** Called with one line per finished stage. */
  log?: (line: string) => void;
}

export interface BuildResult {
  issue: Issue;
  /** Files written by this build (skipped editions write nothing). */
  outputs: string[];
  built: EditionName[];
  skipped: EditionName[];
  pdf?: PdfBuild;
  /** Per stage; the PDF's stage runs alongside the web edition's and the EPUB's. */
  timings: { stage: string; ms: number }[];
  /** From the start of the build to its outputs in place. */
  ms: number;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const timings: BuildResult['timings'] = [];
  const log = options.log ?? (() => {});
  const stage = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    const result = await work();
    const ms = performance.now() - start;
    timings.push({ stage: name, ms });
    log(`${name.padEnd(13)} ${ms.toFixed(0).padStart(6)} ms`);
    return result;
  };

  const outDir = path.resolve(options.outDir);
  const cacheDir = path.resolve(options.cacheDir ?? '.cache');
  const location = { issueDir: options.issueDir, outDir, cacheDir };
  const { stale: wanted, inputs, state } = options.plan ?? (await editionsToBuild(location, options.only ?? editions, options.force));
  const skipped = (options.only ?? editions).filter((edition) => !wanted.includes(edition));
  // Chromium starts while the manuscripts are read and rendered and the photos made.
  const printer = options.printer ?? (wanted.includes('pdf') ? (options.browser ? browserPrinter(options.browser, false) : launchedPrinter()) : undefined);
  const staged: StagedDir[] = [];
  const cleanup: (() => Promise<void>)[] = [];
  /** Work still running when the build fails, to wait for before its folders are removed. */
  const cleanupFirst: (() => Promise<void>)[] = [];
  const failed = new AbortController();
  // The printer's own browser is closed as soon as the last print is made (while the PDF is
  // finished), or when the build ends, whichever comes first.
  if (printer) cleanup.push(() => printer.close());
  const stageFor = async (name: string) => {
    const dir = await stageDir(path.join(outDir, name));
    staged.push(dir);
    return dir.path;
  };
  try {
    // Nothing is written where the sources live: not the parsed manuscripts the loader keeps in
    // the cache, and (once the manuscripts are known to be sound) no output.
    refuseWritesToSources(options.issueDir, { 'cache folder': cacheDir });
    // Loaded even when nothing changed: a broken manuscript must still be reported.
    const issue = await stage('load', () => loadIssue(options.issueDir, { cacheDir }));
    refuseWritesToSources(options.issueDir, { 'output folder': outDir });
    const outputsOf = outputPaths(outDir, issue.meta.slug);
    if (wanted.length === 0) {
      log('nothing changed');
      return { issue, outputs: [], built: [], skipped, timings, ms: performance.now() - started };
    }
    const rendered: RenderedArticle[] = await stage('render', () => issue.articles.map((article) => renderArticle(article, issue)));
    // What the render could not repair (`render/refusals.ts`) stops the build at its lines.
    const refused = issue.articles.map((article) => article.file).filter(hasFatal);
    if (refused.length > 0) throw new InputError(refused);
    const lock = await lockOutput(outDir);
    cleanup.push(() => lock.release());

    const webDir = wanted.includes('web') ? await stageFor('web') : undefined;
    const printDir = wanted.includes('pdf') ? await stageFor('print') : undefined;
    // The EPUB packs its photos from here; the folder goes when the build ends.
    const epubImages = wanted.includes('epub') ? await mkdtemp(path.join(tmpdir(), 'persklaar-epub-')) : undefined;
    if (epubImages) cleanup.push(() => rm(epubImages, { recursive: true, force: true }));

    const placeImages = (editions: Edition[]) =>
      processImages(issue, {
        outDir: { web: webDir && path.join(webDir, 'images'), print: printDir && path.join(printDir, 'images'), epub: epubImages },
        editions,
        cacheDir: path.join(cacheDir, 'images'),
      });
    // The print's photos first, so that Chromium starts on the document while the other
    // editions' photos (many more files) are placed.
    const otherEditions: Edition[] = [...(webDir ? ['web' as const] : []), ...(epubImages ? ['epub' as const] : [])];
    const printImages = printDir ? await stage(otherEditions.length > 0 ? 'images, print' : 'images', () => placeImages(['print'])) : undefined;
    const outputs: string[] = [];
    const files: [string, Uint8Array][] = [];

    // The print goes first: while Chromium prints, this thread makes the web edition and packs
    // the EPUB (see `packEpubAlongside`), instead of waiting.
    let printing: Promise<PdfBuild> | undefined;
    if (printDir) {
      const { buildPdf } = await import('./pdf/build-pdf.ts');
      const closePrinter = () => void printer!.close().catch(() => undefined);
      printing = stage('pdf', () => buildPdf(issue, rendered, printImages!.images, { printer: printer!, printDir, cacheDir, printed: closePrinter, signal: failed.signal }));
      printing.catch(() => undefined);
      cleanupFirst.push(async () => void (await printing!.catch(() => undefined)));
    }

    const otherImages = otherEditions.length > 0 ? await stage(printImages ? 'images, rest' : 'images', () => placeImages(otherEditions)) : undefined;
    const images = otherImages?.images ?? printImages!.images;
    // Each pass counted only its own editions.
    const summary = { ...(otherImages ?? printImages)!.summary, print: (printImages ?? otherImages)!.summary.print };
    for (const line of formatImageSummary(summary)) log(`  ${line}`);

    if (webDir) {
      const pages = await stage('web', () => buildWeb(issue, rendered, images, webDir));
      outputs.push(...pages.map((page) => path.join(outDir, 'web', page)));
    }

    const epub = epubImages ? packEpubAlongside(issue, rendered, images, { cacheDir, printing, stage }) : undefined;
    epub?.catch(() => undefined);
    if (epub) cleanupFirst.push(async () => void (await epub.catch(() => undefined)));

    // Whichever fails first fails the build at once (and abandons the other).
    const [pdf, epubBytes] = await Promise.all([printing, epub]);
    if (pdf) {
      log(`  ${pdf.pageCount} pages, ${pdf.prints} ${pdf.prints === 1 ? 'print' : 'prints'} (${pdf.timings.print.toFixed(0)} ms), PDF/UA finishing ${pdf.timings.finish.toFixed(0)} ms (${pdf.pagesRemembered} pages as in the last build; ${Object.entries(pdf.timings.finishParts).filter(([part]) => part !== 'load').map(([part, ms]) => `${part} ${ms.toFixed(0)}`).join(', ')})`);
      files.push([outputsOf.pdf, pdf.bytes]);
      outputs.push(outputsOf.pdf, path.join(outDir, 'print', 'index.html'));
    }
    if (epubBytes) {
      files.push([outputsOf.epub, epubBytes]);
      outputs.push(outputsOf.epub);
    }

    // Everything succeeded: only now does any output change.
    for (const [file, bytes] of files) await writeFileAtomic(file, bytes);
    for (const dir of staged) await dir.commit();
    for (const edition of wanted) state[edition] = editionKey(edition, inputs);
    await writeBuildState(location, { ...state, slug: issue.meta.slug });
    return { issue, outputs, built: wanted, skipped, pdf, timings, ms: performance.now() - started };
  } catch (error) {
    // A print still running is abandoned (its page closed, no retry, nothing finished or kept
    // in the cache) and waited for before its folder goes; so is an EPUB still being packed.
    failed.abort(error);
    await Promise.all(cleanupFirst.map((step) => step()));
    await Promise.all(staged.map((dir) => dir.discard()));
    throw error;
  } finally {
    await stage('close', async () => {
      for (const step of cleanup) await step();
    });
  }
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
  { cacheDir, printing, stage }: { cacheDir: string; printing: Promise<PdfBuild> | undefined; stage: <T>(name: string, work: () => Promise<T> | T) => Promise<T> },
): Promise<Uint8Array> {
  const { packEpub } = await import('./epub/build-epub.ts');
  const pack = (printed: PrintedPages) => {
    const pageMap = { totalPages: printed.pageCount, articles: issue.articles.map((article) => ({ id: article.id, startPage: printed.startPages[article.id]! })) };
    return stage('epub', () => packEpub(issue, rendered, images, { pageMap }));
  };
  const last = await readPageMapCache(cacheDir, issue);
  const early = last ? await pack(last) : undefined;
  if (!printing) {
    if (!early) throw new UsageError('The EPUB’s page list needs the print edition’s page numbers: build the PDF once (`persklaar build` without --only)');
    return early;
  }
  const pdf = await printing;
  const same = last && last.pageCount === pdf.pageCount && samePages(last.startPages, pdf.startPages);
  return same && early ? early : pack({ pageCount: pdf.pageCount, startPages: pdf.startPages });
}
