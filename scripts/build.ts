/**
 * build: load → render → images → editions. Each manuscript is parsed once and rendered to
 * hast once; the editions share that hast. Every output is staged beside its destination and
 * swapped in only when the whole build has succeeded, so a failed build leaves the previous
 * outputs exactly as they were.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'puppeteer';
import { loadIssue, type Issue } from './issue/load.ts';
import { processImages } from './images/process.ts';
import { formatImageSummary } from './images/summary.ts';
import type { Edition } from './images/types.ts';
import type { PdfBuild } from './pdf/build-pdf.ts';
import { renderArticle, type RenderedArticle } from './render/to-hast.ts';
import { stageDir, writeFileAtomic, type StagedDir } from './util/output.ts';
import { buildWeb } from './web/build-web.ts';

export const editions = ['web', 'pdf'] as const;
export type EditionName = (typeof editions)[number];

export interface BuildOptions {
  issueDir: string;
  outDir: string;
  only?: EditionName[];
  cacheDir?: string;
  /** A browser to print with (kept warm by `watch`); otherwise one is launched and closed. */
  browser?: Browser;
  /** Called with one line per finished stage. */
  log?: (line: string) => void;
}

export interface BuildResult {
  issue: Issue;
  outputs: string[];
  pdf?: PdfBuild;
  timings: { stage: string; ms: number }[];
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const timings: BuildResult['timings'] = [];
  const log = options.log ?? (() => {});
  const stage = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    const result = await work();
    const ms = performance.now() - start;
    timings.push({ stage: name, ms });
    log(`${name.padEnd(8)} ${ms.toFixed(0).padStart(6)} ms`);
    return result;
  };

  const outDir = path.resolve(options.outDir);
  const cacheDir = path.resolve(options.cacheDir ?? '.cache');
  const wanted = new Set(options.only ?? editions);
  const issue = await stage('load', () => loadIssue(options.issueDir));
  const rendered: RenderedArticle[] = await stage('render', () => issue.articles.map((article) => renderArticle(article, issue.meta)));

  const staged: StagedDir[] = [];
  const stageFor = async (name: string) => {
    const dir = await stageDir(path.join(outDir, name));
    staged.push(dir);
    return dir.path;
  };
  try {
    const webDir = wanted.has('web') ? await stageFor('web') : undefined;
    const printDir = wanted.has('pdf') ? await stageFor('print') : undefined;
    const imageEditions: Edition[] = [...(webDir ? ['web' as const] : []), ...(printDir ? ['print' as const] : [])];
    const { images, summary } = await stage('images', () =>
      processImages(issue, {
        outDir: { web: webDir && path.join(webDir, 'images'), print: printDir && path.join(printDir, 'images') },
        editions: imageEditions,
        cacheDir: path.join(cacheDir, 'images'),
      }),
    );
    for (const line of formatImageSummary(summary)) log(`  ${line}`);
    const outputs: string[] = [];
    const files: [string, Uint8Array][] = [];

    if (webDir) {
      const pages = await stage('web', () => buildWeb(issue, rendered, images, webDir));
      outputs.push(...pages.map((page) => path.join(outDir, 'web', page)));
    }

    let pdf: PdfBuild | undefined;
    if (printDir) {
      const outFile = path.join(outDir, `${issue.meta.slug}.pdf`);
      // Loaded only when printing: Puppeteer and pdf.js are most of the start-up cost.
      const [{ launchChromium }, { buildPdf }] = await Promise.all([import('./pdf/browser.ts'), import('./pdf/build-pdf.ts')]);
      const browser = options.browser ?? (await stage('browser', () => launchChromium()));
      try {
        pdf = await stage('pdf', () => buildPdf(issue, rendered, images, { browser, printDir, cacheDir }));
      } finally {
        if (!options.browser) await browser.close();
      }
      log(`  ${pdf.pageCount} pages, ${pdf.prints} ${pdf.prints === 1 ? 'print' : 'prints'} (${pdf.timings.print.toFixed(0)} ms), PDF/UA finishing ${pdf.timings.finish.toFixed(0)} ms`);
      files.push([outFile, pdf.bytes]);
      outputs.push(outFile, path.join(outDir, 'print', 'index.html'));
    }

    // Everything succeeded: only now does any output change.
    for (const [file, bytes] of files) await writeFileAtomic(file, bytes);
    for (const dir of staged) await dir.commit();
    return { issue, outputs, pdf, timings };
  } catch (error) {
    await Promise.all(staged.map((dir) => dir.discard()));
    throw error;
  }
}
