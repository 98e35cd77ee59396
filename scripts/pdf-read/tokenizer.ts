/**
 * A content-stream tokenizer: turns the bytes of a page's content stream into operations
 * (operands + operator) with the byte offsets where each starts and ends.
 *
 * The finishing step never re-serialises operands: it only inserts new operators at operation
 * boundaries (`start`/`end`), so whatever the tokenizer does not need to understand is kept
 * byte for byte. It still has to get every token's *extent* right — a `)` inside an escaped
 * string, `>>` inside a dictionary, or `EI` inside inline image data would otherwise shift every
 * boundary after it and the inserted marks would land inside an operand.
 */

/**
 * An operand. Numbers are plain JavaScript numbers: they are most of a content stream (a page
 * of Chromium text has several per glyph), and an object each would mostly feed the GC.
 */
export type Operand =
  | number
  | { type: 'string'; bytes: Uint8Array; hex: boolean }
  | { type: 'name'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'null' }
  | { type: 'array'; items: Operand[] }
  | { type: 'dict'; entries: Map<string, Operand> };

export type NameOperand = { type: 'name'; value: string };
export type StringOperand = { readonly type: 'string'; readonly bytes: Uint8Array; readonly hex: boolean };
export type ArrayOperand = { type: 'array'; items: Operand[] };
export type DictOperand = { type: 'dict'; entries: Map<string, Operand> };

export const isName = (o: Operand | undefined): o is NameOperand => typeof o === 'object' && o.type === 'name';
export const isString = (o: Operand | undefined): o is StringOperand => typeof o === 'object' && o.type === 'string';
export const isArray = (o: Operand | undefined): o is ArrayOperand => typeof o === 'object' && o.type === 'array';
export const isDict = (o: Operand | undefined): o is DictOperand => typeof o === 'object' && o.type === 'dict';

export interface InlineImage {
  /** The image dictionary between BI and ID (abbreviated keys as written). */
  dict: Map<string, Operand>;
  /** Offsets of the raw image data between `ID` + one whitespace byte and the `EI`. */
  dataStart: number;
  dataEnd: number;
}

export interface Operation {
  op: string;
  operands: Operand[];
  /** Offset of the first operand (or of the operator when it has none). */
  start: number;
  /** Offset just past the operator (for inline images: past `EI`). */
  end: number;
  inlineImage?: InlineImage;
}

export class ContentSyntaxError extends Error {
  override name = 'ContentSyntaxError';
}

const WHITESPACE = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITESPACE[c] = 1;
const DELIMITER = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIMITER[c.charCodeAt(0)] = 1;

const isRegular = (c: number): boolean => WHITESPACE[c] === 0 && DELIMITER[c] === 0;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** One lexical token: an operand value, an operator keyword, or a structural delimiter. */
type Token =
  | { kind: 'operand'; value: Operand; start: number; end: number }
  | { kind: 'keyword'; value: string; start: number; end: number }
  | { kind: 'open' | 'close'; value: '[' | ']' | '<<' | '>>'; start: number; end: number };

