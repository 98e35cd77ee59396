/**
 * What the print edition prints with: the browser `watch` keeps warm (borrowed: never closed
 * here), or one launched for a single build as soon as the build starts, so that Chromium
 * starts while the manuscripts are read and rendered. A print is retried once in a fresh
 * browser (`robust-print.ts`); a `ChromiumFailure` is exit 2.
 */
import type { Browser } from 'puppeteer';
import { closeOrKill, launchForPrint } from './browser.ts';

export interface Printer {
  /**
   * Prints the document, retrying once in a fresh browser; the PDF exactly as Chromium wrote it.
   * `signal` abandons the print (the page is closed, no retry): the build failed elsewhere.
   */
  print(htmlFile: string, signal?: AbortSignal): Promise<Uint8Array>;
  /** Closes a browser of the printer's own; a borrowed one stays open. */
  close(): Promise<void>;
}

/** Prints with `browser`, in this thread; `own` browsers are closed by `close()`. */
export function browserPrinter(browser: Browser | Promise<Browser>, own: boolean): Printer {
  const launched = Promise.resolve(browser);
  launched.catch(() => undefined);
  let closing: Promise<void> | undefined;
  return {
    async print(htmlFile, signal) {
      const { printWithRetry } = await import('./robust-print.ts');
      return printWithRetry(await launched, htmlFile, { signal });
    },
    close() {
      closing ??= own ? launched.then(closeOrKill, () => undefined) : Promise.resolve();
      return closing;
    },
  };
}

/** A browser launched in this thread for one build. */
export function launchedPrinter(): Printer {
  return browserPrinter(launchForPrint(), true);
}
