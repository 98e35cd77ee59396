/**
 * How far justification stretched the word spaces of each printed line, read from the PDF
 * Chromium wrote: Chromium has no maximum word spacing, so a line with one long unbreakable
 * word (an address, a name) gapes, and only the printed result says which lines did.
 *
 * Chromium (Skia) places every glyph with a `Td` of its own, so the set width of a word space
 * is the distance from the space glyph to the next glyph on its baseline; no font metrics are
 * needed. A space is measured in ems of its own font size, so that 9.5 pt body text and 7.5 pt
 * notes are judged alike. Artifacts (running heads, page numbers) are not read.
 */
import type { PDFDocument, PDFDict } from 'pdf-lib';
import { apply, decodeTextString, IDENTITY, multiply, type Matrix } from '../pdf-read/matrix.ts';
import { asDict, inherited, N, pageContentBytes } from '../pdf-read/objects.ts';
import { FontDecoders } from '../pdf-read/text.ts';
import { glyphWidths, type WidthOf } from '../pdf-read/widths.ts';
import { isArray, isDict, isName, isString, tokenize, type Operand, type Operation } from '../pdf-read/tokenizer.ts';
import type { StartPages } from './document.ts';

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

/** A glyph (or a span read as one piece of text) at its origin on the page. */
interface PlacedGlyph {
  text: string;
  x: number;
  y: number;
  /** The font's em in page units, where the glyph is drawn. */
  em: number;
  /** A real word space (not a soft hyphen's invisible stand-in). */
  space: boolean;
  /** For a space: its own width in ems, as the font has it (unknown: 0). */
  natural: number;
}

/** A space set this much wider than the font's own is stretched; below it, rounding. */
const STRETCHED = 0.01;

/** The lines of every article page whose widest word space is wider than `limit` ems. */
export function stretchedLines(
  pdf: PDFDocument,
  startPages: StartPages,
  limit: number = MAX_WORD_SPACE_EM,
): StretchedLine[] {
  return lineWordSpaces(pdf, startPages).filter((line) => line.wordSpace > limit);
}

/** Every line of the article pages that has a word space, with its widest. */
export function lineWordSpaces(pdf: PDFDocument, startPages: StartPages): StretchedLine[] {
  const decoders = new FontDecoders(pdf.context);
  const articleOf = pageArticles(startPages);
  const lines: StretchedLine[] = [];
  pdf.getPages().forEach((page, index) => {
    const article = articleOf(index + 1);
    if (article === undefined) return;
    const glyphs = pageGlyphs(pdf, page.node, decoders);
    for (const line of baselines(glyphs)) {
      const wordSpace = widestSpace(line);
      if (wordSpace > 0)
        lines.push({ page: index + 1, article, text: line.map((glyph) => glyph.text).join(''), wordSpace });
    }
  });
  return lines;
}

/** Which article a page belongs to: the last one to start on or before it. */
function pageArticles(startPages: StartPages): (page: number) => string | undefined {
  const starts = Object.entries(startPages).sort((a, b) => b[1] - a[1]);
  return (page) => starts.find(([, start]) => start <= page)?.[0];
}

/**
 * The widest stretched word space of a line in ems; 0 when it has none. A space as wide as
 * its font's own (a ragged line, a monospaced font's wide space) is not stretched. Several
 * spaces in a row are preserved white space (code, indentation), never justification: each
 * counts for its share of the run. A line's leading spaces are indentation too.
 */
function widestSpace(line: readonly PlacedGlyph[]): number {
  let widest = 0;
  let index = line.findIndex((glyph) => !glyph.space);
  if (index < 0) return 0;
  for (; index < line.length - 1; index++) {
    const glyph = line[index]!;
    if (!glyph.space) continue;
    let next = index + 1;
    while (next < line.length && line[next]!.space) next++;
    if (next === line.length) break;
    const set = (line[next]!.x - glyph.x) / (next - index) / glyph.em;
    if (set > glyph.natural + STRETCHED) widest = Math.max(widest, set);
    index = next - 1;
  }
  return widest;
}

/** Glyphs in content order on one baseline form a line; a step back to the left starts one too. */
function baselines(glyphs: readonly PlacedGlyph[]): PlacedGlyph[][] {
  const lines: PlacedGlyph[][] = [];
  let previous: PlacedGlyph | undefined;
  for (const glyph of glyphs) {
    if (!previous || Math.abs(glyph.y - previous.y) >= 1 || glyph.x < previous.x - 1) lines.push([]);
    lines.at(-1)!.push(glyph);
    previous = glyph;
  }
  return lines;
}

