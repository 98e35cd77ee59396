/**
 * Printing that survives a faulty Chromium. A browser can hang (a page that never finishes
 * loading, a wedged renderer) or die mid-print (out of memory, killed); either way the build
 * must end, clearly, and leave no browser processes behind.
 *
 * Each print runs against a deadline. When it fails or misses the deadline, the print is
 * retried once in a freshly launched browser; when that fails too, the build stops with
 * "Chromium did not finish printing within N s (tried twice)" (exit 2: the manuscripts are
 * not at fault). A browser that failed is killed, whole process group, since asking a hung
 * browser to close can hang as well.
 */
import type { Browser } from 'puppeteer';
import { ChromiumFailure } from '../util/errors.ts';
import { closeOrKill, kill, launchChromium } from './browser.ts';
import { printPdf, printTimeoutMs, type PrintOptions } from './print.ts';

export { ChromiumFailure };

export interface RobustPrintOptions extends PrintOptions {
  /** Launches the browser for the second attempt, which is closed again afterwards. */
  launch?: () => Promise<Browser>;
}

/**
 * Prints `htmlFile` with `browser` (which stays the caller's to close); on failure, once more
 * with a browser of its own. Throws a ChromiumFailure when both attempts fail.
 */
export async function printWithRetry(
  browser: Browser,
  htmlFile: string,
  options: RobustPrintOptions = {},
): Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? printTimeoutMs();
  options.signal?.throwIfAborted();
  const first = await attempt(browser, htmlFile, { ...options, timeoutMs });
  if (first.ok) return first.pdf;
  // A browser that failed a print (or whose print was abandoned) is not trusted again: even
  // one that still answers may never finish closing (a renderer thread stuck reading a file
  // keeps it alive), and the caller will close it. Killed now, it closes at once; a caller
  // that keeps a browser warm sees it disconnected and launches another.
  kill(browser);
  // Abandoned by the caller (the build failed elsewhere): no second attempt.
  options.signal?.throwIfAborted();

  const fresh = await (options.launch ?? launchChromium)();
  try {
    const second = await attempt(fresh, htmlFile, { ...options, timeoutMs });
    if (second.ok) return second.pdf;
    options.signal?.throwIfAborted();
    const seconds = `${Number((timeoutMs / 1000).toFixed(3))} s`;
    throw second.timedOut
      ? new ChromiumFailure(
          `Chromium did not finish printing within ${seconds} (tried ` +
            'twice); set PERSKLAAR_PRINT_TIMEOUT (seconds) for a longer deadline',
        )
      : new ChromiumFailure(`Chromium failed while printing (tried twice): ${second.message}`);
  } finally {
    await closeOrKill(fresh);
  }
}

type Attempt = { ok: true; pdf: Uint8Array } | { ok: false; timedOut: boolean; message: string };

async function attempt(
  browser: Browser,
  htmlFile: string,
  options: PrintOptions & { timeoutMs: number },
): Promise<Attempt> {
  const controller = new AbortController();
  // The caller's signal (a build that failed elsewhere) ends the attempt like its deadline.
  const outside = options.signal;
  let giveUp: (attempt: Attempt) => void = () => undefined;
  const abandoned = new Promise<Attempt>((resolve) => {
    giveUp = resolve;
  });
  const abandon = () => {
    controller.abort();
    giveUp({ ok: false, timedOut: false, message: 'abandoned' });
  };
  outside?.addEventListener('abort', abandon, { once: true });
  if (outside?.aborted) abandon();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Attempt>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, timedOut: true, message: 'timed out' }), options.timeoutMs);
  });
  const print = printPdf(browser, htmlFile, { ...options, signal: controller.signal }).then(
    (pdf): Attempt => ({ ok: true, pdf }),
    (error: unknown): Attempt => ({
      ok: false,
      timedOut: isTimeout(error),
      message: error instanceof Error ? error.message : String(error),
    }),
  );
  try {
    return await Promise.race([print, deadline, abandoned]);
  } finally {
    outside?.removeEventListener('abort', abandon);
    clearTimeout(timer);
    // Whatever is still running is abandoned: its page is closed, its outcome ignored.
    controller.abort();
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || /timeout|timed out/i.test(error.message));
}
