/**
 * Takes the soft hyphens that do not end a line out of the text layer, and makes the one at a
 * broken line end the hyphen drawn there.
 *
 * Hyphenation is inserted at build time as U+00AD, and Chromium writes every one of them into
 * the PDF, whether the line breaks there or not: an invisible space glyph, set with no advance,
 * inside `/Span <</ActualText <FEFF00AD>>> BDC … EMC` (or, where the soft hyphen falls inside a
 * ligature, a span whose ActualText is e.g. "f\u00adl" around the ligature and that glyph).
 * Read back, "politie" is "po\u00adli\u00adtie": search, copy and speech all get the broken word.
 *
 * A soft hyphen inside a line has no business in the text (ISO 32000-1, 14.8.2.2.3: only a
 * word broken at a line end carries U+00AD at the break). For each such span:
 * - the invisible glyph is removed with the span around it: it paints nothing (a whitespace
 *   glyph), and the next glyph is placed by its own Td from the line start, not by this
 *   glyph's advance, so the page looks the same and no reader, with or without ActualText
 *   support, can meet it again;
 * - a span that also holds a visible glyph (the ligature) keeps it, with ActualText minus the
 *   U+00AD ("fl"), since that glyph's own Unicode mapping may be missing.
 * A soft hyphen that ends a line (nothing but the visible hyphen after it on its baseline) is
 * kept, and moved onto that hyphen: Chromium leaves the hyphen it draws as a hard U+002D after
 * the invisible U+00AD, so the invisible glyph goes and the drawn hyphen gets ActualText U+00AD.
 * The word then reads as one word with a single U+00AD at the break.
 */
import type { Edit, Operation } from '../pdf-read/tokenizer.ts';
import { decodeTextString } from '../pdf-read/matrix.ts';
import type { MarkedFrame, PaintItem, TextRun } from '../pdf-read/scan.ts';
import { utf16Hex } from './utf16-hex.ts';

const SOFT_HYPHEN = '\u00ad';
/** What the visible hyphen at a broken line end reads as. */
const LINE_END_HYPHEN = /^[-\u2010]$/;

export interface Shown {
  item: PaintItem;
  /** The innermost enclosing ActualText span, if any. */
  span: MarkedFrame | undefined;
}

export interface SoftHyphenCount {
  /** Soft hyphens taken out of lines. */
  removed: number;
  /** Soft hyphens kept at line ends (on the hyphen drawn there, when there is one). */
  kept: number;
}

/**
 * Collects the text shown on a page (fed by the content scan) and works out the edits that
 * take mid-line soft hyphens out and move line-end ones onto their hyphen. `decode` turns a
 * text run into Unicode with its font.
 */
export class SoftHyphenFinder {
  private readonly shown: Shown[] = [];
  private readonly actualTexts = new Map<MarkedFrame, string>();
  readonly count: SoftHyphenCount = { removed: 0, kept: 0 };

  constructor(private readonly decode: (run: TextRun) => string) {}

  paint(item: PaintItem, stack: readonly MarkedFrame[]): void {
    if (item.kind !== 'text') return;
    let span: MarkedFrame | undefined;
    let tagged = false;
    for (let k = stack.length - 1; k >= 0; k--) {
      const frame = stack[k]!;
      // Only tagged text is read; an artifact's text is not part of the text layer.
      if (frame.artifact) return;
      if (frame.mcid !== undefined) tagged = true;
      if (!span && frame.actualText) span = frame;
    }
    if (!tagged) return;
    // Kept: the text of spans, and the text shown right after one (where the line goes on).
    // The rest of the page (most of it) is not needed, and a Chromium page shows glyph by glyph.
    if (span || this.shown[this.shown.length - 1]?.span) this.shown.push({ item, span });
  }

  /** The text shown inside ActualText spans, span by span in the order shown. */
  spanItems(): Map<MarkedFrame, PaintItem[]> {
    const spans = new Map<MarkedFrame, PaintItem[]>();
    for (const { item, span } of this.shown) {
      if (!span) continue;
      const items = spans.get(span);
      if (items) items.push(item);
      else spans.set(span, [item]);
    }
    return spans;
  }

  edits(ops: readonly Operation[]): Edit[] {
    const edits: Edit[] = [];
    let i = 0;
    while (i < this.shown.length) {
      const span = this.shown[i]!.span;
      let j = i + 1;
      while (j < this.shown.length && span && this.shown[j]!.span === span) j++;
      if (span) {
        const actual = this.actualText(span);
        if (actual.includes(SOFT_HYPHEN)) {
          const next = this.nextVisible(j);
          const place = this.placeOf(this.shown[j - 1]!, next);
          const inside = this.shown.slice(i, j);
          if (place === 'inside') {
            this.count.removed++;
            edits.push(...this.removal(ops, span, inside, actual.replaceAll(SOFT_HYPHEN, '')));
          } else {
            this.count.kept++;
            if (place === 'before-hyphen' && actual === SOFT_HYPHEN) {
              edits.push(...this.moveToHyphen(ops, span, inside, next!));
            }
          }
        }
      }
      i = j;
    }
    return edits;
  }

