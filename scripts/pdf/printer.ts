/**
 * What the print edition prints with. Two kinds, one contract:
 *
 * - a browser in this thread: the one `watch` keeps warm (borrowed: never closed here), or
 *   one launched for a single build;
 * - a browser driven from a worker thread (`print-worker.ts`), which the launcher's quick
 *   answer (`quick.ts`) starts as soon as it knows the PDF is stale, before the command's
 *   bundle is even read. The browser's start and Puppeteer itself then cost the other core,
 *   not the thread that reads and renders the manuscripts.
 *
 * Either way a print is retried once in a fresh browser (`robust-print.ts`), and its failures
 * arrive as the same errors (a `ChromiumFailure` is exit 2).
 */
import { existsSync, rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Browser } from 'puppeteer';
import { ChromiumFailure, UsageError } from '../util/errors.ts';
import { closeOrKill, killProcessGroup, launchForPrint } from './browser.ts';

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

/** Messages between the build and its print worker. */
export type ToWorker =
  | { type: 'launch' }
  | { type: 'print'; id: number; htmlFile: string }
  /** Abandons one print (the build failed elsewhere); the worker stays for the next. */
  | { type: 'cancel'; id: number }
  | { type: 'close' }
  /** The command is interrupted: kill every browser, launches in flight included, and end. */
  | { type: 'abort' };
export type FromWorker =
  /** A browser was started: killed (and its profile removed) from here should the command end first. */
  | { type: 'browser'; pid: number; profile: string }
  /** That browser's process has ended (its id may now be another process's). */
  | { type: 'gone'; pid: number }
  | { type: 'printed'; id: number; pdf: Uint8Array }
  | { type: 'failed'; id?: number; error: SentError };

export interface SentError {
  kind: 'chromium' | 'usage' | 'other';
  message: string;
  stack?: string;
}

/** How long the worker may take to close its browser and end (its own kill comes after 3 s). */
const CLOSE_WORKER_MS = 10_000;
/** How long an interrupted command waits for the worker to kill a browser still starting. */
const ABORT_MS = 5_000;

export interface WorkerPrinter extends Printer {
  /** Launches the browser now (printing launches it anyway). */
  launch(): void;
  /** Ends the worker when nothing is to be printed after all, closing a browser it launched. */
  discard(): Promise<void>;
}

/**
 * A browser driven from a worker thread running `workerFile` (the bundle's `print-worker.mjs`).
 * The browser is started by `launch()` or the first print (Puppeteer is loaded after that).
 */
export function workerPrinter(workerFile: URL): WorkerPrinter {
  const worker = new Worker(workerFile, { stdout: false, stderr: false });
  const pending = new Map<number, { resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let ended: Error | undefined;

  // Chromium is the worker's child, but a worker cannot handle signals and is not asked
  // before the process exits: the browsers it started are killed from here (whole process
  // group) if the command ends or is interrupted before they are closed.
  const browsers = new Map<number, string>();
  const killBrowsers = () => {
    for (const [pid, profile] of browsers) {
      killProcessGroup(pid);
      rmSync(profile, { recursive: true, force: true });
    }
    browsers.clear();
  };
  const signals = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  let interrupted = false;
  const onSignal = (signal: keyof typeof signals) => {
    if (interrupted) return;
    interrupted = true;
    const leave = () => {
      killBrowsers();
      process.exit(signals[signal]);
    };
    killBrowsers();
    if (exited || !launched) return leave();
    // A browser still starting has no process id here yet: the worker kills what it launched
    // (waiting for a launch in flight), then ends; it gets a few seconds for that.
    worker.once('exit', leave);
    setTimeout(leave, ABORT_MS);
    worker.postMessage({ type: 'abort' } satisfies ToWorker);
  };
  process.on('exit', killBrowsers);
  for (const signal of Object.keys(signals) as (keyof typeof signals)[]) process.on(signal, onSignal);
  const forget = () => {
    process.off('exit', killBrowsers);
    for (const signal of Object.keys(signals)) process.off(signal, onSignal);
  };

  const fail = (error: Error) => {
    ended ??= error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on('message', (message: FromWorker) => {
    if (message.type === 'browser') browsers.set(message.pid, message.profile);
    else if (message.type === 'gone') browsers.delete(message.pid);
    else if (message.type === 'printed') {
      pending.get(message.id)?.resolve(message.pdf);
      pending.delete(message.id);
    } else if (message.id === undefined) fail(received(message.error));
    else {
      pending.get(message.id)?.reject(received(message.error));
      pending.delete(message.id);
    }
  });
  worker.on('error', (error) => fail(error));
  let exited = false;
  worker.on('exit', (code) => {
    exited = true;
    // Whatever it left running (a close that did not finish) goes with it.
    killBrowsers();
    forget();
    fail(new Error(`The print worker stopped (exit code ${code})`));
  });

  let closing: Promise<void> | undefined;
  let launched = false;
  const launch = () => {
    if (launched || ended) return;
    launched = true;
    worker.postMessage({ type: 'launch' } satisfies ToWorker);
  };
  return {
    launch,
    discard() {
      ended ??= new Error('The print worker was discarded');
      return this.close();
    },
    print(htmlFile, signal) {
      if (ended) return Promise.reject(ended);
      if (signal?.aborted) return Promise.reject(signal.reason);
      launch();
      const id = nextId++;
      return new Promise<Uint8Array>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'print', id, htmlFile } satisfies ToWorker);
        signal?.addEventListener('abort', () => worker.postMessage({ type: 'cancel', id } satisfies ToWorker), { once: true });
      });
    },
    close() {
      closing ??= exited
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            if (!launched) return void worker.terminate();
            // The worker closes its browser (killing one that does not answer) and ends. One that
            // does not end in time is told to kill all it launched (launches in flight included),
            // then stopped; the browsers it reported are killed from here as well.
            const timer = setTimeout(() => {
              worker.postMessage({ type: 'abort' } satisfies ToWorker);
              setTimeout(() => void worker.terminate(), ABORT_MS).unref();
            }, CLOSE_WORKER_MS);
            timer.unref();
            worker.once('exit', () => clearTimeout(timer));
            worker.postMessage({ type: 'close' } satisfies ToWorker);
          });
      return closing;
    },
  };
}

/**
 * The print worker of the bundled command (its entry sits beside the bundles); run from the
 * sources there is none, and the build prints in this thread.
 */
export function bundledPrintWorker(): WorkerPrinter | undefined {
  const workerFile = new URL('./print-worker.mjs', import.meta.url);
  if (!import.meta.url.endsWith('.cjs') || !existsSync(workerFile)) return undefined;
  return workerPrinter(workerFile);
}

/** The error a worker sent, as the class the command line reports by (exit 2 for Chromium). */
function received(error: SentError): Error {
  const made = error.kind === 'chromium' ? new ChromiumFailure(error.message) : error.kind === 'usage' ? new UsageError(error.message) : new Error(error.message);
  if (error.stack) made.stack = error.stack;
  return made;
}

export function sendable(error: unknown): SentError {
  if (error instanceof UsageError) return { kind: error instanceof ChromiumFailure ? 'chromium' : 'usage', message: error.message, stack: error.stack };
  if (error instanceof Error) return { kind: 'other', message: error.message, stack: error.stack };
  return { kind: 'other', message: String(error) };
}
