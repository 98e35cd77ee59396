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
import type { Browser } from 'puppeteer';

export const PRINT_TIMEOUT_MS = 120_000;

export interface PrintOptions {
  timeoutMs?: number;
  /** Told of every request that was refused (tests count them; nothing is fetched). */
  onBlocked?: (url: string) => void;
}

export async function printPdf(browser: Browser, htmlFile: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const timeout = options.timeoutMs ?? PRINT_TIMEOUT_MS;
  const allowedDir = path.dirname(path.resolve(htmlFile)) + path.sep;
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (isInside(url, allowedDir)) return void request.continue();
      options.onBlocked?.(url);
      void request.abort('blockedbyclient');
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
    await page.close();
  }
}

function isInside(url: string, dir: string): boolean {
  if (url.startsWith('data:')) return true;
  if (!url.startsWith('file:')) return false;
  try {
    return path.resolve(fileURLToPath(url)).startsWith(dir);
  } catch {
    return false;
  }
}
