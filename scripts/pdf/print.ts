/**
 * One print: a file:// document through Chromium to a tagged PDF with an outline.
 *
 * The renderer is isolated: JavaScript off, and only files inside the print folder are loaded;
 * the network and the rest of the disk are refused, whatever a manuscript tried to smuggle in.
 * Chromium refuses them itself, from an allow-list (`Network.setBlockedURLs`: the print
 * folder, then everything else blocked), so that the document's thirty-odd files do not each
 * wait for a round trip to this process; only navigations (the document, a frame, a
 * `<meta http-equiv="refresh">`) are intercepted and checked here, so that a refused one
 * leaves the page as it was instead of showing Chromium's error page. The page is opened with
 * `goto` (setContent silently drops file:// fonts and images) and printed once every web font
 * has loaded.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, CDPSession, Page } from 'puppeteer';
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

/** A page set up for printing, and what it may load (nothing until a print says). */
interface PrintPage {
  page: Page;
  session: CDPSession;
  /** The folder files may come from, and who hears of what was refused. */
  policy?: { dir: string; onBlocked?: (url: string) => void };
}

/** Pages opened ahead of a browser's first print, while the document is still being made. */
const prepared = new WeakMap<Browser, Promise<PrintPage>>();

/**
 * Opens the page the next print of `browser` will use, set up as a print needs it (JavaScript
 * off, navigations intercepted), so that the print itself starts with loading the document.
 * `blank` is a page to use instead of a new one: the empty tab a browser starts with.
 */
export function preparePrintPage(browser: Browser, blank?: Page): void {
  if (prepared.has(browser)) return;
  const page = openPrintPage(browser, blank);
  page.catch(() => undefined);
  prepared.set(browser, page);
}

async function openPrintPage(browser: Browser, blank?: Page): Promise<PrintPage> {
  const page = blank ?? (await browser.newPage());
  try {
    const session = await page.createCDPSession();
    const printPage: PrintPage = { page, session };
    // Navigations: only the print folder's own files; a refused one is "aborted", which leaves
    // the document in place. Before a print has set the folder, nothing is let through.
    session.on('Fetch.requestPaused', (event) => {
      const { policy } = printPage;
      const { url } = event.request;
      if (policy && isBuildFile(url, policy.dir))
        return void session.send('Fetch.continueRequest', { requestId: event.requestId }).catch(() => undefined);
      policy?.onBlocked?.(url);
      void session
        .send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'Aborted' })
        .catch(() => undefined);
    });
    // Everything else that Chromium's allow-list refused.
    const requested = new Map<string, string>();
    session.on('Network.requestWillBeSent', (event) => void requested.set(event.requestId, event.request.url));
    session.on('Network.loadingFailed', (event) => {
      const url = requested.get(event.requestId);
      if (url !== undefined && event.blockedReason === 'inspector') printPage.policy?.onBlocked?.(url);
    });
    await Promise.all([
      page.setJavaScriptEnabled(false),
      session.send('Network.enable'),
      session.send('Fetch.enable', { patterns: [{ urlPattern: '*', resourceType: 'Document' }] }),
    ]);
    return printPage;
  } catch (error) {
    await page.close().catch(() => undefined);
    throw error;
  }
}

/**
 * The allow-list for a print folder: its files (URLPattern syntax: the folder's path with the
 * pattern syntax's own characters escaped), then every other URL blocked. `data:` URLs carry
 * what they show and are not requests.
 */
export function folderAllowList(dir: string): { urlPattern: string; block: boolean }[] {
  const folder = pathToFileURL(dir).pathname.replace(/\/+$/, '');
  const escaped = folder.replace(/[\\+*?:{}()[\]]/g, (char) => `\\${char}`);
  return [
    { urlPattern: `file://${escaped}/*`, block: false },
    { urlPattern: 'file:///*', block: true },
    // The port spelled out: a pattern without one only matches URLs without one.
    { urlPattern: '*://*:*/*', block: true },
  ];
}

export async function printPdf(browser: Browser, htmlFile: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const timeout = options.timeoutMs ?? PRINT_TIMEOUT_MS;
  const allowedDir = path.dirname(path.resolve(htmlFile));
  options.signal?.throwIfAborted();
  const ready = prepared.get(browser);
  prepared.delete(browser);
  // A page that could not be prepared is opened again here, where its failure is reported.
  const printPage = (await ready?.catch(() => undefined)) ?? (await openPrintPage(browser));
  const { page, session } = printPage;
  const abandon = () => void page.close().catch(() => undefined);
  options.signal?.addEventListener('abort', abandon, { once: true });
  try {
    printPage.policy = { dir: allowedDir, onBlocked: options.onBlocked };
    await session.send('Network.setBlockedURLs', { urlPatterns: folderAllowList(allowedDir) });
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout });
    // Every face is loaded first: one used only in a margin box (the folio's) is asked for
    // during the print, too late, and its text set in a fallback font.
    // A face that cannot load (refused, broken) is left to the fallback, as in the print itself.
    await page.evaluate(() => Promise.all(Array.from(document.fonts, (face) => face.load().catch(() => undefined))));
    return await page.pdf({
      tagged: true,
      outline: true,
      preferCSSPageSize: true,
      printBackground: true,
      // Puppeteer waits for document.fonts.ready itself before it prints.
      waitForFonts: true,
      timeout,
    });
  } finally {
    options.signal?.removeEventListener('abort', abandon);
    // The PDF is on its way meanwhile: the build needs nothing more from this page.
    if (!page.isClosed()) void page.close().catch(() => undefined);
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
