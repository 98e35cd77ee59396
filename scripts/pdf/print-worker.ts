/**
 * The print worker (see `printer.ts`): starts Chromium the moment it is told to (the launcher's
 * quick answer starts the worker and tells it at once, once it knows the PDF is stale) and only
 * then loads Puppeteer, while Chromium starts; prints what it is sent, and closes the browser
 * when told to. A browser that failed a print is replaced for the next one, as in a build
 * without a worker.
 */
import { parentPort } from 'node:worker_threads';
import type { Browser } from 'puppeteer';
import { closeOrKill, killProcessGroup, readyForPrint, startChromium } from './browser.ts';
import { sendable, type FromWorker, type ToWorker } from './printer.ts';
import { printWithRetry } from './robust-print.ts';

const port = parentPort;
if (!port) throw new Error('print-worker.ts runs as a worker thread');
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** The process of every browser this worker started, for `abort`. */
const startedHere = new Set<number>();

/** Starts a browser, telling the build which process to kill should it end before it is closed. */
const start = (): Promise<Browser> => {
  const chromium = startChromium();
  const { pid } = chromium;
  if (pid !== undefined) {
    send({ type: 'browser', pid, profile: chromium.profile });
    startedHere.add(pid);
    void chromium.ended.then(() => {
      startedHere.delete(pid);
      send({ type: 'gone', pid });
    });
  }
  return chromium.browser;
};

let browser: Promise<Browser> | undefined;
const launch = (): Promise<Browser> => {
  if (!browser) {
    try {
      browser = start().then(readyForPrint);
    } catch (error) {
      browser = Promise.reject(error);
    }
    // A launch that fails fails every print: the build hears of it at once.
    browser.catch((error: unknown) => send({ type: 'failed', error: sendable(error) }));
  }
  return browser;
};

/** One message at a time: prints of one build follow each other anyway. */
let queue = Promise.resolve();
/** The signals of prints asked for, by id: a `cancel` (the build failed elsewhere) abandons one. */
const cancels = new Map<number, AbortController>();
port.on('message', (message: ToWorker) => {
  if (message.type === 'abort') abort();
  else if (message.type === 'cancel') {
    const controller = cancels.get(message.id) ?? new AbortController();
    controller.abort();
    cancels.set(message.id, controller);
  } else if (message.type === 'launch') {
    // At once, not behind a print in the queue.
    void launch().catch(() => undefined);
  } else {
    const next = message;
    queue = queue.then(() => handle(next));
  }
});

/** The command was interrupted: whatever this worker started is killed, at once. */
function abort(): void {
  for (const pid of startedHere) killProcessGroup(pid);
  process.exit(0);
}

async function handle(message: Extract<ToWorker, { type: 'print' } | { type: 'close' }>): Promise<void> {
  if (message.type === 'close') {
    const current = await browser?.catch(() => undefined);
    if (current) await closeOrKill(current);
    port!.close();
    return;
  }
  const controller = cancels.get(message.id) ?? new AbortController();
  cancels.set(message.id, controller);
  try {
    controller.signal.throwIfAborted();
    let current = await launch();
    if (!current.connected) {
      browser = start();
      current = await browser;
    }
    const printed = await printWithRetry(current, message.htmlFile, { launch: start, signal: controller.signal });
    // A fresh buffer of its own, handed over without a copy.
    const pdf = new Uint8Array(printed);
    send({ type: 'printed', id: message.id, pdf }, [pdf.buffer]);
  } catch (error) {
    send({ type: 'failed', id: message.id, error: sendable(error) });
  } finally {
    cancels.delete(message.id);
  }
}
