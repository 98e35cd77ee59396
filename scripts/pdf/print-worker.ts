/**
 * The print worker (see `printer.ts`): loads Puppeteer as soon as it starts, launches Chromium
 * when told to (the command line starts the worker before it knows whether the PDF needs
 * building), prints what it is sent, and closes the browser when told to. A browser that
 * failed a print is replaced for the next one, as in a build without a worker.
 */
import { parentPort } from 'node:worker_threads';
import type { Browser } from 'puppeteer';
import { launchChromium, launchForPrint } from './browser.ts';
import { sendable, type FromWorker, type ToWorker } from './printer.ts';
import { closeOrKill, kill, printWithRetry } from './robust-print.ts';

const port = parentPort;
if (!port) throw new Error('print-worker.ts runs as a worker thread');
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** Every browser this worker launched, for `abort`. */
const launchedHere = new Set<Promise<Browser>>();
/** Tells the build which process to kill should it end before the browser is closed. */
const announced = (launched: Promise<Browser>) => {
  launchedHere.add(launched);
  void launched.then((b) => {
    const pid = b.process()?.pid;
    if (pid !== undefined) send({ type: 'browser', pid });
  }, () => undefined);
  return launched;
};

let browser: Promise<Browser> | undefined;
const launch = (): Promise<Browser> => {
  if (!browser) {
    browser = announced(launchForPrint());
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
  if (message.type === 'abort') void abort();
  else if (message.type === 'cancel') {
    const controller = cancels.get(message.id) ?? new AbortController();
    controller.abort();
    cancels.set(message.id, controller);
  } else {
    const next = message;
    queue = queue.then(() => handle(next));
  }
});

/** The command was interrupted: whatever this worker launched is killed, at once. */
async function abort(): Promise<void> {
  for (const each of launchedHere) {
    const current = await each?.catch(() => undefined);
    if (current) kill(current);
  }
  process.exit(0);
}

async function handle(message: Exclude<ToWorker, { type: 'abort' } | { type: 'cancel' }>): Promise<void> {
  if (message.type === 'launch') {
    void launch().catch(() => undefined);
    return;
  }
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
      browser = announced(launchChromium());
      current = await browser;
    }
    const printed = await printWithRetry(current, message.htmlFile, { launch: () => announced(launchChromium()), signal: controller.signal });
    // A fresh buffer of its own, handed over without a copy.
    const pdf = new Uint8Array(printed);
    send({ type: 'printed', id: message.id, pdf }, [pdf.buffer]);
  } catch (error) {
    send({ type: 'failed', id: message.id, error: sendable(error) });
  } finally {
    cancels.delete(message.id);
  }
}