interface Span {
  artifact: boolean;
  actualText?: string;
  placed: boolean;
}

/** The page's shown text outside artifacts, each show operator at the point where it starts. */
function pageGlyphs(pdf: PDFDocument, page: PDFDict, decoders: FontDecoders): PlacedGlyph[] {
  const context = pdf.context;
  const fonts = asDict(context, asDict(context, inherited(context, page, 'Resources'))?.get(N('Font')));
  const glyphs: PlacedGlyph[] = [];
  const widths = new Map<string | undefined, WidthOf>();
  const widthOf = (font: string | undefined) => {
    if (!widths.has(font))
      widths.set(font, glyphWidths(context, font ? asDict(context, fonts?.get(N(font))) : undefined));
    return widths.get(font)!;
  };
  const state = new TextState();
  const spans: Span[] = [];
  for (const op of tokenize(pageContentBytes(context, page))) {
    if (state.apply(op)) continue;
    if (op.op === 'BDC' || op.op === 'BMC') spans.push(spanOf(op));
    else if (op.op === 'EMC') spans.pop();
    else if (SHOW.has(op.op)) {
      if (op.op === "'" || op.op === '"') state.nextLine();
      if (spans.some((span) => span.artifact)) continue;
      const placed = state.placed();
      const replaced = [...spans].reverse().find((span) => span.actualText !== undefined);
      if (replaced) {
        // A span's text (Chromium's soft hyphen is a space glyph under ActualText U+00AD) counts once.
        if (!replaced.placed) glyphs.push({ ...placed, text: replaced.actualText!, space: false, natural: 0 });
        replaced.placed = true;
        continue;
      }
      const strings = shownStrings(op.operands);
      const text = strings.map((bytes) => decoders.forResource(fonts, state.font).decode(bytes)).join('');
      const space = text === ' ';
      const natural = space && strings.length === 1 ? (widthOf(state.font)(strings[0]!) ?? 0) : 0;
      glyphs.push({ ...placed, text, space, natural });
    }
  }
  return glyphs;
}

const SHOW = new Set(['Tj', 'TJ', "'", '"']);

function spanOf(op: Operation): Span {
  const [tag, properties] = op.operands;
  const actual = op.op === 'BDC' && isDict(properties) ? properties.entries.get('ActualText') : undefined;
  return {
    artifact: isName(tag) && tag.value === 'Artifact',
    ...(isString(actual) ? { actualText: decodeTextString(actual.bytes) } : {}),
    placed: false,
  };
}

/** The graphics and text state a reader needs to say where a glyph starts and how large it is. */
class TextState {
  font: string | undefined;
  private size = 0;
  private leading = 0;
  private ctm: Matrix = IDENTITY;
  private readonly saved: Matrix[] = [];
  private tm: Matrix = IDENTITY;
  private tlm: Matrix = IDENTITY;

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
        this.tm = this.tlm = IDENTITY;
        return true;
      case 'Tf':
        this.font = isName(o[0]) ? o[0].value : undefined;
        this.size = num(o[1]);
        return true;
      case 'TL':
        this.leading = num(o[0]);
        return true;
      case 'Tm':
        this.tm = this.tlm = matrix(o);
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

  /** Where the next glyph starts, and its font's em, in page units. */
  placed(): { x: number; y: number; em: number } {
    const m = multiply(this.tm, this.ctm);
    const [x, y] = apply(m, 0, 0);
    return { x, y, em: Math.abs(this.size) * Math.hypot(m[2], m[3]) };
  }

  private moveLine(tx: number, ty: number): void {
    this.tm = this.tlm = multiply([1, 0, 0, 1, tx, ty], this.tlm);
  }
}

function shownStrings(operands: readonly Operand[]): Uint8Array[] {
  const last = operands.at(-1);
  if (isString(last)) return [last.bytes];
  if (isArray(last)) return last.items.filter(isString).map((item) => item.bytes);
  return [];
}

function num(operand: Operand | undefined): number {
  return typeof operand === 'number' ? operand : 0;
}

function matrix(o: readonly Operand[]): Matrix {
  return [num(o[0]), num(o[1]), num(o[2]), num(o[3]), num(o[4]), num(o[5])];
}