export class Lexer {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  skipWhitespaceAndComments(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (WHITESPACE[c]) this.pos++;
      else if (c === 0x25 /* % */) {
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  next(): Token | undefined {
    this.skipWhitespaceAndComments();
    const b = this.bytes;
    if (this.pos >= b.length) return undefined;
    const start = this.pos;
    const c = b[start]!;
    switch (c) {
      case 0x28 /* ( */:
        return { kind: 'operand', value: this.literalString(), start, end: this.pos };
      case 0x3c /* < */:
        if (b[start + 1] === 0x3c) {
          this.pos += 2;
          return { kind: 'open', value: '<<', start, end: this.pos };
        }
        return { kind: 'operand', value: this.hexString(), start, end: this.pos };
      case 0x3e /* > */:
        if (b[start + 1] === 0x3e) {
          this.pos += 2;
          return { kind: 'close', value: '>>', start, end: this.pos };
        }
        throw new ContentSyntaxError(`unexpected '>' at offset ${start}`);
      case 0x5b /* [ */:
        this.pos++;
        return { kind: 'open', value: '[', start, end: this.pos };
      case 0x5d /* ] */:
        this.pos++;
        return { kind: 'close', value: ']', start, end: this.pos };
      case 0x2f /* / */:
        return { kind: 'operand', value: this.name(), start, end: this.pos };
      case 0x29 /* ) */:
        throw new ContentSyntaxError(`unbalanced ')' at offset ${start}`);
      case 0x7b /* { */:
      case 0x7d /* } */:
        // Only PostScript calculator functions use braces; in a content stream treat them as
        // keywords so that a stray one cannot derail the rest of the stream.
        this.pos++;
        return { kind: 'keyword', value: String.fromCharCode(c), start, end: this.pos };
      default: {
        const number = this.number();
        if (number !== undefined) return { kind: 'operand', value: number, start, end: this.pos };
        while (this.pos < b.length && isRegular(b[this.pos]!)) this.pos++;
        const word = latin1(b, start, this.pos);
        if ((c <= 0x39 || c === 0x2b || c === 0x2d || c === 0x2e) && NUMBER.test(word))
          return { kind: 'operand', value: Number(word), start, end: this.pos };
        if (word === 'true' || word === 'false')
          return { kind: 'operand', value: { type: 'bool', value: word === 'true' }, start, end: this.pos };
        if (word === 'null') return { kind: 'operand', value: { type: 'null' }, start, end: this.pos };
        return { kind: 'keyword', value: word, start, end: this.pos };
      }
    }
  }

  /**
   * The fast path for the commonest token (Chromium writes a number per glyph position): digits
   * are read straight from the bytes. Returns undefined, leaving `pos` alone, when the token is
   * not a plain number; the slow path then decides.
   */
  number(): number | undefined {
    const b = this.bytes;
    let i = this.pos;
    let negative = false;
    if (b[i] === 0x2d || b[i] === 0x2b) {
      negative = b[i] === 0x2d;
      i++;
    }
    let mantissa = 0;
    let digits = 0;
    let fraction = -1;
    for (; i < b.length; i++) {
      const c = b[i]!;
      if (c >= 0x30 && c <= 0x39) {
        mantissa = mantissa * 10 + (c - 0x30);
        digits++;
        if (fraction >= 0) fraction++;
      } else if (c === 0x2e && fraction < 0) fraction = 0;
      else break;
    }
    if (digits === 0 || digits > 15 || (i < b.length && isRegular(b[i]!))) return undefined;
    this.pos = i;
    // Integer mantissa over an exact power of ten: correctly rounded, like Number().
    const value = fraction > 0 ? mantissa / 10 ** fraction : mantissa;
    return negative ? -value : value;
  }

  /**
   * `( … )` with nested balanced parentheses and backslash escapes (ISO 32000-1, 7.3.4.2).
   * Only the extent is measured here; the bytes are decoded when someone asks (most strings
   * in a page are glyph codes nobody reads, and a typed array each would feed the GC).
   */
  private literalString(): Operand {
    const start = this.pos;
    this.pos = this.literalStringEnd();
    return new PdfString(this.bytes, start, this.pos, false);
  }

  /** Where the literal string starting at `pos` ends (after its closing parenthesis). */
  private literalStringEnd(): number {
    const b = this.bytes;
    let depth = 1;
    for (let i = this.pos + 1; i < b.length; i++) {
      const c = b[i]!;
      if (c === 0x5c /* \ */)
        i++; // whatever follows is escaped, never a parenthesis that counts
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) return i + 1;
    }
    throw new ContentSyntaxError(`unterminated string starting at offset ${this.pos}`);
  }

  private hexString(): Operand {
    const start = this.pos;
    this.pos = this.hexStringEnd();
    return new PdfString(this.bytes, start, this.pos, true);
  }

  /** Where the hex string starting at `pos` ends (after its `>`). */
  private hexStringEnd(): number {
    const b = this.bytes;
    let close = this.pos + 1;
    for (; close < b.length && b[close] !== 0x3e; close++) {
      const c = b[close]!;
      if (!WHITESPACE[c] && hexValue(c) < 0) throw new ContentSyntaxError(`bad hex digit at offset ${close}`);
    }
    if (close >= b.length) throw new ContentSyntaxError(`unterminated hex string starting at offset ${this.pos}`);
    return close + 1;
  }

  /**
   * The next name token (its value, and where it starts and ends), stepping over every other
   * token without making an operand of it: for finding names in a whole stream, whose tokens
   * are mostly numbers and glyph strings.
   */
  nextName(): { value: string; start: number; end: number } | undefined {
    const b = this.bytes;
    for (;;) {
      this.skipWhitespaceAndComments();
      if (this.pos >= b.length) return undefined;
      const start = this.pos;
      const c = b[start]!;
      if (c === 0x2f /* / */) {
        const { value } = this.name() as NameOperand;
        return { value, start, end: this.pos };
      }
      if (c === 0x28 /* ( */) this.pos = this.literalStringEnd();
      else if (c === 0x3c /* < */ && b[start + 1] !== 0x3c) this.pos = this.hexStringEnd();
      else if (isRegular(c)) while (this.pos < b.length && isRegular(b[this.pos]!)) this.pos++;
      else this.pos += (c === 0x3c || c === 0x3e) && b[start + 1] === c ? 2 : 1;
    }
  }

  private name(): Operand {
    const b = this.bytes;
    let i = this.pos + 1;
    const chars: number[] = [];
    while (i < b.length && isRegular(b[i]!)) {
      const c = b[i]!;
      if (c === 0x23 /* # */ && i + 2 < b.length + 0 && hexValue(b[i + 1] ?? 0) >= 0 && hexValue(b[i + 2] ?? 0) >= 0) {
        chars.push((hexValue(b[i + 1]!) << 4) | hexValue(b[i + 2]!));
        i += 3;
      } else {
        chars.push(c);
        i++;
      }
    }
    this.pos = i;
    return { type: 'name', value: Buffer.from(chars).toString('latin1') };
  }
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

function latin1(b: Uint8Array, start: number, end: number): string {
  if (end - start === 1) return String.fromCharCode(b[start]!);
  if (end - start === 2) return String.fromCharCode(b[start]!, b[start + 1]!);
  return String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]);
}

