/**
 * Chromium names a page's resources after their object numbers (/F52, /X99). One object more
 * or fewer early in the file (now and then a contents-page link is drawn as one rectangle
 * instead of two) renames the resources of every later page, which then draw the same with
 * other names. So that the finishing memo still knows those pages, a page also has a form
 * with its resource names replaced by their order of first use, and a remembered page is
 * taken over by renaming its names in what finishing made of it.
 *
 * Only name tokens are touched: strings, hex strings and comments are stepped over. A page
 * with an inline image (binary data between ID and EI) has no such form.
 */
import { deflateSync, inflateSync } from 'node:zlib';

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITER = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const INLINE_IMAGE = /(^|[\s\]>)])ID[\s]/;

/** Where each name token of `content` starts and ends (after the slash), or undefined for an inline image. */
function nameTokens(content: Uint8Array): [number, number][] | undefined {
  if (INLINE_IMAGE.test(Buffer.from(content.buffer, content.byteOffset, content.length).toString('latin1'))) {
    return undefined;
  }
  const tokens: [number, number][] = [];
  let index = 0;
  while (index < content.length) {
    const byte = content[index]!;
    if (byte === 0x2f) {
      let end = index + 1;
      while (end < content.length && !WHITESPACE.has(content[end]!) && !DELIMITER.has(content[end]!)) end++;
      tokens.push([index + 1, end]);
      index = end;
    } else if (byte === 0x28) index = afterLiteralString(content, index);
    else if (byte === 0x3c && content[index + 1] === 0x3c) index += 2;
    else if (byte === 0x3c) index = content.indexOf(0x3e, index) + 1 || content.length;
    else if (byte === 0x25) {
      while (index < content.length && content[index] !== 0x0a && content[index] !== 0x0d) index++;
    } else index++;
  }
  return tokens;
}

/** The index after a literal string starting at `start`: parentheses nest, a backslash escapes. */
function afterLiteralString(content: Uint8Array, start: number): number {
  let depth = 0;
  for (let index = start; index < content.length; index++) {
    const byte = content[index]!;
    if (byte === 0x5c) index++;
    else if (byte === 0x28) depth++;
    else if (byte === 0x29 && --depth === 0) return index + 1;
  }
  return content.length;
}

const latin1 = (bytes: Uint8Array, start: number, end: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');

export interface RenamedForm {
  /** The content with each resource name replaced by `#n`, its order of first use. */
  form: Uint8Array;
  /** The resource names in that order. */
  names: string[];
}

/** The page's content with its resource names (`resources`) numbered by first use. */
export function renamedForm(content: Uint8Array, resources: ReadonlySet<string>): RenamedForm | undefined {
  const tokens = nameTokens(content);
  if (!tokens) return undefined;
  const order = new Map<string, number>();
  const parts: Uint8Array[] = [];
  let last = 0;
  for (const [start, end] of tokens) {
    const name = latin1(content, start, end);
    if (!resources.has(name)) continue;
    if (!order.has(name)) order.set(name, order.size);
    parts.push(content.subarray(last, start), Buffer.from(`#${order.get(name)}`, 'latin1'));
    last = end;
  }
  parts.push(content.subarray(last));
  return { form: Buffer.concat(parts), names: [...order.keys()] };
}

/** `content` with every name token that `renames` maps replaced by its new name. */
export function renameResources(content: Uint8Array, renames: ReadonlyMap<string, string>): Uint8Array {
  const tokens = nameTokens(content);
  if (!tokens) throw new Error('A rewritten page cannot hold an inline image it did not have');
  const parts: Uint8Array[] = [];
  let last = 0;
  for (const [start, end] of tokens) {
    const renamed = renames.get(latin1(content, start, end));
    if (renamed === undefined) continue;
    parts.push(content.subarray(last, start), Buffer.from(renamed, 'latin1'));
    last = end;
  }
  parts.push(content.subarray(last));
  return Buffer.concat(parts);
}

/** A remembered page's compressed stream with its names renamed (compressed as finishing does). */
export function renameDeflated(deflated: Uint8Array, renames: ReadonlyMap<string, string>): Uint8Array {
  return deflateSync(renameResources(inflateSync(deflated), renames));
}
