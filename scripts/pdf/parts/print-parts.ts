/**
 * Prints the parts of the print document, several at a time in the one browser, and only
 * those whose document changed: a part's PDF is kept under the hash of its document, its
 * stylesheets and the tool (its photos are named by their content), in memory for `watch` and
 * in the cache for the next build. A one-word edit reprints the article it is in, and
 * the articles after it only when their folios moved.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ChromiumFailure, UsageError } from '../../util/errors.ts';
import { hashOf, toolVersion } from '../../util/fingerprint.ts';
import { writeFileAtomic } from '../../util/output.ts';
import { toHtml } from '../../render/serialize.ts';
import type { PrintedPart } from '../join/index.ts';
import type { Printer } from '../printer.ts';
import type { PartDocument } from './split.ts';
import { parallelPrints } from './parallel.ts';

export interface PartPrintReport {
  printed: number;
  kept: number;
}

/**
 * Part PDFs of earlier prints by key, the process's own, one store per parts folder: a
 * `watch` process keeps its parts in memory from one build to the next.
 */
const stores = new Map<string, Map<string, Uint8Array>>();

function storeFor(dir: string): Map<string, Uint8Array> {
  if (!stores.has(dir)) stores.set(dir, new Map());
  return stores.get(dir)!;
}

export interface PartPrintOptions {
  printer: Printer;
  /** The print folder: each part is written beside the assets it loads. */
  printDir: string;
  /** The folder the part PDFs are kept in, in the cache. */
  partsDir: string;
  /** Names a part for an error: the article's manuscript. */
  describe: (name: string) => string;
  signal?: AbortSignal;
  parallel?: number;
}

export async function printParts(
  parts: PartDocument[],
  options: PartPrintOptions,
): Promise<{
  printed: PrintedPart[];
  report: PartPrintReport;
  keys: string[];
}> {
  const styles = await stylesheets(options.printDir);
  const documents = parts.map((part) => ({ part, html: toHtml(part.tree) }));
  const keys = documents.map(({ html }) => hashOf(toolVersion(), styles, html));
  const known = await Promise.all(keys.map((key) => recall(key, options)));
  // Every part's document is written, printed or not: the print folder shows what was printed.
  await Promise.all(documents.map(({ part, html }) => writeFile(partHtml(options.printDir, part.name), html)));
  const toPrint = documents.flatMap((_, index) => (known[index] ? [] : [index]));
  const fresh =
    toPrint.length > 0
      ? await printChanged(
          toPrint.map((index) => parts[index]!),
          options,
          styles,
        )
      : [];
  toPrint.forEach((index, at) => {
    known[index] = fresh[at]!;
    storeFor(options.partsDir).set(keys[index]!, fresh[at]!);
  });
  await Promise.all(toPrint.map((index) => writeFileAtomic(partFile(options.partsDir, keys[index]!), known[index]!)));
  return {
    printed: parts.map((part, index) => ({ name: part.name, pdf: known[index]! })),
    report: { printed: toPrint.length, kept: parts.length - toPrint.length },
    keys,
  };
}

/** Removes the kept parts no print of this build used. */
export async function keepOnlyParts(dir: string, keys: ReadonlySet<string>): Promise<void> {
  const store = storeFor(dir);
  for (const key of store.keys()) if (!keys.has(key)) store.delete(key);
  const files = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    files
      .filter((file) => !keys.has(file.replace(/\.pdf$/, '')))
      .map((file) => rm(path.join(dir, file), { force: true })),
  );
}

async function recall(key: string, options: PartPrintOptions): Promise<Uint8Array | undefined> {
  const store = storeFor(options.partsDir);
  const remembered = store.get(key);
  if (remembered) return remembered;
  const stored = await readFile(partFile(options.partsDir, key)).catch(() => undefined);
  if (stored) store.set(key, stored);
  return stored;
}

/** Prints the parts whose documents changed, through the printer's own address for the folder. */
async function printChanged(parts: PartDocument[], options: PartPrintOptions, styles: string) {
  // A warm browser reads the folder at an address of its own, the same from build to build.
  const folder =
    (await options.printer.address?.(options.printDir, path.basename(options.partsDir))) ?? options.printDir;
  const look = hashOf(folder, styles, await assetsListed(options.printDir));
  return printEach(parts, { ...options, printDir: folder }, look);
}

/**
 * Prints the documents at most `parallel` at a time; the first failure abandons the rest and
 * is reported with the part it happened in.
 */
async function printEach(parts: PartDocument[], options: PartPrintOptions, look: string) {
  const abandon = new AbortController();
  const onOuterAbort = () => abandon.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const results: Uint8Array[] = [];
  let failure: Error | undefined;
  let next = 0;
  const worker = async () => {
    while (next < parts.length && !abandon.signal.aborted) {
      const index = next++;
      const part = parts[index]!;
      try {
        results[index] = await options.printer.print(partHtml(options.printDir, part.name), abandon.signal, look);
      } catch (error) {
        if (abandon.signal.aborted) return;
        failure = namedFailure(error, options.describe(part.name));
        abandon.abort(failure);
      }
    }
  };
  try {
    const parallel = Math.min(parts.length, options.parallel ?? parallelPrints());
    await Promise.all(Array.from({ length: parallel }, worker));
    options.signal?.throwIfAborted();
    if (failure) throw failure;
    return results;
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

/**
 * The error of a part's print, naming the part; a Chromium failure stays one (exit 2). How
 * the tool was called (no browser to be found) is no part's doing, and is told as it is.
 */
function namedFailure(error: unknown, part: string): Error {
  if (error instanceof ChromiumFailure) return new ChromiumFailure(`${part}: ${error.message}`);
  if (error instanceof UsageError) return error;
  return new Error(`${part}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

function partHtml(printDir: string, name: string): string {
  return path.join(printDir, `${name}.html`);
}

function partFile(dir: string, key: string): string {
  return path.join(dir, `${key}.pdf`);
}

/**
 * The print folder's assets (fonts, stylesheets) by name and size: a page that printed a part
 * keeps them loaded, and takes the next part in place only while they are the same (the
 * stylesheets' text is in the look besides; fonts come with the tool).
 */
async function assetsListed(printDir: string): Promise<string> {
  const dir = path.join(printDir, 'assets');
  const files = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const stats = await Promise.all(files.sort().map((file) => stat(path.join(dir, file)).catch(() => undefined)));
  return files.map((file, index) => `${file} ${stats[index]?.size}`).join('\n');
}

/** The stylesheets of the print folder (theme, press), which every part loads. */
async function stylesheets(printDir: string): Promise<string> {
  const dir = path.join(printDir, 'assets');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.css')).sort();
  const texts = await Promise.all(names.map((name) => readFile(path.join(dir, name), 'utf8')));
  return hashOf(...names.flatMap((name, index) => [name, texts[index]!]));
}
