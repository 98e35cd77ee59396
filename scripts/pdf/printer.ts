/**
 * What the print edition prints with: a browser launched for a single build as soon as the
 * build starts, so that Chromium starts while the manuscripts are read and rendered, or one
 * that `watch` keeps warm across builds. A print is retried once in a fresh browser
 * (`robust-print.ts`); a `ChromiumFailure` is exit 2.
 */
import type { Browser } from 'puppeteer';
import { closeOrKill, launchForPrint } from './browser.ts';
import { preparePrintPage } from './print.ts';
import { PrintAddress } from './print-address.ts';

export interface Printer {
  /**
   * Prints the document, retrying once in a fresh browser; the PDF exactly as Chromium wrote it.
   * `signal` abandons the print (the page is closed, no retry): the build failed elsewhere.
   * Documents of one `look` may be printed in place of one another (`print.ts`).
   */
  print(htmlFile: string, signal?: AbortSignal, look?: string): Promise<Uint8Array>;
  /**
   * Where the printer's browser reads `printDir` for prints of `kind`, when that is an address
   * of its own that stays the same from one build to the next (`print-address.ts`).
   */
  address?(printDir: string, kind: string): Promise<string>;
  /** Closes a browser of the printer's own; a borrowed one stays open. */
  close(): Promise<void>;
}

/** A browser launched now for one build, closed by `close()`. */
export function launchedPrinter(): Printer {
  const launched = launchForPrint();
  launched.catch(() => undefined);
  let closing: Promise<void> | undefined;
  return {
    async print(htmlFile, signal, look) {
      const { printWithRetry } = await import('./robust-print.ts');
      return printWithRetry(await launched, htmlFile, { signal, look });
    },
    close() {
      closing ??= launched.then(closeOrKill, () => undefined);
      return closing;
    },
  };
}

/**
 * A browser kept for many builds (`watch`: a launch would add a fifth of a second to each):
 * launched again when it has died, and the next print's page opened as soon as a print is
 * made, while the editor is still typing.
 */
export function warmPrinter(): Printer & { ready: Promise<void> } {
  let browser: Promise<Browser> = launchForPrint();
  browser.catch(() => undefined);
  const address = new PrintAddress();
  return {
    ready: browser.then(() => undefined),
    address: (printDir, kind) => address.of(printDir, kind),
    async print(htmlFile, signal, look) {
      const { printWithRetry } = await import('./robust-print.ts');
      let current = await browser.catch(() => undefined);
      if (!current?.connected) {
        browser = launchForPrint();
        current = await browser;
      }
      try {
        return await printWithRetry(current, htmlFile, { signal, look });
      } finally {
        if (current.connected) preparePrintPage(current);
      }
    },
    async close() {
      const current = await browser.catch(() => undefined);
      if (current) await closeOrKill(current);
      await address.close();
    },
  };
}

/** `printer` for one build that does not own it: closing it is left to its owner. */
export function borrowed(printer: Printer): Printer {
  return {
    print: (htmlFile, signal, look) => printer.print(htmlFile, signal, look),
    address: printer.address && ((printDir, kind) => printer.address!(printDir, kind)),
    close: async () => undefined,
  };
}
