/**
 * Where a print page begins, in the text every edition shares. The print stage finds each page's
 * first words in an article's body (`pdf/page-starts.ts`); the EPUB and the web edition put a
 * page marker there. A place is a top-level block of the body and a count of letters into it:
 * letters and digits only, so that soft hyphens, hyphenation, spacing and quotes, which differ
 * between the print and the text, do not count, and an edit moves only the places in its block.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { hasClass } from './classes.ts';

export interface PrintPlace {
  /**
   * The index among the body's top-level elements (whitespace between them aside); the number
   * of blocks for the end of the body (a page with nothing but a photo, last in an article).
   */
  block: number;
  /** Letters into that block before the page's first letter. */
  letter: number;
}

/** A print page that begins inside an article's body. */
export interface PageStart extends PrintPlace {
  page: number;
  /** The article id. */
  article: string;
}

/** What the last print looked like, as the other editions need it. */
export interface PrintedPages {
  pageCount: number;
  /** The page each article's title is on, by article id. */
  startPages: Record<string, number>;
  /** Where every later page begins in its article's text. */
  pageStarts: PageStart[];
}

/** The page an article begins on, when it holds that page (of two articles on one page, the first does). */
export function heldStartPage(printed: PrintedPages, articleIds: readonly string[], id: string): number | undefined {
  const page = printed.startPages[id];
  const index = articleIds.indexOf(id);
  return articleIds.slice(0, index).some((other) => printed.startPages[other] === page) ? undefined : page;
}

/** The print pages before the first article: the cover, the contents. */
export function frontPageNumbers(printed: Pick<PrintedPages, 'pageCount' | 'startPages'>): number[] {
  const first = Math.min(printed.pageCount + 1, ...Object.values(printed.startPages));
  return Array.from({ length: Math.max(0, first - 1) }, (_, index) => index + 1);
}

/** Text that moves in the print (figures, pull quotes): not where a page's flow begins. */
function moves(element: Element): boolean {
  return element.tagName === 'figure' || hasClass(element, 'pullquote');
}

/** A marker never lands inside their text: it goes before or after them. */
const WHOLE = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A character as the print and the text both spell it: lower case, no accents, letters and digits. */
export function lettersOf(text: string): string {
  return (
    text
      .normalize('NFKD')
      // Modifier letters too: a font may map a quote's glyph to one (‘ read as ʻ U+02BB).
      .replace(/[^\p{L}\p{N}]+|\p{Lm}+/gu, '')
      .toLowerCase()
  );
}

/** `lettersOf` for one character, without normalising the ASCII most text is. */
function letterOf(character: string): string {
  const code = character.charCodeAt(0);
  if (code >= 0x61 && code <= 0x7a) return character;
  if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 0x20);
  if (code >= 0x30 && code <= 0x39) return character;
  return code < 0x80 ? '' : lettersOf(character);
}

interface LetterSpot {
  node: Text;
  offset: number;
  /** The elements around the text node, outermost first (the block itself included). */
  ancestors: Element[];
}

/** A text node of the body, with where its letters begin. */
interface TextSpan {
  node: Text;
  ancestors: Element[];
  start: number;
}

/** An article body as one string of letters, each traced back to its text node. */
export class BodyLetters {
  /** The letters; those of text that moves in the print are `\0`, which no page text matches. */
  readonly letters: string;
  /** Where each top-level block's letters begin. */
  readonly blockStarts: number[] = [];
  private readonly spans: TextSpan[] = [];
  /** Per letter, its offset in its text node's value. */
  private readonly offsets: number[] = [];

  constructor(readonly body: Root) {
    const parts: string[] = [];
    let length = 0;
    const walk = (node: ElementContent, ancestors: Element[], moving: boolean): void => {
      if (node.type === 'text') {
        const start = length;
        let part = '';
        for (let offset = 0; offset < node.value.length; offset++) {
          const letters = letterOf(node.value[offset]!);
          for (let k = 0; k < letters.length; k++) this.offsets.push(offset);
          part += moving ? '\0'.repeat(letters.length) : letters;
        }
        if (part === '') return;
        this.spans.push({ node, ancestors, start });
        parts.push(part);
        length += part.length;
      } else if (node.type === 'element') {
        const inner = [...ancestors, node];
        for (const child of node.children) walk(child, inner, moving || moves(node));
      }
    };
    for (const block of body.children) {
      if (block.type !== 'element') continue;
      this.blockStarts.push(length);
      walk(block, [], false);
    }
    this.letters = parts.join('');
  }

