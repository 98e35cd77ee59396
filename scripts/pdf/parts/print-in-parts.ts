/**
 * One print of the issue, made in parts: the whole document is kept as `print/index.html`
 * (the issue as one document, for a reader of the print folder), then cut into parts
 * (`split.ts`), the changed parts printed (`print-parts.ts`) and all joined into the one PDF
 * a single print would have made (`../join/`), with the faces merged in earlier builds at hand.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PDFDocument } from '@cantoo/pdf-lib';
import type { Root } from 'hast';
import { toHtml } from '../../render/serialize.ts';
import type { Issue } from '../../issue/load.ts';
import { issueCacheDir } from '../../util/fingerprint.ts';
import { articleAnchors, type StartPages } from '../document.ts';
import { readFaces, writeFaces } from '../join/fonts/face-store.ts';
import type { PrintedPart } from '../join/index.ts';
import { type PartPrintOptions, type PartPrintReport, printParts } from './print-parts.ts';
import { JOIN_LINK_PREFIX, partDescriber, splitParts } from './split.ts';

export interface PrintInPartsOptions extends PartPrintOptions {
  /** Article anchors by article id. */
  anchors: Record<string, string>;
}

/** How the parts of `issue`'s document are printed, and kept in `kept` of its cache folder. */
export function partOptionsFor(
  issue: Issue,
  kept: 'parts' | 'press-parts',
  options: Pick<PartPrintOptions, 'printer' | 'printDir' | 'signal'> & { cacheDir: string },
): PrintInPartsOptions {
  return {
    printer: options.printer,
    printDir: options.printDir,
    signal: options.signal,
    partsDir: path.join(issueCacheDir(options.cacheDir, issue.dir), kept),
    anchors: articleAnchors(issue),
    describe: partDescriber(issue),
  };
}

export interface PrintRound {
  pdf: PDFDocument;
  /** The parts as Chromium printed them (or as kept from an earlier print). */
  printed: PrintedPart[];
  report: PartPrintReport;
  /** The keys of the parts this print used: what the part cache keeps. */
  keys: string[];
}

export async function printInParts(
  tree: Root,
  startPages: StartPages | undefined,
  options: PrintInPartsOptions,
): Promise<PrintRound> {
  // Written before the parts are cut, which points their links at one another.
  await writeFile(path.join(options.printDir, 'index.html'), toHtml(tree));
  const parts = splitParts(tree, startPages, options.anchors);
  const joining = import('../join/index.ts');
  const keptFaces = readFaces(facesDir(options.partsDir));
  const { printed, report, keys } = await printParts(parts, options);
  const { joinParts, seedFaces, facesJoined } = await joining;
  seedFaces(await keptFaces);
  const pdf = await joinParts(printed, { linkPrefix: JOIN_LINK_PREFIX });
  await writeFaces(facesDir(options.partsDir), facesJoined());
  return { pdf, printed, report, keys };
}

/** Where the faces merged from the parts are kept: beside the parts, in the issue's cache. */
function facesDir(partsDir: string): string {
  return `${partsDir}-fonts`;
}
