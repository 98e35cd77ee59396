/**
 * Where each print page begins in its article's text, found from the printed PDF: the EPUB's
 * page markers and the web edition's `#p17` anchors go there. Pages move whenever the print
 * does (an edit, a photo placed elsewhere), so nothing is assumed; the first print page of an
 * article is its start, and every later one is looked up.
 *
 * How: a page's text, in paint order, is cut into keys (a piece of text and what follows it, as
 * letters only); each key is looked for in the article's letters after the previous page's
 * start, first where the text before it on the page leads to expect it. Keys found one after
 * the other as the article reads make a chain; the page's flow is the heaviest chain (running
 * heads and page numbers are found nowhere; photos and pull quotes, which the print may move,
 * are masked in the text), and the page begins where it does.
 */
import { createHash } from 'node:crypto';
import type { RenderedArticle } from '../render/to-hast.ts';
import { BodyLetters, lettersOf, type PageStart, type PrintPlace } from '../render/print-pages.ts';
import type { StartPages } from './document.ts';
import { KeptMemo } from '../util/kept-memo.ts';

export type { PageStart };

/** Letters in a key: enough to be found once in an article, short enough to fit a line or two. */
const KEY_LETTERS = 24;
/** A key this short (the end of a page) is too common to place anything. */
const SHORTEST_KEY = 12;
/** Chains of one page's flow lie at most this far apart in the text (a column's worth of letters). */
const RUN_GAP = 4000;
/**
 * How far the page's text may run ahead of or behind the article's between two keys: list
 * numbers, footnote marks and labels the print stylesheet adds are letters of the page only.
 */
const DRIFT = 16;

/**
 * Where each page's text begins in the article's letters (`null`: nowhere), by a key of the
 * letters and the pages' texts: kept from one build to the next, so that only an edited
 * article's pages are searched again.
 */
export type StartsMemo = KeptMemo<(number | null)[]>;

export function findPageStarts(
  texts: ReadonlyMap<number, readonly string[]>,
  pageCount: number,
  startPages: StartPages,
  rendered: readonly RenderedArticle[],
  memo: StartsMemo = new KeptMemo(),
): PageStart[] {
  const starts: PageStart[] = [];
  for (const { article, body, from, to } of articleSpans(pageCount, startPages, rendered)) {
    const letters = new BodyLetters(body);
    const places = articlePageStarts(letters, texts, from, to, memo);
    starts.push(...places.map((place) => ({ ...place, article: article.id })));
  }
  return starts;
}

/** The pages that begin inside an article's body: the ones whose text `findPageStarts` reads. */
export function pagesInsideArticles(
  pageCount: number,
  startPages: StartPages,
  rendered: readonly RenderedArticle[],
): number[] {
  return articleSpans(pageCount, startPages, rendered).flatMap(({ from, to }) =>
    Array.from({ length: to - from }, (_, index) => from + index),
  );
}

/** Per article, its pages after the first: `from` up to (not including) `to`. */
function articleSpans(pageCount: number, startPages: StartPages, rendered: readonly RenderedArticle[]) {
  return rendered
    .map(({ article, body }, index) => {
      const from = startPages[article.id]! + 1;
      const next = rendered.slice(index + 1).map((each) => startPages[each.article.id]!);
      return { article, body, from, to: Math.min(pageCount + 1, ...next) };
    })
    .filter((span) => span.to > span.from);
}

/** The places of pages `from` up to (not including) `to`, in page order. */
function articlePageStarts(
  letters: BodyLetters,
  texts: ReadonlyMap<number, readonly string[]>,
  from: number,
  to: number,
  memo: StartsMemo,
): (PrintPlace & { page: number })[] {
  const pageTexts = Array.from({ length: to - from }, (_, offset) => texts.get(from + offset) ?? []);
  const key = createHash('sha1').update(letters.letters).update(JSON.stringify(pageTexts)).digest('hex');
  const found = memo
    .get(key, () => startIndexes(letters.letters, pageTexts))
    .map((index, offset) => ({ page: from + offset, index }));
  // A page with no text of its own (a whole-page photo) begins where the next page does, or
  // at the end of the body when it is the article's last.
  const end = { block: letters.blockStarts.length, letter: 0 };
  let following: PrintPlace = end;
  const places: (PrintPlace & { page: number })[] = [];
  for (const { page, index } of [...found].reverse()) {
    if (index !== null) following = letters.place(index);
    places.unshift({ page, ...following });
  }
  return places;
}

/** Where each page's text begins in the article's letters, in page order. */
function startIndexes(letters: string, pages: readonly (readonly string[])[]): (number | null)[] {
  const indexes: (number | null)[] = [];
  let lower = 0;
  for (const pieces of pages) {
    const index = pageStartIndex(letters, pieces, lower);
    indexes.push(index ?? null);
    if (index !== undefined) lower = index + 1;
  }
  return indexes;
}

interface Chain {
  /** Where its first key is in the article's letters. */
  start: number;
  /** Where its last key is, in the article's letters and in the page's. */
  last: number;
  lastOffset: number;
  /** Letters of the page it accounts for, and its number of keys. */
  weight: number;
  keys: number;
}

function pageStartIndex(text: string, pieces: readonly string[], lower: number): number | undefined {
  const chains: Chain[] = [];
  let current: Chain | undefined;
  let offset = 0;
  const letters = pieces.map(lettersOf);
  for (let i = 0; i < letters.length; offset += letters[i]!.length, i++) {
    if (letters[i] === '') continue;
    const key = keyAt(letters, i);
    if (key.length < SHORTEST_KEY) continue;
    // Where the text goes on if the page reads on as the article does: found there first, so that
    // text that repeats (a list of addresses, code) is found in its own place.
    const expected = current && current.last + (offset - current.lastOffset);
    const near = expected === undefined ? -1 : foundNear(text, key, Math.max(lower, expected - DRIFT));
    if (current && near !== -1) {
      Object.assign(current, { last: near, lastOffset: offset, weight: current.weight + letters[i]!.length });
      current.keys++;
      continue;
    }
    const index = text.indexOf(key, lower);
    if (index === -1) continue;
    current = { start: index, last: index, lastOffset: offset, weight: letters[i]!.length, keys: 1 };
    chains.push(current);
  }
  return flowStart(chains);
}

/** Where `key` is in `text` within twice `DRIFT` letters from `from`, or -1: a window, not the rest of the text. */
function foundNear(text: string, key: string, from: number): number {
  const at = text.slice(from, from + 2 * DRIFT + key.length).indexOf(key);
  return at === -1 ? -1 : from + at;
}

/** The key of piece `i`: its letters and those after it, `KEY_LETTERS` long at most. */
function keyAt(letters: readonly string[], i: number): string {
  let key = '';
  for (let j = i; j < letters.length && key.length < KEY_LETTERS; j++) key += letters[j];
  return key.slice(0, KEY_LETTERS);
}

/**
 * The start of the page's flow: the heaviest chain, taken back over the chains before it on the
 * page that end before it begins in the text (the flow broken by a photo or a label between).
 * A chain of one key is taken back over only when nothing else is found: it is often text that
 * repeats elsewhere.
 */
function flowStart(chains: readonly Chain[]): number | undefined {
  if (chains.length === 0) return undefined;
  let best = 0;
  for (let k = 1; k < chains.length; k++) if (chains[k]!.weight > chains[best]!.weight) best = k;
  let start = chains[best]!.start;
  for (let k = best - 1; k >= 0; k--) {
    const chain = chains[k]!;
    if (chain.keys < 2 || chain.last > start || start - chain.last > RUN_GAP) break;
    start = chain.start;
  }
  return start;
}
