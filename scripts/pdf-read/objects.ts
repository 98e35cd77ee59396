/**
 * Small helpers over pdf-lib's low-level object model, shared by the finishing step and the
 * checker: resolving references, reading names and text, decoding and re-encoding streams.
 */
import { inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  PDFBool,
  decodePDFRawStream,
  type PDFContext,
  type PDFObject,
  type PDFPageLeaf,
} from '@cantoo/pdf-lib';

/**
 * `PDFName.of`, remembered: pdf-lib decodes the string on every call, and /K, /S, /Type… are asked for thousands of
 * times.
 */
const names = new Map<string, PDFName>();
export const N = (name: string): PDFName => {
  let found = names.get(name);
  if (!found) {
    found = PDFName.of(name);
    names.set(name, found);
  }
  return found;
};

export function resolve(context: PDFContext, obj: PDFObject | undefined): PDFObject | undefined {
  return obj instanceof PDFRef ? context.lookup(obj) : obj;
}

export function asDict(context: PDFContext, obj: PDFObject | undefined): PDFDict | undefined {
  const v = resolve(context, obj);
  if (v instanceof PDFDict) return v;
  if (v instanceof PDFStream) return v.dict;
  return undefined;
}

export function asArray(context: PDFContext, obj: PDFObject | undefined): PDFArray | undefined {
  const v = resolve(context, obj);
  return v instanceof PDFArray ? v : undefined;
}

export function asNumber(context: PDFContext, obj: PDFObject | undefined): number | undefined {
  const v = resolve(context, obj);
  return v instanceof PDFNumber ? v.asNumber() : undefined;
}

export function asName(context: PDFContext, obj: PDFObject | undefined): string | undefined {
  const v = resolve(context, obj);
  return v instanceof PDFName ? nameText(v) : undefined;
}

export function asBool(context: PDFContext, obj: PDFObject | undefined): boolean | undefined {
  const v = resolve(context, obj);
  return v instanceof PDFBool ? v.asBoolean() : undefined;
}

/** Text strings (literal or hex, PDFDocEncoding or UTF-16) as JavaScript strings. */
export function asText(context: PDFContext, obj: PDFObject | undefined): string | undefined {
  const v = resolve(context, obj);
  if (v instanceof PDFString || v instanceof PDFHexString) return v.decodeText();
  return undefined;
}

/**
 * A text string object. pdf-lib's PDFString does not escape parentheses or backslashes, so
 * anything but plain ASCII goes out as UTF-16 hex, which needs no escaping at all.
 */
export function textObject(text: string): PDFString | PDFHexString {
  return /^[\x20-\x7e]*$/.test(text) && !/[()\\]/.test(text) ? PDFString.of(text) : PDFHexString.fromText(text);
}

/**
 * A name's text. pdf-lib keeps one PDFName per name and decodes its `#xx` escapes on every
 * call; the structure tree asks for the same few names (/S, /Type, /K…) thousands of times.
 */
const nameTexts = new WeakMap<PDFName, string>();
export function nameText(name: PDFName): string {
  let text = nameTexts.get(name);
  if (text === undefined) {
    text = name.decodeText();
    nameTexts.set(name, text);
  }
  return text;
}

/** The decoded bytes of a stream (Flate via zlib for speed, other filters via pdf-lib). */
export function streamBytes(stream: PDFStream): Uint8Array {
  if (!(stream instanceof PDFRawStream)) return stream.getContents();
  const filter = stream.dict.get(N('Filter'));
  const name = filter instanceof PDFName ? filter.decodeText() : undefined;
  if (!filter) return stream.contents;
  if (name === 'FlateDecode' && !stream.dict.has(N('DecodeParms'))) return inflateSync(stream.contents);
  return decodePDFRawStream(stream).decode();
}

/** A stream of bytes already Flate-compressed, with the given dictionary entries (Length/Filter replaced). */
export function deflatedStream(context: PDFContext, compressed: Uint8Array, dict?: PDFDict): PDFRawStream {
  const out = dict ? dict.clone(context) : context.obj({});
  out.delete(N('DecodeParms'));
  out.set(N('Filter'), N('FlateDecode'));
  out.set(N('Length'), PDFNumber.of(compressed.length));
  return PDFRawStream.of(out, compressed);
}

/** Page attributes that may be inherited from the page tree (Resources, MediaBox, …). */
export function inherited(context: PDFContext, page: PDFDict | PDFPageLeaf, key: string): PDFObject | undefined {
  let node: PDFDict | undefined = page;
  const seen = new Set<PDFDict>();
  while (node && !seen.has(node)) {
    seen.add(node);
    const v = node.get(N(key));
    if (v !== undefined) return resolve(context, v);
    node = asDict(context, node.get(N('Parent')));
  }
  return undefined;
}

/** All content-stream bytes of a page, concatenated as the spec says a reader sees them. */
export function pageContentStreams(
  context: PDFContext,
  page: PDFDict,
): { refs: (PDFRef | undefined)[]; streams: PDFStream[] } {
  const contents = page.get(N('Contents'));
  const items =
    contents instanceof PDFRef && context.lookup(contents) instanceof PDFArray
      ? (context.lookup(contents) as PDFArray).asArray()
      : contents instanceof PDFArray
        ? contents.asArray()
        : contents
          ? [contents]
          : [];
  const refs: (PDFRef | undefined)[] = [];
  const streams: PDFStream[] = [];
  for (const item of items) {
    const s = resolve(context, item);
    if (s instanceof PDFStream) {
      refs.push(item instanceof PDFRef ? item : undefined);
      streams.push(s);
    }
  }
  return { refs, streams };
}

export function pageContentBytes(context: PDFContext, page: PDFDict): Uint8Array {
  const { streams } = pageContentStreams(context, page);
  if (streams.length === 1) return streamBytes(streams[0]!);
  // Streams are joined with a newline: a token may not span two streams, but an operator's
  // operands must not run into the next stream's first token either.
  const parts: Uint8Array[] = [];
  for (const s of streams) {
    parts.push(streamBytes(s));
    parts.push(Buffer.from('\n'));
  }
  return Buffer.concat(parts);
}

export function refKey(ref: PDFRef): string {
  return `${ref.objectNumber} ${ref.generationNumber}`;
}