/** A string operand that decodes its bytes from the stream on first use. */
class PdfString implements StringOperand {
  readonly type = 'string' as const;
  private decoded: Uint8Array | undefined;
  constructor(
    private readonly source: Uint8Array,
    /** Offsets of the opening ( or < and just past the closing ) or >. */
    private readonly from: number,
    private readonly to: number,
    readonly hex: boolean,
  ) {}

  get bytes(): Uint8Array {
    this.decoded ??= this.hex
      ? decodeHex(this.source, this.from + 1, this.to - 1)
      : decodeLiteral(this.source, this.from + 1, this.to - 1);
    return this.decoded;
  }

  /** Plain data for comparisons and JSON: what the string says, not where it was. */
  toJSON(): { type: 'string'; hex: boolean; bytes: number[] } {
    return { type: 'string', hex: this.hex, bytes: [...this.bytes] };
  }
}

function decodeHex(b: Uint8Array, start: number, end: number): Uint8Array {
  let digits = 0;
  for (let i = start; i < end; i++) if (!WHITESPACE[b[i]!]) digits++;
  const out = new Uint8Array((digits + 1) >> 1); // an odd digit count implies a trailing 0
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (WHITESPACE[c]) continue;
    const v = hexValue(c);
    if (n & 1) out[n >> 1]! |= v;
    else out[n >> 1] = v << 4;
    n++;
  }
  return out;
}

/** The escapes of a literal string's body (between its outer parentheses). */
/** \n \r \t \b \f: the byte each escape stands for. */
const ESCAPED = new Map([
  [0x6e, 0x0a],
  [0x72, 0x0d],
  [0x74, 0x09],
  [0x62, 0x08],
  [0x66, 0x0c],
]);

function decodeLiteral(b: Uint8Array, start: number, end: number): Uint8Array {
  const out: number[] = [];
  let i = start;
  while (i < end) {
    const c = b[i]!;
    if (c === 0x5c /* \ */) {
      i++;
      if (i >= end) break;
      const e = b[i]!;
      const escaped = ESCAPED.get(e);
      if (escaped !== undefined) {
        out.push(escaped);
        i++;
        continue;
      }
      switch (e) {
        case 0x0d: // backslash + EOL: a line continuation, contributes nothing
          i++;
          if (b[i] === 0x0a) i++;
          break;
        case 0x0a:
          i++;
          break;
        default:
          if (e >= 0x30 && e <= 0x37) {
            let value = 0;
            let n = 0;
            while (n < 3 && i < end && b[i]! >= 0x30 && b[i]! <= 0x37) {
              value = value * 8 + (b[i]! - 0x30);
              i++;
              n++;
            }
            out.push(value & 0xff);
          } else {
            // \( \) \\ and any unknown escape: the character itself, backslash dropped.
            out.push(e);
            i++;
          }
      }
      continue;
    }
    if (c === 0x0d) {
      // An unescaped end of line in a string reads as a single \n, whatever its form.
      out.push(0x0a);
      if (b[i + 1] === 0x0a) i++;
      i++;
      continue;
    }
    out.push(c);
    i++;
  }
  return Uint8Array.from(out);
}