  /** The first text shown from `from` on that is more than another soft hyphen. */
  private nextVisible(from: number): Shown | undefined {
    for (let k = from; k < this.shown.length; k++) {
      const shown = this.shown[k]!;
      if (!shown.span || this.textOf(shown).replaceAll(SOFT_HYPHEN, '') !== '') return shown;
    }
    return undefined;
  }

  /**
   * Where a soft hyphen is: inside its line, unless no more than the visible hyphen follows on
   * its baseline; then at the line end, before that hyphen or (a break without one) alone.
   */
  private placeOf(last: Shown, next: Shown | undefined): 'inside' | 'before-hyphen' | 'line-end' {
    if (!next || !last.item.origin || !next.item.origin) return 'line-end';
    const dx = next.item.origin[0] - last.item.origin[0];
    const dy = next.item.origin[1] - last.item.origin[1];
    // The glyph after a mid-line soft hyphen sits where the soft hyphen sits (it has no advance).
    if (Math.abs(dy) >= 1 || dx < -1 || dx > 12) return 'line-end';
    return LINE_END_HYPHEN.test(this.textOf(next).trim()) ? 'before-hyphen' : 'inside';
  }

  /**
   * A broken word's text has one U+00AD at the break, and it is the visible hyphen (ISO 32000-1,
   * 14.8.2.2.3: the producer tells soft from hard hyphens, so that no reader has to guess).
   * Chromium writes U+00AD on its invisible glyph and leaves the hyphen it draws as a hard one:
   * the invisible glyph goes, and the drawn hyphen gets ActualText U+00AD.
   */
  private moveToHyphen(ops: readonly Operation[], span: MarkedFrame, inside: Shown[], hyphen: Shown): Edit[] {
    if (hyphen.span) return [];
    const removed = this.removal(ops, span, inside, '');
    // Only when the span goes whole: otherwise the break would read U+00AD twice.
    if (removed.length !== inside.length + 2) return [];
    return [
      ...removed,
      { offset: hyphen.item.start, text: '/Span <</ActualText <FEFF00AD>>> BDC\n' },
      { offset: hyphen.item.end, text: '\nEMC' },
    ];
  }

  private textOf(shown: Shown): string {
    if (shown.span) return this.actualText(shown.span);
    let text = '';
    for (const run of shown.item.runs) text += this.decode(run);
    return text;
  }

  /** Whether runs show only whitespace glyphs (which paint nothing). */
  private blank(runs: readonly TextRun[]): boolean {
    for (const run of runs) if (this.decode(run).trim() !== '') return false;
    return true;
  }

  private actualText(span: MarkedFrame): string {
    let text = this.actualTexts.get(span);
    if (text === undefined) {
      text = decodeTextString(span.actualText!.bytes);
      this.actualTexts.set(span, text);
    }
    return text;
  }

  private removal(ops: readonly Operation[], span: MarkedFrame, inside: Shown[], replacement: string): Edit[] {
    const invisible = inside.filter(({ item }) => item.firstOp === item.lastOp && this.blank(item.runs));
    const emc = matchingEmc(ops, span.opIndex);
    const open = ops[span.opIndex]!;
    const edits: Edit[] = invisible.map(({ item }) => removeOp(ops[item.firstOp]!));
    if (replacement === '' && invisible.length === inside.length && emc !== undefined) {
      edits.push(removeOp(open), removeOp(ops[emc]!));
    } else {
      const text = `/Span <</ActualText ${textString(replacement)}>> BDC`;
      edits.push({ offset: open.start, remove: open.end - open.start, text });
    }
    return edits;
  }
}

function removeOp(op: Operation): Edit {
  return { offset: op.start, remove: op.end - op.start, text: '' };
}

function matchingEmc(ops: readonly Operation[], open: number): number | undefined {
  let depth = 0;
  for (let k = open; k < ops.length; k++) {
    const name = ops[k]!.op;
    if (name === 'BDC' || name === 'BMC') depth++;
    else if (name === 'EMC' && --depth === 0) return k;
  }
  return undefined;
}

/** A PDF text string as UTF-16BE hex with its byte-order mark (`<FEFF…>`; `<>` when empty). */
function textString(text: string): string {
  return text === '' ? '<>' : `<FEFF${utf16Hex(text)}>`;
}
