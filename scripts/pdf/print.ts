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
 *
 * Documents of one look (the parts of one print: the same folder, the same stylesheets) are
 * printed in turn on one page without loading it anew (`print-in-place.ts`): loading a
 * document and its fonts costs about as much as printing a short article; what Chromium prints
 * from the document in place is the same (`tests/pdf/print-in-place.test.ts`).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, CDPSession, Page } from 'puppeteer';
import { isInside } from '../util/paths.ts';
import { putInPlace } from './print-in-place.ts';

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
  /**
   * The look of the document: its folder, stylesheets and fonts, as a key. A page that printed
   * a document of the same look takes this one in place of it.
   */
  look?: string;
}

/** A page set up for printing, and what it may load (nothing until a print says). */
interface PrintPage {
  page: Page;
  session: CDPSession;
  /** The folder files may come from, and who hears of what was refused. */
  policy?: { dir: string; onBlocked?: (url: string) => void };
  /** The look of the document the page holds, when a document of that look may take its place. */
  holds?: string;
  /** Requests sent and not yet answered: a document put in place is printed once none is left. */
  inflight: Set<string>;
}

/** Pages opened ahead of a browser's first print, while the document is still being made. */
const prepared = new WeakMap<Browser, Promise<PrintPage>>();

/**
 * Pages whose print is done, kept for the browser's next prints: opening a page and its
 * session costs about as much as printing a short article. The cache is off in them, so a
 * document printed again under the same name is read again.
 */
const idle = new WeakMap<Browser, PrintPage[]>();

/**
 * Opens the page the next print of `browser` will use, set up as a print needs it (JavaScript
 * off, navigations intercepted), so that the print itself starts with loading the document.
 * `blank` is a page to use instead of a new one: the empty tab a browser starts with.
 */
export function preparePrintPage(browser: Browser, blank?: Page): void {
  if (prepared.has(browser) || idlePages(browser).length > 0) return;
  const page = openPrintPage(browser, blank);
  page.catch(() => undefined);
  prepared.set(browser, page);
}

async function openPrintPage(browser: Browser, blank?: Page): Promise<PrintPage> {
  const page = blank ?? (await browser.newPage());
  try {
    const session = await page.createCDPSession();
    const printPage: PrintPage = { page, session, inflight: new Set() };
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
    session.on('Network.requestWillBeSent', (event) => {
      requested.set(event.requestId, event.request.url);
      printPage.inflight.add(event.requestId);
    });
    session.on('Network.loadingFinished', (event) => void printPage.inflight.delete(event.requestId));
    session.on('Network.loadingFailed', (event) => {
      printPage.inflight.delete(event.requestId);
      const url = requested.get(event.requestId);
      if (url !== undefined && event.blockedReason === 'inspector') printPage.policy?.onBlocked?.(url);
    });
    await Promise.all([
      page.setJavaScriptEnabled(false),
      session.send('Network.enable').then(() => session.send('Network.setCacheDisabled', { cacheDisabled: true })),
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
  const printPage = (await pageFor(browser)) ?? (await openPrintPage(browser));
  const { page, session } = printPage;
  let printed = false;
  const abandon = () => void page.close().catch(() => undefined);
  options.signal?.addEventListener('abort', abandon, { once: true });
  try {
    const inPlace = options.look !== undefined && printPage.holds === options.look;
    printPage.holds = undefined;
    printPage.policy = { dir: allowedDir, onBlocked: options.onBlocked };
    // Set for every print: a document put in place loads through it as one loaded does.
    await session.send('Network.setBlockedURLs', { urlPatterns: folderAllowList(allowedDir) });
    // A document that could not be put in place is loaded instead, on the same page.
    if (!inPlace || !(await putInPlace(page, htmlFile, printPage.inflight).catch(() => false)))
      await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout });
    // Every face is loaded first: one used only in a margin box (the folio's) is asked for
    // during the print, too late, and its text set in a fallback font.
    // A face that cannot load (refused, broken) is left to the fallback, as in the print itself.
    await page.evaluate(() => Promise.all(Array.from(document.fonts, (face) => face.load().catch(() => undefined))));
    const pdf = await page.pdf({
      tagged: true,
      outline: true,
      preferCSSPageSize: true,
      printBackground: true,
      // Puppeteer waits for document.fonts.ready itself before it prints.
      waitForFonts: true,
      timeout,
    });
    printed = true;
    // A page that prints part after part in place keeps every part's decoded photos and
    // fonts until memory is short: told that it is, once a part is printed, the renderer lets
    // them go (a full print of the issue then peaks at half Chromium's memory). Not waited
    // for: the next print's commands come after it.
    void session.send('Memory.simulatePressureNotification', { level: 'critical' }).catch(() => undefined);
    printPage.holds = options.look;
    return pdf;
  } finally {
    options.signal?.removeEventListener('abort', abandon);
    printPage.policy = undefined;
    // A page whose print failed or was abandoned is not trusted again.
    if (printed && !page.isClosed()) idlePages(browser).push(printPage);
    else if (!page.isClosed()) void page.close().catch(() => undefined);
  }
}

/**
 * An idle page of `browser`, else the one prepared for it; none when that could not be
 * prepared (the caller opens one, where its failure is reported).
 */
async function pageFor(browser: Browser): Promise<PrintPage | undefined> {
  const pages = idlePages(browser);
  while (pages.length > 0) {
    const reused = pages.pop()!;
    if (!reused.page.isClosed()) return reused;
  }
  const ready = prepared.get(browser);
  prepared.delete(browser);
  return ready?.catch(() => undefined);
}

function idlePages(browser: Browser): PrintPage[] {
  if (!idle.has(browser)) idle.set(browser, []);
  return idle.get(browser)!;
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
