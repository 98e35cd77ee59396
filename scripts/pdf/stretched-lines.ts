/**
 * How far justification stretched the word spaces of each printed line, read from the PDF
 * Chromium wrote: Chromium has no maximum word spacing, so a line with one long unbreakable
 * word (an address, a name) gapes, and only the printed result says which lines did.
 *
 * Chromium (Skia) places every glyph with a `Td` of its own, so the set width of a word space
 * is the distance from the space glyph to the next glyph on its baseline; the font's width
 * table only says how wide the space is unstretched. A space is measured in ems of its own
 * font size, so that 9.5 pt body text and 7.5 pt notes are judged alike. Artifacts (running
 * heads, page numbers) are not read.
 */
import type { PDFDocument, PDFDict } from '@cantoo/pdf-lib';
import { decodeTextString, IDENTITY, multiply, type Matrix } from '../pdf-read/matrix.ts';
import { asDict, inherited, N, pageContentBytes } from '../pdf-read/objects.ts';
import { type FontDecoder, FontDecoders } from '../pdf-read/text.ts';
import { glyphWidths } from '../pdf-read/widths.ts';
import { isDict, isName, isString, tokenize, type Operation } from '../pdf-read/tokenizer.ts';
import type { StartPages } from './document.ts';
import { matrix, num, shownStrings } from '../pdf-read/operands.ts';
import { PageReadMemo } from './page-read-memo.ts';

/** Three times the body face's own space, and still narrower than the white between two lines. */
export const MAX_WORD_SPACE_EM = 0.75;

export interface StretchedLine {
  /** 1-based page number. */
  page: number;
  /** The article the page belongs to (its id), if the page is an article's. */
  article: string | undefined;
  /** The line's text as shown (soft hyphens as U+00AD where the PDF keeps them). */
  text: string;
  /** The line's widest word space, in ems of its font size. */
  wordSpace: number;
}

/** A space set this much wider than the font's own is stretched; below it, rounding. */
const STRETCHED = 0.01;

/** A page's lines that have a stretched word space, as `memo` keeps them. */
export type PageLines = Pick<StretchedLine, 'text' | 'wordSpace'>[];

/** The lines of every article page whose widest word space is wider than `limit` ems. */
export function stretchedLines(
  pdf: PDFDocument,
  startPages: StartPages,
  memo?: PageReadMemo<PageLines>,
  limit: number = MAX_WORD_SPACE_EM,
): StretchedLine[] {
  return lineWordSpaces(pdf, startPages, memo).filter((line) => line.wordSpace > limit);
}

/**
 * Every line of the article pages that has a stretched word space, with its widest; a page
 * printed as in the last build is taken from `memo`.
 */
export function lineWordSpaces(
  pdf: PDFDocument,
  startPages: StartPages,
  memo = new PageReadMemo<PageLines>(),
): StretchedLine[] {
  const decoders = new FontDecoders(pdf.context);
  const articleOf = pageArticles(startPages);
  const lines: StretchedLine[] = [];
  pdf.getPages().forEach((page, index) => {
    const article = articleOf(index + 1);
    if (article === undefined) return;
    const read = memo.of(pdf, page, () => {
      const found: PageLines = [];
      const collector = new Lines((text, wordSpace) => found.push({ text, wordSpace }));
      readGlyphs(pdf, page.node, decoders, collector);
      collector.end();
      return found;
    });
    for (const line of read) lines.push({ page: index + 1, article, ...line });
  });
  return lines;
}

/** Which article a page belongs to: the last one to start on or before it. */
function pageArticles(startPages: StartPages): (page: number) => string | undefined {
  const starts = Object.entries(startPages).sort((a, b) => b[1] - a[1]);
  return (page) => starts.find(([, start]) => start <= page)?.[0];
}

/**
 * Glyphs in content order on one baseline form a line; a step back to the left starts one
 * too. Each line's widest stretched word space, in ems: a space as wide as its font's own (a
 * ragged line, a monospaced font's wide space) is not stretched. Several spaces in a row are
 * preserved white space (code, indentation), never justification: each counts for its share
 * of the run. A line's leading spaces are indentation too.
 */
class Lines {
  private text = '';
  private widest = 0;
  private x = Number.NaN;
  private y = Number.NaN;
  /** The first space of the run since the last glyph, if any, and how many spaces it has. */
  private spaceX = 0;
  private spaceEm = 1;
  private spaceNatural = 0;
  private spaces = 0;
  private started = false;

  constructor(private readonly found: (text: string, wordSpace: number) => void) {}

  add(text: string, x: number, y: number, em: number, natural: number | undefined): void {
    if (Math.abs(y - this.y) >= 1 || x < this.x - 1) this.end();
    this.x = x;
    this.y = y;
    this.text += text;
    if (natural !== undefined) {
      if (this.spaces++ === 0) [this.spaceX, this.spaceEm, this.spaceNatural] = [x, em, natural];
      return;
    }
    if (this.spaces > 0 && this.started) {
      const set = (x - this.spaceX) / this.spaces / this.spaceEm;
      if (set > this.spaceNatural + STRETCHED) this.widest = Math.max(this.widest, set);
    }
    this.spaces = 0;
    this.started = true;
  }

  end(): void {
    if (this.widest > 0) this.found(this.text, this.widest);
    this.text = '';
    this.widest = 0;
    this.spaces = 0;
    this.started = false;
  }
}

