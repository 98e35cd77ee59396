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
import {
  defaultEditions,
  editionKey,
  editionsToBuild,
  outputPaths,
  writeBuildState,
  type BuildPlan,
  type EditionName,
} from './build-state.ts';
import { collectImages } from './issue/image-references.ts';
import { loadIssue, type Issue } from './issue/load.ts';
import { processImages } from './images/process.ts';
import { formatImageSummary } from './images/summary.ts';
import type { Edition } from './images/types.ts';
import type { PdfBuild } from './pdf/build-pdf.ts';
import type { PressBuild } from './pdf/press/build-press.ts';
import { readPageMapCache, samePrint, type PrintedPages, type SettledPrint } from './pdf/page-map-cache.ts';
import { renderArticle, type RenderedArticle } from './render/to-hast.ts';
import { hasFatal, InputError } from './util/errors.ts';
import { lockOutput } from './util/lock.ts';
import { borrowed, launchedPrinter, type Printer } from './pdf/printer.ts';
import { type Location, resolveLocation } from './issue/location.ts';
import { refuseWritesToSources } from './issue/source-folders.ts';
import { stageDir, writeFileAtomic, type StagedDir } from './util/output.ts';
import { buildWeb } from './web/build-web.ts';

export { allEditions, editions, type EditionName } from './build-state.ts';

