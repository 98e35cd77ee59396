/**
 * The trailer's Info dictionary, written from the same values as the XMP packet so that the
 * two never disagree (PDF/A-style equivalence: same title, author, dates to the second).
 */
import { PDFDict, PDFString, type PDFContext, type PDFDocument } from '@cantoo/pdf-lib';
import { asText, N, resolve, textObject } from '../pdf-read/objects.ts';

/** `D:YYYYMMDDHHmmSS+00'00'` in UTC, the form PDF/A validators compare with XMP dates. */
export function pdfDate(date: Date): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return (
    `D:${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}` +
    `${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}+00'00'`
  );
}

/** Reads a PDF date (`D:YYYYMMDDHHmmSSOHH'mm'`, most parts optional). */
export function parsePdfDate(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Z+-])?(\d{2})?'?(\d{2})?'?/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (sign === '+' || sign === '-') ms -= (sign === '+' ? 1 : -1) * (Number(oh) * 60 + Number(om)) * 60_000;
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

export interface InfoFields {
  title: string;
  author: string;
  subject?: string;
  keywords?: string;
  producer: string;
  creator?: string;
  createDate: Date;
  modifyDate: Date;
}

export function infoDict(doc: PDFDocument): PDFDict {
  const existing = resolve(doc.context, doc.context.trailerInfo.Info);
  if (existing instanceof PDFDict) return existing;
  const dict = doc.context.obj({}) as PDFDict;
  doc.context.trailerInfo.Info = doc.context.register(dict);
  return dict;
}

export function readInfoText(context: PDFContext, info: PDFDict, key: string): string | undefined {
  return asText(context, info.get(N(key)));
}

export function writeInfo(doc: PDFDocument, fields: InfoFields): void {
  const info = infoDict(doc);
  info.set(N('Title'), textObject(fields.title));
  info.set(N('Author'), textObject(fields.author));
  if (fields.subject) info.set(N('Subject'), textObject(fields.subject));
  else info.delete(N('Subject'));
  if (fields.keywords) info.set(N('Keywords'), textObject(fields.keywords));
  else info.delete(N('Keywords'));
  info.set(N('Producer'), textObject(fields.producer));
  if (fields.creator) info.set(N('Creator'), textObject(fields.creator));
  info.set(N('CreationDate'), PDFString.of(pdfDate(fields.createDate)));
  info.set(N('ModDate'), PDFString.of(pdfDate(fields.modifyDate)));
}
