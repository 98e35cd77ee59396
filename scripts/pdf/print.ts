/**
 * One print: a file:// document through Chromium to a tagged PDF with an outline.
 *
 * The renderer is isolated: JavaScript off, and every request intercepted — only files inside
 * the print folder are served; the network and the rest of the disk are refused, whatever a
 * manuscript tried to smuggle in. The page is opened with `goto` (setContent silently drops
 * file:// fonts and images) and printed once every web font has loaded.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { isInside } from '../util/paths.ts';

export const PRINT_TIMEOUT_MS = 120_000;

/** The deadline of one print: `PERSKLAAR_PRINT_TIMEOUT` (seconds), else two minutes. */
export function printTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.PERSKLAAR_PRINT_TIMEOUT);
  return env.PERSKLAAR_PRINT_TIMEOUT && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : PRINT_TIMEOUT_MS;
}

export interface PrintOptions {
  timeoutMs?: number;
  /** Told of every request that was refused (tests count them; nothing is fetched). */
  onBlocked?: (url: string) => void;
  /** Abandons the print: the page is closed, which ends whatever Chromium was still doing. */
  signal?: AbortSignal;
}

/** Pages opened ahead of a browser's first print, while the document is still being made. */
const prepared = new WeakMap<Browser, Promise<Page>>();

/**
 * Opens the page the next print of `browser` will use, set up as a print needs it (JavaScript
 * off, every request intercepted), so that the print itself starts with loading the document.
 * `blank` is a page to use instead of a new one: the empty tab a browser starts with.
 */
export function preparePrintPage(browser: Browser, blank?: Page): void {
  if (prepared.has(browser)) return;
  const page = openPrintPage(browser, blank);
  page.catch(() => undefined);
  prepared.set(browser, page);
}

async function openPrintPage(browser: Browser, blank?: Page): Promise<Page> {
  const page = blank ?? (await browser.newPage());
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
  } catch (error) {
    await page.close().catch(() => undefined);
    throw error;
  }
  return page;
}

export async function printPdf(browser: Browser, htmlFile: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const timeout = options.timeoutMs ?? PRINT_TIMEOUT_MS;
  const allowedDir = path.dirname(path.resolve(htmlFile));
  options.signal?.throwIfAborted();
  const ready = prepared.get(browser);
  prepared.delete(browser);
  // A page that could not be prepared is opened again here, where its failure is reported.
  const page = (await ready?.catch(() => undefined)) ?? (await openPrintPage(browser));
  const abandon = () => void page.close().catch(() => undefined);
  options.signal?.addEventListener('abort', abandon, { once: true });
  try {
    page.on('request', (request) => {
      const url = request.url();
      if (isBuildFile(url, allowedDir)) return void request.continue();
      options.onBlocked?.(url);
      // A refused navigation (`<meta http-equiv="refresh">`) must not replace the document
      // with Chromium's error page: only an "aborted" navigation leaves the page as it was.
      void request.abort(request.isNavigationRequest() ? 'aborted' : 'blockedbyclient');
    });
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({
      tagged: true,
      outline: true,
      preferCSSPageSize: true,
      printBackground: true,
      timeout,
    });
  } finally {
    options.signal?.removeEventListener('abort', abandon);
    if (!page.isClosed()) await page.close().catch(() => undefined);
  }
}

function isBuildFile(url: string, dir: string): boolean {
  if (url.startsWith('data:')) return true;
  if (!url.startsWith('file:')) return false;
  try {
    return isInside(path.resolve(fileURLToPath(url)), dir);
  } catch {
    return false;
  }
}
