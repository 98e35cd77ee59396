/**
 * Turns shown strings back into Unicode through each font's ToUnicode CMap, so the finishing
 * step can give link annotations their text and the checker can quote what it found.
 * Only what Chromium (Skia) writes needs to be exact: Type0/Identity-H with two-byte codes and
 * simple fonts (Type3 for symbols) with one-byte codes, both with ToUnicode.
 */
import { type PDFDict, PDFStream, type PDFContext, type PDFObject, type PDFPage } from '@cantoo/pdf-lib';
import { asArray, asDict, asName, inherited, N, resolve, streamBytes } from './objects.ts';
import { isString, Lexer } from './tokenizer.ts';
import type { TextPiece, TextRun } from './scan.ts';

export interface FontDecoder {
  decode(bytes: Uint8Array): string;
}

interface CMap {
  /** Code byte lengths allowed by the codespace ranges. */
  lengths: number[];
  map: Map<number, string>;
}

function codeValue(bytes: Uint8Array): number {
  let v = 0;
  for (const b of bytes) v = v * 256 + b;
  return v;
}

function utf16be(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  return s;
}

/** Parses the bfchar/bfrange sections of a ToUnicode CMap (PostScript-ish syntax). */
export function parseToUnicode(bytes: Uint8Array): CMap {
  const lexer = new Lexer(bytes);
  const map = new Map<number, string>();
  const lengths = new Set<number>();
  let mode: 'none' | 'codespace' | 'bfchar' | 'bfrange' = 'none';
  let arrayItems: string[] | undefined;
  const tokens: ({ t: 'str'; v: Uint8Array } | { t: 'arr'; v: string[] })[] = [];
  for (;;) {
    let token;
    try {
      token = lexer.next();
    } catch {
      lexer.pos++;
      continue;
    }
    if (!token) break;
    if (token.kind === 'keyword') {
      const k = token.value;
      if (k === 'begincodespacerange') mode = 'codespace';
      else if (k === 'beginbfchar') mode = 'bfchar';
      else if (k === 'beginbfrange') mode = 'bfrange';
      else if (k.startsWith('end')) {
        flush();
        mode = 'none';
      }
      tokens.length = 0;
      continue;
    }
    if (mode === 'none') continue;
    if (token.kind === 'open' && token.value === '[') {
      arrayItems = [];
      continue;
    }
    if (token.kind === 'close' && token.value === ']') {
      tokens.push({ t: 'arr', v: arrayItems ?? [] });
      arrayItems = undefined;
      continue;
    }
    if (token.kind === 'operand' && isString(token.value)) {
      if (arrayItems) arrayItems.push(utf16be(token.value.bytes));
      else tokens.push({ t: 'str', v: token.value.bytes });
    }
  }
  return { lengths: [...lengths].sort((a, b) => a - b), map };

  function flush(): void {
    if (mode === 'codespace') {
      for (let k = 0; k < tokens.length; k += 2) {
        const lo = tokens[k];
        if (lo?.t === 'str') lengths.add(lo.v.length);
      }
    } else if (mode === 'bfchar') {
      for (let k = 0; k + 1 < tokens.length; k += 2) {
        const src = tokens[k]!;
        const dst = tokens[k + 1]!;
        if (src.t === 'str' && dst.t === 'str') {
          lengths.add(src.v.length);
          map.set(codeValue(src.v), utf16be(dst.v));
        }
      }
    } else if (mode === 'bfrange') {
      for (let k = 0; k + 2 < tokens.length; k += 3) {
        const lo = tokens[k]!;
        const hi = tokens[k + 1]!;
        const dst = tokens[k + 2]!;
        if (lo.t !== 'str' || hi.t !== 'str') continue;
        lengths.add(lo.v.length);
        const from = codeValue(lo.v);
        const to = codeValue(hi.v);
        if (to - from > 0xffff) continue;
        if (dst.t === 'arr') {
          for (let c = from; c <= to && c - from < dst.v.length; c++) map.set(c, dst.v[c - from]!);
        } else {
          const base = utf16be(dst.v);
          const lastUnit = base.charCodeAt(base.length - 1);
          for (let c = from; c <= to; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(lastUnit + (c - from)));
        }
      }
    }
    tokens.length = 0;
  }
}

export class FontDecoders {
  private readonly cache = new Map<PDFObject, FontDecoder>();
  constructor(private readonly context: PDFContext) {}

  /** A decoder for the font resource `name` in a /Font resource dictionary. */
  forResource(fonts: PDFDict | undefined, name: string | undefined): FontDecoder {
    const entry = name ? fonts?.get(N(name)) : undefined;
    if (!entry) return latin1Decoder;
    let decoder = this.cache.get(entry);
    if (!decoder) {
      decoder = this.build(asDict(this.context, entry));
      this.cache.set(entry, decoder);
    }
    return decoder;
  }