export interface BuildOptions {
  issueDir: string;
  outDir: string;
  only?: EditionName[];
  cacheDir?: string;
  /** The folders above, already resolved by the command line (`issue/location.ts`). */
  location?: Location;
  /** Rebuild every edition even when its inputs are unchanged. */
  force?: boolean;
  /** A printer the caller keeps (`watch` keeps one warm); otherwise one is launched and closed. */
  printer?: Printer;
  /** Stops the build (the command was interrupted): it fails, leaving the outputs as they were. */
  signal?: AbortSignal;
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
  press?: PressBuild;
  /** Lines for the editor that do not stop the build (`file:line:column: warning: …`). */
  warnings: string[];
  /** Per stage; the PDF's stage runs alongside the web edition's and the EPUB's. */
  timings: { stage: string; ms: number }[];
  /** From the start of the build to its outputs in place. */
  ms: number;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const timings: BuildResult['timings'] = [];
  const log = options.log ?? (() => {});
  const failed = new AbortController();
  const stopped = () => failed.abort(options.signal?.reason);
  const stage = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    if (name !== 'close') failed.signal.throwIfAborted();
    const start = performance.now();
    const result = await work();
    if (name !== 'close') failed.signal.throwIfAborted();
    const ms = performance.now() - start;
    timings.push({ stage: name, ms });
    log(`${name.padEnd(13)} ${ms.toFixed(0).padStart(6)} ms`);
    return result;
  };

  const location = options.location ?? resolveLocation(options);
  const { issueDir, outDir, cacheDir } = location;
  const asked = options.only ?? (await defaultEditions(issueDir));
  const { stale: wanted, inputs, state } = options.plan ?? (await editionsToBuild(location, asked, options.force));
  const skipped = asked.filter((edition) => !wanted.includes(edition));
  const prints = wanted.includes('pdf') || wanted.includes('press');
  // Chromium starts while the manuscripts are read and rendered and the photos made.
  const startPrinter = () => (options.printer ? borrowed(options.printer) : launchedPrinter());
  let printer = prints ? startPrinter() : undefined;
  const staged: StagedDir[] = [];
  const cleanup: (() => Promise<void>)[] = [];
  /** Work still running when the build fails, to wait for before its folders are removed. */
  const cleanupFirst: (() => Promise<void>)[] = [];
  // The printer's own browser is closed as soon as the last print is made (while the PDF is
  // finished), or when the build ends, whichever comes first.
  cleanup.push(async () => printer?.close());
  /** A folder of this build's own, removed when it ends. */
  const temporaryDir = async (name: string) => {
    const dir = await mkdtemp(path.join(tmpdir(), `persklaar-${name}-`));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  };
  const stageFor = async (name: string) => {
    const dir = await stageDir(path.join(outDir, name));
    staged.push(dir);
    return dir.path;
  };
  options.signal?.addEventListener('abort', stopped, { once: true });
  if (options.signal?.aborted) stopped();
  try {
    // Nothing is written where the sources live: not the parsed manuscripts the loader keeps in
    // the cache, and (once the manuscripts are known to be sound) no output.
    refuseWritesToSources(location, { 'cache folder': cacheDir });
    // Loaded even when nothing changed: a broken manuscript must still be reported.
    const issue = await stage('load', () => loadIssue(issueDir, { cacheDir }));
    refuseWritesToSources(location, { 'output folder': outDir });
    const outputsOf = outputPaths(outDir, issue.meta.slug);
    if (wanted.length === 0) {
      log('nothing changed');
      return { issue, outputs: [], built: [], skipped, warnings: [], timings, ms: performance.now() - started };
    }
    // The EPUB's page list is the print's page numbers: with no print made before, the
    // document is printed for them, though the PDF itself is not asked for.
    const printForPages =
      !wanted.includes('pdf') && wanted.includes('epub') && !(await readPageMapCache(cacheDir, issue));
    if (printForPages) printer ??= startPrinter();
    const rendered: RenderedArticle[] = await stage('render', () =>
      issue.articles.map((article) => renderArticle(article, issue)),
    );
    // What the render could not repair (`render/refusals.ts`) stops the build at its lines.
    const refused = issue.articles.map((article) => article.file).filter(hasFatal);
    if (refused.length > 0) throw new InputError(refused);
    const lock = await lockOutput(outDir);
    cleanup.push(() => lock.release());

    const webDir = wanted.includes('web') ? await stageFor('web') : undefined;
    const printDir = wanted.includes('pdf')
      ? await stageFor('print')
      : printForPages
        ? await temporaryDir('print')
        : undefined;
    const pressDir = wanted.includes('press') ? await stageFor('press') : undefined;
    // The EPUB packs its photos from here; the folder goes when the build ends.
    const epubImages = wanted.includes('epub') ? await temporaryDir('epub') : undefined;

    const placeImages = (editions: Edition[]) =>
      processImages(issue, {
        outDir: {
          web: webDir && path.join(webDir, 'images'),
          print: printDir && path.join(printDir, 'images'),
          epub: epubImages,
        },
        editions,
        cacheDir: path.join(cacheDir, 'images'),
      });
    // The print's photos first, so that Chromium starts on the document while the other
    // editions' photos (many more files) are placed.
    const otherEditions: Edition[] = [...(webDir ? ['web' as const] : []), ...(epubImages ? ['epub' as const] : [])];
    const printImages = printDir
      ? await stage(otherEditions.length > 0 ? 'images, print' : 'images', () => placeImages(['print']))
      : undefined;
    const outputs: string[] = [];
    const files: [string, Uint8Array][] = [];

    // The print goes first: while Chromium prints, this thread makes the web edition and packs
    // the EPUB (see `packEpubAlongside`), instead of waiting.
    let printing: Promise<PdfBuild> | undefined;
    let settled: Promise<SettledPrint | undefined> | undefined;
    if (printDir) {
      const { buildPdf } = await import('./pdf/build-pdf.ts');
      const closePrinter = () => void printer!.close().catch(() => undefined);
      // The press edition prints with the same browser as soon as the page map has settled,
      // while this print is finished for PDF/UA.
      let settle: ((print: SettledPrint | undefined) => void) | undefined;
      if (pressDir) settled = new Promise((resolve) => (settle = resolve));
      const printed = settle ?? closePrinter;
      printing = stage('pdf', () =>
        buildPdf(issue, rendered, printImages!.images, {
          printer: printer!,
          printDir,
          cacheDir,
          printed,
          signal: failed.signal,
        }),
      );
      printing.catch(() => undefined);
      cleanupFirst.push(async () => void (await printing!.catch(() => undefined)));
    }
    const settledPrint =
      printing && settled
        ? Promise.race([settled, printing.then((pdf) => ({ startPages: pdf.startPages, placement: pdf.placement }))])
        : undefined;
    const pressing = pressDir
      ? pressAlongside(issue, rendered, {
          printer: printer!,
          pressDir,
          cacheDir,
          settled: settledPrint,
          signal: failed.signal,
          stage,
        })
      : undefined;
    pressing?.catch(() => undefined);
    if (pressing) cleanupFirst.push(async () => void (await pressing.catch(() => undefined)));

    const otherImages =
      otherEditions.length > 0
        ? await stage(printImages ? 'images, rest' : 'images', () => placeImages(otherEditions))
        : undefined;
    const images = otherImages?.images ?? printImages?.images;
    // Each pass counted only its own editions (the press edition's links are not counted).
    const counted = otherImages ?? printImages;
    const summary = counted && { ...counted.summary, print: (printImages ?? counted).summary.print };
    for (const line of summary ? formatImageSummary(summary) : []) log(`  ${line}`);

    // The web edition's `#p17` anchors are the last print's; made again below if this print moved them.
    const lastPrint = await readPageMapCache(cacheDir, issue);
    if (webDir) {
      const pages = await stage('web', () => buildWeb(issue, rendered, images!, webDir, lastPrint));
      outputs.push(...pages.map((page) => path.join(outDir, 'web', page)));
    }

    const epub = epubImages
      ? packEpubAlongside(issue, rendered, images!, { last: lastPrint, printing, stage })
      : undefined;
    epub?.catch(() => undefined);
    if (epub) cleanupFirst.push(async () => void (await epub.catch(() => undefined)));

    // Whichever fails first fails the build at once (and abandons the other).
    const [pdf, epubBytes, press] = await Promise.all([printing, epub, pressing]);
    if (webDir && pdf && !samePrint(lastPrint, printedPages(pdf)))
      await stage('web, pages', () => buildWeb(issue, rendered, images!, webDir, printedPages(pdf)));
    if (pdf && wanted.includes('pdf')) {
      log(`  ${pdfSummary(pdf)}`);
      files.push([outputsOf.pdf, pdf.bytes]);
      outputs.push(outputsOf.pdf, path.join(outDir, 'print', 'index.html'));
    }
    if (epubBytes) {
      files.push([outputsOf.epub, epubBytes]);
      outputs.push(outputsOf.epub);
    }
    if (press) {
      const prints = `${press.prints} ${press.prints === 1 ? 'print' : 'prints'}`;
      const finishing = `PDF/X-4 finishing ${press.timings.finish.toFixed(0)} ms`;
      log(`  press: ${press.pageCount} pages, ${prints} (${press.timings.print.toFixed(0)} ms), ${finishing}`);
      files.push([outputsOf.press, press.bytes]);
      outputs.push(outputsOf.press, path.join(outDir, 'press', 'index.html'));
    }

    // Everything succeeded: only now does any output change.
    for (const [file, bytes] of files) await writeFileAtomic(file, bytes);
    for (const dir of staged) await dir.commit();
    for (const edition of wanted) state[edition] = editionKey(edition, inputs);
    await writeBuildState(location, { ...state, slug: issue.meta.slug });
    return {
      issue,
      outputs,
      built: wanted,
      skipped,
      pdf,
      press,
      warnings: press?.warnings ?? [],
      timings,
      ms: performance.now() - started,
    };
  } catch (error) {
    // A print still running is abandoned (its page closed, no retry, nothing finished or kept
    // in the cache) and waited for before its folder goes; so is an EPUB still being packed.
    failed.abort(error);
    await Promise.all(cleanupFirst.map((step) => step()));
    await Promise.all(staged.map((dir) => dir.discard()));
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', stopped);
    await stage('close', async () => {
      // Each step whatever the others did: a folder that cannot be removed must not keep the lock.
      for (const step of cleanup) await step().catch(() => undefined);
    });
  }
}

