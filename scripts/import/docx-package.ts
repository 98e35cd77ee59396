/**
 * Opens a .docx as the zip package it is, and refuses what is not an article to take in: not a
 * zip, a damaged zip, a zip bomb, no Word document inside, a macro-enabled document, a picture
 * linked from outside the file. Every part is inflated here once, within `importLimits`, and
 * checked against its declared size, so that what mammoth inflates again is known to be bounded.
 */
import { readFile, stat } from 'node:fs/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { isZip, notZipReason } from './file-kind.ts';
import { importLimits } from './limits.ts';
import { refuse } from './refusal.ts';
import { documentRelationships, mainDocumentType } from './ooxml/package-parts.ts';

export interface DocxPackage {
  /** The file as given, for messages. */
  file: string;
  bytes: Buffer;
  parts: Map<string, Buffer>;
}

export async function openDocx(file: string): Promise<DocxPackage> {
  const size = (await stat(file).catch(() => refuse(file, 'no such file: expected a Word document (.docx)'))).size;
  if (size > importLimits.fileBytes) {
    refuse(
      file,
      `the file is ${megabytes(size)}, more than the ${megabytes(importLimits.fileBytes)} a Word article may be`,
    );
  }
  const bytes = await readFile(file);
  if (!isZip(bytes)) refuse(file, notZipReason(bytes));
  const parts = await inflateParts(file, bytes);
  const docx = { file, bytes, parts };
  checkIsWordDocument(docx);
  return docx;
}

/** A part as text (XML parts are UTF-8), or undefined when the package has no such part. */
export function partText(docx: DocxPackage, name: string): string | undefined {
  return docx.parts.get(name)?.toString('utf8');
}

function checkIsWordDocument(docx: DocxPackage): void {
  const type = mainDocumentType(docx);
  if (type === undefined) {
    refuse(docx.file, 'this zip file is not a Word document: it has no word/document.xml');
  }
  if (type.includes('macroEnabled') || docx.parts.has('word/vbaProject.bin')) {
    refuse(docx.file, 'this Word document holds macros (.docm): save it from Word as a plain .docx, without macros');
  }
  const external = documentRelationships(docx).find(
    (relationship) => relationship.external && relationship.type.endsWith('/image'),
  );
  if (external) {
    refuse(
      docx.file,
      `a picture in this document is linked from outside the file (${external.target}), not embedded: ` +
        'insert the picture itself in Word, or send it separately',
    );
  }
}

async function inflateParts(file: string, bytes: Buffer): Promise<Map<string, Buffer>> {
  let zip: ZipFile;
  try {
    zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, opened) =>
        error ? reject(error) : resolve(opened),
      ),
    );
  } catch (error) {
    refuse(file, `the file is a damaged zip package: ${reasonOf(error)}`);
  }
  if (zip.entryCount > importLimits.entries) {
    zip.close();
    refuse(
      file,
      `the package has ${zip.entryCount} parts, more than the ${importLimits.entries} a Word article may have`,
    );
  }
  try {
    return await readEntries(zip);
  } catch (error) {
    if (error instanceof Refusal) refuse(file, error.message);
    refuse(file, `the file is a damaged zip package: ${reasonOf(error)}`);
  } finally {
    zip.close();
  }
}

class Refusal extends Error {}

function readEntries(zip: ZipFile): Promise<Map<string, Buffer>> {
  const parts = new Map<string, Buffer>();
  let inflated = 0;
  return new Promise((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve(parts));
    zip.on('entry', (entry: Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      const problem = bombProblem(entry, inflated);
      if (problem) return reject(new Refusal(problem));
      inflated += entry.uncompressedSize;
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', reject);
        stream.on('end', () => {
          parts.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}

/** Why a part would blow up on inflating (a zip bomb), judged on its declared sizes. */
function bombProblem(entry: Entry, inflatedSoFar: number): string | undefined {
  const { uncompressedSize: size, compressedSize: packed } = entry;
  const bomb = `the package is a zip bomb: its part ${entry.fileName}`;
  if (inflatedSoFar + size > importLimits.inflatedBytes) {
    return `the package inflates to more than ${megabytes(importLimits.inflatedBytes)}: it is a zip bomb, not an article`;
  }
  if (entry.fileName.endsWith('.xml') && size > importLimits.xmlPartBytes) {
    return `${bomb} inflates to ${megabytes(size)} of XML`;
  }
  if (size > importLimits.ratioFloorBytes && size > packed * importLimits.ratio) {
    return `${bomb} inflates ${Math.round(size / Math.max(packed, 1))} times (${megabytes(size)})`;
  }
  return undefined;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