  private build(font: PDFDict | undefined): FontDecoder {
    if (!font) return latin1Decoder;
    const subtype = asName(this.context, font.get(N('Subtype')));
    const composite = subtype === 'Type0';
    let cmap: CMap | undefined;
    const toUnicode = resolve(this.context, font.get(N('ToUnicode')));
    if (toUnicode instanceof PDFStream) {
      try {
        cmap = parseToUnicode(streamBytes(toUnicode));
      } catch {
        cmap = undefined;
      }
    }
    const lengths = cmap && cmap.lengths.length > 0 ? cmap.lengths : [composite ? 2 : 1];
    const differences = composite ? undefined : this.differences(font);
    return {
      decode(bytes: Uint8Array): string {
        let out = '';
        let i = 0;
        while (i < bytes.length) {
          let matched = false;
          for (const len of lengths) {
            if (i + len > bytes.length) break;
            const code = codeValue(bytes.subarray(i, i + len));
            const mapped = cmap?.map.get(code);
            if (mapped !== undefined || len === lengths[lengths.length - 1]) {
              out += mapped ?? differences?.get(code) ?? (composite ? '\ufffd' : String.fromCharCode(code));
              i += len;
              matched = true;
              break;
            }
          }
          if (!matched) i++;
        }
        return out;
      },
    };
  }

  /** Single-character glyph names in /Differences (enough for symbol fonts without ToUnicode). */
  private differences(font: PDFDict): Map<number, string> | undefined {
    const encoding = asDict(this.context, font.get(N('Encoding')));
    const diffs = asArray(this.context, encoding?.get(N('Differences')));
    if (!diffs) return undefined;
    const out = new Map<number, string>();
    let code = 0;
    for (const item of diffs.asArray()) {
      const n = resolve(this.context, item);
      const numeric = Number(n?.toString());
      if (Number.isFinite(numeric)) code = numeric;
      else {
        const glyph = asName(this.context, n);
        if (glyph && glyph.length === 1) out.set(code, glyph);
        code++;
      }
    }
    return out;
  }
}

const latin1Decoder: FontDecoder = {
  decode: (bytes) => Buffer.from(bytes).toString('latin1'),
};

/** The Unicode text of a sequence of text runs, shown with the given font resources. */
export function runsText(decoders: FontDecoders, fonts: PDFDict | undefined, runs: readonly TextRun[]): string {
  let text = '';
  for (const run of runs) text += decoders.forResource(fonts, run.font).decode(run.string.bytes);
  return text;
}

/** Collapses whitespace and trims, for messages and /Contents. Soft hyphens stay (see joinPlaced). */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text with where it starts and ends (baseline y in default user space), to join pieces. */
export interface PlacedText {
  text: string;
  page?: number;
  startY?: number;
  endY?: number;
}

/**
 * Joins pieces of text in reading order the way they read: Chromium splits words into several
 * text objects at soft-hyphen opportunities and font changes, so pieces on the same baseline
 * join with nothing between them; a new line adds a space, unless the line ended in the
 * hyphen (U+2010) that hyphenation put there, which is dropped.
 */
export function joinPlaced(parts: readonly PlacedText[]): PlacedText {
  let text = '';
  let previous: PlacedText | undefined;
  for (const part of parts) {
    if (!part.text) continue;
    if (previous) {
      const sameLine =
        previous.page === part.page &&
        previous.endY !== undefined &&
        part.startY !== undefined &&
        Math.abs(previous.endY - part.startY) < 1;
      if (!sameLine) {
        // A line that ends in a soft hyphen (or the hyphen hyphenation drew) continues the word.
        if (/[\u00ad\u2010]$/.test(text)) text = text.slice(0, -1);
        else if (!/\s$/.test(text) && !/^\s/.test(part.text)) text += ' ';
      }
    }
    text += part.text;
    previous = part;
  }
  const first = parts.find((p) => p.text);
  // Whitespace collapsed but not trimmed: a piece's trailing space ("1. " in a list label)
  // still separates it from what follows when pieces are joined again.
  return {
    text: text.replace(/\s+/g, ' '),
    ...(first?.page !== undefined ? { page: first.page } : {}),
    ...(first?.startY !== undefined ? { startY: first.startY } : {}),
    ...(previous?.endY !== undefined ? { endY: previous.endY } : {}),
  };
}

/** The text of the MCIDs on each page, decoded on demand and cached. */
export class McidTexts {
  private readonly pieces: Map<number, TextPiece[]>[] = [];
  private readonly cache = new Map<string, PlacedText>();
  constructor(
    private readonly context: PDFContext,
    private readonly pages: readonly PDFPage[],
    private readonly decoders: FontDecoders,
  ) {}

  setPage(pageIndex: number, pieces: Map<number, TextPiece[]>): void {
    this.pieces[pageIndex] = pieces;
  }

  get(pageIndex: number, mcid: number): PlacedText | undefined {
    const key = `${pageIndex}:${mcid}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const pieces = this.pieces[pageIndex]?.get(mcid);
    const page = this.pages[pageIndex];
    if (!pieces || !page) return undefined;
    const fonts = asDict(
      this.context,
      asDict(this.context, inherited(this.context, page.node, 'Resources'))?.get(N('Font')),
    );
    const placed = joinPlaced(
      pieces.map((piece) => ({
        text: piece.actualText ?? runsText(this.decoders, fonts, piece.runs),
        page: pageIndex,
        ...(piece.origin ? { startY: piece.origin[1], endY: piece.origin[1] } : {}),
      })),
    );
    this.cache.set(key, placed);
    return placed;
  }
}