/**
 * The press edition: its own folder and photos (the print variants, linked from the cache), and
 * its print after the accessible PDF's last print, whose settled page map it takes when there is one.
 */
async function pressAlongside(
  issue: Issue,
  rendered: RenderedArticle[],
  options: {
    printer: Printer;
    pressDir: string;
    cacheDir: string;
    /** The accessible PDF's settled page map and placement, when it is made in this build. */
    settled: Promise<SettledPrint | undefined> | undefined;
    signal: AbortSignal;
    stage: <T>(name: string, work: () => Promise<T> | T) => Promise<T>;
  },
): Promise<PressBuild> {
  const { pressDir, cacheDir, stage } = options;
  const placed = await stage('images, press', () =>
    processImages(issue, {
      outDir: { print: path.join(pressDir, 'images') },
      editions: ['print'],
      cacheDir: path.join(cacheDir, 'images'),
    }),
  );
  const { buildPress } = await import('./pdf/press/build-press.ts');
  const settled = await options.settled;
  return stage('press', () =>
    buildPress(issue, rendered, placed.images, {
      printer: options.printer,
      pressDir,
      cacheDir,
      settled,
      references: collectImages(issue),
      signal: options.signal,
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
    stage,
  }: {
    /** The last print's page map, from the cache. */
    last: PrintedPages | undefined;
    printing: Promise<PdfBuild> | undefined;
    stage: <T>(name: string, work: () => Promise<T> | T) => Promise<T>;
  },
): Promise<Uint8Array> {
  const { packEpub } = await import('./epub/build-epub.ts');
  const pack = (printed: PrintedPages) => {
    const pageMap = {
      totalPages: printed.pageCount,
      articles: issue.articles.map((article) => ({
        id: article.id,
        startPage: printed.startPages[article.id]!,
        pages: printed.pageStarts.filter((start) => start.article === article.id),
      })),
    };
    return stage('epub', () => packEpub(issue, rendered, images, { pageMap }));
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

/** The verbose line of the print: its prints, and where the PDF/UA finishing's time went. */
function pdfSummary(pdf: PdfBuild): string {
  const prints = `${pdf.prints} ${pdf.prints === 1 ? 'print' : 'prints'} (${pdf.timings.print.toFixed(0)} ms)`;
  const parts = Object.entries(pdf.timings.finishParts)
    .filter(([part]) => part !== 'load')
    .map(([part, ms]) => `${part} ${ms.toFixed(0)}`)
    .join(', ');
  const finishing = `PDF/UA finishing ${pdf.timings.finish.toFixed(0)} ms`;
  const remembered = `${pdf.pagesRemembered} pages as in the last build`;
  const pageStarts = `page starts ${pdf.timings.pageStarts.toFixed(0)} ms`;
  return `${pdf.pageCount} pages, ${prints}, ${finishing} (${remembered}; ${parts}), ${pageStarts}`;
}
