/**
 * The document-level PDF/X-4 requirements (ISO 15930-7): PDF version at most 1.6, the X-4
 * identification in XMP, /Trapped known, a title, a file identifier, and an OutputIntent
 * GTS_PDFX carrying an OutputConditionIdentifier and a CMYK printer profile, as the ICC
 * header of the embedded profile itself says (device class 'prtr', colour space 'CMYK').
 */
import { PDFArray, PDFStream, type PDFContext, type PDFDict } from '@cantoo/pdf-lib';
import { asArray, asDict, asName, asNumber, asText, N, resolve, streamBytes } from '../../pdf-read/objects.ts';
import type { PressFinding } from './types.ts';

type Report = (finding: Omit<PressFinding, 'severity'> & { severity?: PressFinding['severity'] }) => void;

export function checkVersion(bytes: Uint8Array, context: PDFContext, catalog: PDFDict, report: Report): void {
  const header = /^%PDF-(\d+)\.(\d+)/.exec(Buffer.from(bytes.subarray(0, 16)).toString('latin1'));
  const version = header ? Number(header[1]) + Number(header[2]) / 10 : undefined;
  if (version === undefined || version > 1.6) {
    report({
      check: 'version',
      object: 'file header',
      message: `the file is PDF ${header ? `${header[1]}.${header[2]}` : '(no version)'}; PDF/X-4 allows at most 1.6`,
    });
  }
  const catalogVersion = asName(context, catalog.get(N('Version')));
  if (catalogVersion !== undefined && Number(catalogVersion) > 1.6) {
    report({
      check: 'version',
      object: 'Catalog',
      message: `the Catalog's /Version is ${catalogVersion}; PDF/X-4 allows at most 1.6`,
    });
  }
}

export function checkIdentification(
  context: PDFContext,
  catalog: PDFDict,
  info: PDFDict | undefined,
  trailerId: unknown,
  report: Report,
): void {
  const metadata = resolve(context, catalog.get(N('Metadata')));
  const xml = metadata instanceof PDFStream ? Buffer.from(streamBytes(metadata)).toString('utf8') : '';
  if (!xml)
    report({ check: 'metadata', object: 'Catalog', message: 'no XMP metadata stream: PDF/X-4 is identified there' });
  const prefix = /xmlns:([\w.-]+)\s*=\s*["']http:\/\/www\.npes\.org\/pdfx\/ns\/id\/["']/.exec(xml)?.[1];
  const version = prefix
    ? (new RegExp(`<${prefix}:GTS_PDFXVersion>\\s*([^<]*?)\\s*</${prefix}:GTS_PDFXVersion>`).exec(xml) ??
        new RegExp(`${prefix}:GTS_PDFXVersion\\s*=\\s*["']([^"']*)["']`).exec(xml))?.[1]
    : undefined;
  if (xml && version !== 'PDF/X-4') {
    report({
      check: 'metadata',
      object: 'XMP',
      message: version
        ? `pdfxid:GTS_PDFXVersion is "${version}", not "PDF/X-4"`
        : 'no pdfxid:GTS_PDFXVersion in XMP metadata',
    });
  }
  if (xml && !/<dc:title\b[\s\S]*?<rdf:li\b[^>]*>\s*\S[\s\S]*?<\/dc:title>/.test(xml))
    report({ check: 'metadata', object: 'XMP', message: 'no dc:title in XMP metadata' });
  const trapped = info ? asName(context, info.get(N('Trapped'))) : undefined;
  if (trapped !== 'True' && trapped !== 'False') {
    report({
      check: 'metadata',
      object: 'Info',
      message: `/Trapped is ${trapped ?? 'missing'}; PDF/X-4 needs True or False`,
    });
  }
  if (xml && !/<pdf:Trapped>\s*(True|False)\s*<\/pdf:Trapped>|pdf:Trapped\s*=\s*["'](True|False)["']/.test(xml)) {
    report({ check: 'metadata', object: 'XMP', message: 'no pdf:Trapped (True or False) in XMP metadata' });
  }
  if (!(trailerId instanceof PDFArray) || trailerId.size() !== 2)
    report({ check: 'metadata', object: 'trailer', message: 'no file identifier (/ID) in the trailer' });
}

export function checkOutputIntent(context: PDFContext, catalog: PDFDict, report: Report): void {
  const intents =
    asArray(context, catalog.get(N('OutputIntents')))
      ?.asArray()
      .map((item) => asDict(context, item)) ?? [];
  const pdfx = intents.filter((intent) => intent && asName(context, intent.get(N('S'))) === 'GTS_PDFX') as PDFDict[];
  if (pdfx.length === 0) {
    report({
      check: 'output-intent',
      object: 'Catalog',
      message: 'no OutputIntent with /S /GTS_PDFX: the printing condition the file was made for is unknown',
    });
    return;
  }
  if (pdfx.length > 1)
    report({
      check: 'output-intent',
      object: 'OutputIntents',
      message: `${pdfx.length} GTS_PDFX output intents; PDF/X allows one`,
    });
  const intent = pdfx[0]!;
  if (!asText(context, intent.get(N('OutputConditionIdentifier')))?.trim()) {
    report({ check: 'output-intent', object: 'OutputIntent', message: 'no OutputConditionIdentifier' });
  }
  const profile = resolve(context, intent.get(N('DestOutputProfile')));
  if (!(profile instanceof PDFStream)) {
    report({
      check: 'output-intent',
      object: 'OutputIntent',
      message: 'no DestOutputProfile: the printer profile is not embedded',
    });
    return;
  }
  let icc: Uint8Array;
  try {
    icc = streamBytes(profile);
  } catch {
    report({ check: 'output-intent', object: 'DestOutputProfile', message: 'the profile stream cannot be decoded' });
    return;
  }
  const field = (offset: number) =>
    icc.length >= offset + 4 ? Buffer.from(icc.subarray(offset, offset + 4)).toString('latin1') : '';
  if (field(36) !== 'acsp') {
    report({
      check: 'output-intent',
      object: 'DestOutputProfile',
      message: 'the embedded profile is not an ICC profile (no acsp signature)',
    });
    return;
  }
  if (field(12) !== 'prtr')
    report({
      check: 'output-intent',
      object: 'DestOutputProfile',
      message: `the profile's device class is '${field(12)}', not 'prtr' (an output profile for a printer)`,
    });
  if (field(16) !== 'CMYK')
    report({
      check: 'output-intent',
      object: 'DestOutputProfile',
      message: `the profile's colour space is '${field(16).trim()}', not 'CMYK'`,
    });
  const components = asNumber(context, profile.dict.get(N('N')));
  if (components !== 4)
    report({
      check: 'output-intent',
      object: 'DestOutputProfile',
      message: `the profile stream's /N is ${components ?? 'missing'}, not 4 (CMYK)`,
    });
}