/** Reads one complete operand whose first token has already been taken. */
function readOperand(lexer: Lexer, first: Token): Operand {
  if (first.kind === 'operand') return first.value;
  if (first.kind === 'open' && first.value === '[') {
    const items: Operand[] = [];
    for (;;) {
      const t = lexer.next();
      if (!t) throw new ContentSyntaxError(`unterminated array starting at offset ${first.start}`);
      if (t.kind === 'close' && t.value === ']') return { type: 'array', items };
      if (t.kind === 'keyword') {
        // Some producers write operator-like words (e.g. in TJ arrays of broken files); keep
        // them as names so the extent of the array is still right.
        items.push({ type: 'name', value: t.value });
        continue;
      }
      items.push(readOperand(lexer, t));
    }
  }
  if (first.kind === 'open' && first.value === '<<')
    return { type: 'dict', entries: readDictBody(lexer, first.start, '>>') };
  throw new ContentSyntaxError(`unexpected '${first.value}' at offset ${first.start}`);
}

function readDictBody(lexer: Lexer, startOffset: number, terminator: '>>' | 'ID'): Map<string, Operand> {
  const entries = new Map<string, Operand>();
  for (;;) {
    const key = lexer.next();
    if (!key) throw new ContentSyntaxError(`unterminated dictionary starting at offset ${startOffset}`);
    if (terminator === '>>' && key.kind === 'close' && key.value === '>>') return entries;
    if (terminator === 'ID' && key.kind === 'keyword' && key.value === 'ID') return entries;
    if (key.kind !== 'operand' || !isName(key.value)) {
      throw new ContentSyntaxError(`dictionary key expected at offset ${key.start}`);
    }
    const valueToken = lexer.next();
    if (!valueToken) throw new ContentSyntaxError(`unterminated dictionary starting at offset ${startOffset}`);
    const value =
      valueToken.kind === 'keyword'
        ? ({ type: 'name', value: valueToken.value } as Operand)
        : readOperand(lexer, valueToken);
    entries.set(key.value.value, value);
  }
}

/** Splits a content stream into operations. Throws ContentSyntaxError on malformed input. */
export function tokenize(bytes: Uint8Array): Operation[] {
  const lexer = new Lexer(bytes);
  const operations: Operation[] = [];
  let operands: Operand[] = [];
  let start = -1;
  for (;;) {
    // Numbers skip the Token allocation: they are most of what a content stream holds.
    lexer.skipWhitespaceAndComments();
    const at = lexer.pos;
    const c = bytes[at];
    if (c !== undefined && ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x2b)) {
      const value = lexer.number();
      if (value !== undefined) {
        if (start < 0) start = at;
        operands.push(value);
        continue;
      }
    }
    // Operators likewise: a bare word that is not a number, true, false or null.
    if (c !== undefined && isRegular(c) && !(c >= 0x30 && c <= 0x39) && c !== 0x2d && c !== 0x2e && c !== 0x2b) {
      let end = at + 1;
      while (end < bytes.length && isRegular(bytes[end]!)) end++;
      const word = latin1(bytes, at, end);
      if (word !== 'true' && word !== 'false' && word !== 'null' && word !== 'BI') {
        lexer.pos = end;
        operations.push({ op: word, operands, start: start < 0 ? at : start, end });
        operands = [];
        start = -1;
        continue;
      }
    }
    const token = lexer.next();
    if (!token) break;
    if (start < 0) start = token.start;
    if (token.kind === 'keyword') {
      if (token.value === 'BI') {
        operations.push(readInlineImage(lexer, start));
      } else {
        operations.push({ op: token.value, operands, start, end: token.end });
      }
      operands = [];
      start = -1;
      continue;
    }
    operands.push(readOperand(lexer, token));
  }
  if (operands.length > 0) throw new ContentSyntaxError('operands without an operator at the end of the stream');
  return operations;
}

/** `BI <dict> ID <data> EI`: the data is binary, so its end has to be found with care. */
function readInlineImage(lexer: Lexer, start: number): Operation {
  const dict = readDictBody(lexer, start, 'ID');
  const b = lexer.bytes;
  // Exactly one whitespace byte separates ID from the data (two for CR LF in sloppy files,
  // which we cannot tell apart from data; follow the spec).
  const dataStart = lexer.pos + 1;
  const known = inlineImageLength(dict);
  let dataEnd = -1;
  if (known !== undefined && dataStart + known <= b.length) {
    // Confirm the expected EI follows; if not, fall back to scanning.
    let j = dataStart + known;
    while (j < b.length && WHITESPACE[b[j]!]) j++;
    if (b[j] === 0x45 && b[j + 1] === 0x49 && (j + 2 >= b.length || !isRegular(b[j + 2]!))) dataEnd = dataStart + known;
  }
  if (dataEnd < 0) dataEnd = scanForEI(b, dataStart);
  if (dataEnd < 0) throw new ContentSyntaxError(`inline image at offset ${start} has no EI`);
  let j = dataEnd;
  while (j < b.length && WHITESPACE[b[j]!]) j++;
  lexer.pos = j + 2;
  return { op: 'BI', operands: [], start, end: j + 2, inlineImage: { dict, dataStart, dataEnd } };
}

