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
import { printWithRetry } from './robust-print.ts';

const port = parentPort;
if (!port) throw new Error('print-worker.ts runs as a worker thread');
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** Tells the build which process to kill should it end before the browser is closed. */
const announced = (launched: Promise<Browser>) => {
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
    browser.then(
      () => send({ type: 'ready' }),
      (error: unknown) => send({ type: 'failed', error: sendable(error) }),
    );
  }
  return browser;
};

/** One message at a time: prints of one build follow each other anyway. */
let queue = Promise.resolve();
port.on('message', (message: ToWorker) => {
  queue = queue.then(() => handle(message));
});

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'launch') {
    void launch().catch(() => undefined);
    return;
  }
  if (message.type === 'close') {
    await (await browser?.catch(() => undefined))?.close().catch(() => undefined);
    port!.close();
    return;
  }
  try {
    let current = await launch();
    if (!current.connected) {
      browser = announced(launchChromium());
      current = await browser;
    }
    const printed = await printWithRetry(current, message.htmlFile, { launch: () => announced(launchChromium()) });
    // A fresh buffer of its own, handed over without a copy.
    const pdf = new Uint8Array(printed);
    send({ type: 'printed', id: message.id, pdf }, [pdf.buffer]);
  } catch (error) {
    send({ type: 'failed', id: message.id, error: sendable(error) });
  }
}
