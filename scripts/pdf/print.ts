/**
 * One print: a file:// document through Chromium to a tagged PDF with an outline. The page
 * is opened with `goto` (setContent silently drops file:// fonts and images) and printed
 * once every web font has loaded. JavaScript stays off: the document needs none.
 */
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';

export const PRINT_TIMEOUT_MS = 120_000;

export async function printPdf(browser: Browser, htmlFile: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({
      tagged: true,
      outline: true,
      preferCSSPageSize: true,
      printBackground: true,
      timeout: PRINT_TIMEOUT_MS,
    });
  } finally {
    await page.close();
  }
}
