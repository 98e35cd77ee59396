/**
 * Chromium names a page's resources after their object numbers (/F52, /X99). One object more
 * or fewer early in the file (now and then a contents-page link is drawn as one rectangle
 * instead of two) renames the resources of every later page, which then draw the same with
 * other names. So that the finishing memo still knows those pages, a page also has a form
 * with its resource names replaced by their order of first use, and a remembered page is
 * taken over by renaming its names in what finishing made of it.
 *
 * Only name tokens are touched, as the content-stream lexer finds them (`Lexer.nextName`). A page
 * with an inline image (binary data between ID and EI) has no such form.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { Lexer } from '../../pdf-read/tokenizer.ts';

const INLINE_IMAGE = /(^|[\s\]>)])ID[\s]/;

/** Each name token of `content`: its value, and where it stands (after the slash); undefined for an inline image. */
function nameTokens(content: Uint8Array): { value: string; start: number; end: number }[] | undefined {
  if (INLINE_IMAGE.test(Buffer.from(content.buffer, content.byteOffset, content.length).toString('latin1'))) {
    return undefined;
  }
  const lexer = new Lexer(content);
  const tokens = [];
  for (let token = lexer.nextName(); token; token = lexer.nextName()) tokens.push({ ...token, start: token.start + 1 });
  return tokens;
}

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
  for (const { value: name, start, end } of tokens) {
    if (!resources.has(name)) continue;
    // Written with # escapes, a name would not be written back as it was: no form (never in Chromium's).
    if (end - start !== name.length) return undefined;
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
  for (const { value, start, end } of tokens) {
    const renamed = renames.get(value);
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