  place(index: number): PrintPlace {
    let block = 0;
    while (block + 1 < this.blockStarts.length && this.blockStarts[block + 1]! <= index) block++;
    return { block, letter: index - (this.blockStarts[block] ?? 0) };
  }

  index(place: PrintPlace): number | undefined {
    const start = this.blockStarts[place.block];
    if (start === undefined) return undefined;
    const end = this.blockStarts[place.block + 1] ?? this.letters.length;
    return start + place.letter < end ? start + place.letter : undefined;
  }

  spot(index: number): LetterSpot | undefined {
    if (index < 0 || index >= this.letters.length) return undefined;
    // The last span that starts at or before the letter.
    let low = 0;
    let high = this.spans.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.spans[middle]!.start <= index) low = middle;
      else high = middle - 1;
    }
    const span = this.spans[low]!;
    return { node: span.node, offset: this.offsets[index]!, ancestors: span.ancestors };
  }
}

/**
 * Puts `marker(page)` at each page's place in `body`, in place. A place that falls inside a word
 * (a word hyphenated across two pages) moves to the next word; inside a heading's or a link's
 * text, after it (at its very start: before it). A place past the last word is the end of the
 * body. A place the body no longer has (an edit since the print, in an edition built without
 * printing) is left out.
 */
export function insertPrintPages(
  body: Root,
  places: readonly (PrintPlace & { page: number })[],
  marker: (page: number) => Element,
): void {
  const letters = new BodyLetters(body);
  const atEnd: number[] = [];
  const spots: { page: number; spot: LetterSpot }[] = [];
  for (const place of places) {
    const index = letters.index(place);
    const spot = index === undefined ? undefined : wordStart(letters, index);
    if (spot) spots.push({ page: place.page, spot });
    else if (place.block >= letters.blockStarts.length || index !== undefined) atEnd.push(place.page);
  }
  body.children.push(...atEnd.map(marker));
  // Pages without text of their own (a whole-page photo) share the next page's place: one
  // insertion, in page order.
  const groups: { spot: LetterSpot; markers: Element[] }[] = [];
  for (const { page, spot } of spots) {
    const last = groups.at(-1);
    if (last && last.spot.node === spot.node && last.spot.offset === spot.offset) last.markers.push(marker(page));
    else groups.push({ spot, markers: [marker(page)] });
  }
  // From the last to the first: splitting a text node leaves the places before it as they were.
  for (const { spot, markers } of groups.reverse()) insertAt(body, spot, markers);
}

/** The start of the word the letter is in, or of the next word when it is not the first letter. */
function wordStart(letters: BodyLetters, index: number): LetterSpot | undefined {
  let at = index;
  for (;;) {
    const spot = letters.spot(at);
    if (!spot) return undefined;
    if (!continuesWord(spot)) return spot;
    at++;
  }
}

/** Whether the letter at `spot` follows another letter of the same word in its text node. */
function continuesWord(spot: LetterSpot): boolean {
  const before = spot.node.value.slice(0, spot.offset).replace(/\u00ad/g, '');
  return before !== '' && /[\p{L}\p{N}'’-]$/u.test(before);
}

function insertAt(body: Root, spot: LetterSpot, markers: Element[]): void {
  const whole = spot.ancestors.findIndex((element) => WHOLE.has(element.tagName));
  if (whole !== -1) {
    const element = spot.ancestors[whole]!;
    const parent = whole === 0 ? body : spot.ancestors[whole - 1]!;
    const at = parent.children.indexOf(element);
    const atStart = firstText(element) === spot.node && lettersOf(spot.node.value.slice(0, spot.offset)) === '';
    parent.children.splice(atStart ? at : at + 1, 0, ...markers);
    return;
  }
  const parent = spot.ancestors.at(-1);
  if (!parent) return;
  const { node } = spot;
  // Before the punctuation the word begins with (`“Vandaag`, `(zie`), not between.
  let cut = spot.offset;
  while (cut > 0 && !/\s/.test(node.value[cut - 1]!)) cut--;
  const at = parent.children.indexOf(node);
  if (cut === 0) {
    parent.children.splice(at, 0, ...markers);
    return;
  }
  // The node keeps the text before the cut, so places earlier in it (inserted later) still hold.
  const rest: Text = { type: 'text', value: node.value.slice(cut) };
  node.value = node.value.slice(0, cut);
  parent.children.splice(at + 1, 0, ...markers, rest);
}

function firstText(element: Element): Text | undefined {
  for (const child of element.children) {
    if (child.type === 'text' && lettersOf(child.value) !== '') return child;
    if (child.type === 'element') {
      const found = firstText(child);
      if (found) return found;
    }
  }
  return undefined;
}