interface Span {
  /** Inside an artifact (this span or one around it). */
  artifact: boolean;
  /** The nearest span with /ActualText, this one or one around it. */
  replaced?: { text: string; placed: boolean };
}

/**
 * The page's shown text outside artifacts, each show operator at the point where it starts:
 * a space with its font's own width, anything else as text.
 */
function readGlyphs(pdf: PDFDocument, page: PDFDict, decoders: FontDecoders, lines: Lines): void {
  const context = pdf.context;
  const fonts = asDict(context, asDict(context, inherited(context, page, 'Resources'))?.get(N('Font')));
  const state = new TextState();
  const spans: Span[] = [];
  const fontOf = (name: string | undefined) => {
    const decoder = decoders.forResource(fonts, name);
    const dict = name ? asDict(context, fonts?.get(N(name))) : undefined;
    return { name, decode: decodeOnce(decoder), widthOf: glyphWidths(context, dict) };
  };
  let font = fontOf(undefined);
  for (const op of tokenize(pageContentBytes(context, page))) {
    if (state.apply(op)) continue;
    if (op.op === 'BDC' || op.op === 'BMC') spans.push(spanOf(op, spans.at(-1)));
    else if (op.op === 'EMC') spans.pop();
    else if (SHOW.has(op.op)) {
      if (op.op === "'" || op.op === '"') state.nextLine();
      const span = spans.at(-1);
      if (span?.artifact) continue;
      if (span?.replaced) {
        // A span's text (Chromium's soft hyphen is a space glyph under ActualText U+00AD) counts once.
        if (!span.replaced.placed) lines.add(span.replaced.text, state.x, state.y, state.em, undefined);
        span.replaced.placed = true;
        continue;
      }
      if (font.name !== state.font) font = fontOf(state.font);
      const shown = op.operands.at(-1);
      const bytes = isString(shown) ? shown.bytes : undefined;
      const text = bytes ? font.decode(bytes) : shownStrings(op.operands).map(font.decode).join('');
      const natural = bytes && text === ' ' ? (font.widthOf(bytes) ?? 0) : undefined;
      lines.add(text, state.x, state.y, state.em, natural);
    }
  }
}

const SHOW = new Set(['Tj', 'TJ', "'", '"']);

/** A font's decoder that decodes each two-byte glyph code once: a page shows the same few hundred. */
function decodeOnce(decoder: FontDecoder): (bytes: Uint8Array) => string {
  const known = new Map<number, string>();
  return (bytes) => {
    if (bytes.length !== 2) return decoder.decode(bytes);
    const code = (bytes[0]! << 8) | bytes[1]!;
    let text = known.get(code);
    if (text === undefined) known.set(code, (text = decoder.decode(bytes)));
    return text;
  };
}

function spanOf(op: Operation, around: Span | undefined): Span {
  const [tag, properties] = op.operands;
  const actual = op.op === 'BDC' && isDict(properties) ? properties.entries.get('ActualText') : undefined;
  return {
    artifact: (isName(tag) && tag.value === 'Artifact') || around?.artifact === true,
    replaced: isString(actual) ? { text: decodeTextString(actual.bytes), placed: false } : around?.replaced,
  };
}

/**
 * The graphics and text state a reader needs to say where a glyph starts and how large it is.
 * The text matrix is kept as numbers: Chromium moves it once per glyph.
 */
class TextState {
  font: string | undefined;
  /** Where the next glyph starts, and its font's em, in page units. */
  x = 0;
  y = 0;
  em = 0;
  private size = 0;
  private leading = 0;
  private ctm: Matrix = IDENTITY;
  private readonly saved: Matrix[] = [];
  private line: Matrix = IDENTITY;

  /** Takes a state operator; false for any other. */
  apply(op: Operation): boolean {
    const o = op.operands;
    switch (op.op) {
      case 'q':
        this.saved.push(this.ctm);
        return true;
      case 'Q':
        this.ctm = this.saved.pop() ?? this.ctm;
        return true;
      case 'cm':
        this.ctm = multiply(matrix(o), this.ctm);
        return true;
      case 'BT':
        this.setLine(IDENTITY);
        return true;
      case 'Tf':
        this.font = isName(o[0]) ? o[0].value : undefined;
        this.size = num(o[1]);
        this.place();
        return true;
      case 'TL':
        this.leading = num(o[0]);
        return true;
      case 'Tm':
        this.setLine(matrix(o));
        return true;
      case 'Td':
        this.moveLine(num(o[0]), num(o[1]));
        return true;
      case 'TD':
        this.leading = -num(o[1]);
        this.moveLine(num(o[0]), num(o[1]));
        return true;
      case 'T*':
        this.nextLine();
        return true;
    }
    return false;
  }

  nextLine(): void {
    this.moveLine(0, -this.leading);
  }

  private moveLine(tx: number, ty: number): void {
    const m = this.line;
    this.setLine([m[0], m[1], m[2], m[3], tx * m[0] + ty * m[2] + m[4], tx * m[1] + ty * m[3] + m[5]]);
  }

  private setLine(line: Matrix): void {
    this.line = line;
    this.place();
  }

  private place(): void {
    const m = multiply(this.line, this.ctm);
    this.x = m[4];
    this.y = m[5];
    this.em = Math.abs(this.size) * Math.hypot(m[2], m[3]);
  }
}