function numberEntry(dict: Map<string, Operand>, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const v = dict.get(key);
    if (typeof v === 'number') return v;
  }
  return undefined;
}

/** The data length when it can be known: an explicit /L (PDF 2.0), or unfiltered samples. */
function inlineImageLength(dict: Map<string, Operand>): number | undefined {
  const explicit = numberEntry(dict, 'L', 'Length');
  if (explicit !== undefined) return explicit;
  const filter = dict.get('F') ?? dict.get('Filter');
  if (filter && !(isArray(filter) && filter.items.length === 0)) return undefined;
  const width = numberEntry(dict, 'W', 'Width');
  const height = numberEntry(dict, 'H', 'Height');
  if (width === undefined || height === undefined) return undefined;
  const mask = dict.get('IM') ?? dict.get('ImageMask');
  const isMask = typeof mask === 'object' && mask.type === 'bool' && mask.value;
  const bpc = isMask ? 1 : (numberEntry(dict, 'BPC', 'BitsPerComponent') ?? 8);
  const cs = dict.get('CS') ?? dict.get('ColorSpace');
  let colours = 1;
  if (!isMask && isName(cs)) {
    if (cs.value === 'RGB' || cs.value === 'DeviceRGB') colours = 3;
    else if (cs.value === 'CMYK' || cs.value === 'DeviceCMYK') colours = 4;
    else if (cs.value !== 'G' && cs.value !== 'DeviceGray' && cs.value !== 'I' && cs.value !== 'Indexed')
      return undefined;
  } else if (!isMask && cs && !isName(cs)) {
    // An array colour space such as [/Indexed …] has one component per sample.
    if (!(isArray(cs) && isName(cs.items[0]) && (cs.items[0].value === 'I' || cs.items[0].value === 'Indexed')))
      return undefined;
  }
  return Math.ceil((width * colours * bpc) / 8) * height;
}

/**
 * Finds `EI` preceded by whitespace and followed by whitespace or the end, where what follows
 * looks like content-stream text rather than more binary data.
 */
function scanForEI(b: Uint8Array, from: number): number {
  for (let i = from; i + 1 < b.length; i++) {
    if (b[i] !== 0x45 || b[i + 1] !== 0x49) continue;
    if (i > from && !WHITESPACE[b[i - 1]!]) continue;
    if (i + 2 < b.length && !WHITESPACE[b[i + 2]!]) continue;
    let plausible = true;
    for (let k = i + 2; k < Math.min(b.length, i + 2 + 48); k++) {
      const c = b[k]!;
      if (!(WHITESPACE[c] || (c >= 0x20 && c < 0x7f))) {
        plausible = false;
        break;
      }
    }
    if (plausible) return i > from ? i - 1 : i;
  }
  return -1;
}

/** Text put in at `offset`, in place of the `remove` bytes there (none: an insertion). */
export interface Edit {
  offset: number;
  text: string;
  remove?: number;
}

/** Splices text into a byte buffer at the given offsets (stable for equal offsets). */
export function insertAt(bytes: Uint8Array, insertions: Edit[]): Uint8Array {
  if (insertions.length === 0) return bytes;
  // Array#sort is stable: edits at one offset keep their order. A page can take thousands.
  const sorted = insertions.slice().sort((a, b) => a.offset - b.offset);
  let length = bytes.length;
  let last = 0;
  for (const edit of sorted) {
    // An edit never reaches back into bytes an earlier edit removed.
    const at = Math.max(last, edit.offset);
    const end = Math.max(at, edit.offset + (edit.remove ?? 0));
    length += edit.text.length - (end - at);
    last = end;
  }
  // Copied with Buffer#copy into one buffer of the final size: no view per piece to collect.
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = Buffer.allocUnsafe(length);
  let pos = 0;
  last = 0;
  for (const edit of sorted) {
    const at = Math.max(last, edit.offset);
    pos += source.copy(out, pos, last, at);
    if (edit.text) pos += out.write(edit.text, pos, 'latin1');
    last = Math.max(at, edit.offset + (edit.remove ?? 0));
  }
  source.copy(out, pos, last);
  return out;
}
