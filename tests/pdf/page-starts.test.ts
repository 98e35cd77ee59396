/**
 * Finding where a print page begins from the page's text, without a browser: running heads and
 * page numbers around the flow, words hyphenated across lines and pages, a photo the print moved,
 * text that repeats, and a page with nothing but a photo.
 */
import { h } from 'hastscript';
import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findPageStarts, pagesInsideArticles } from '../../scripts/pdf/page-starts.ts';
import { KeptMemo } from '../../scripts/util/kept-memo.ts';
import type { RenderedArticle } from '../../scripts/render/to-hast.ts';

const words = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => `woord${from + index}`).join(' ');

function article(id: string, body: Root['children']): RenderedArticle {
  return { article: { id } as RenderedArticle['article'], body: { type: 'root', children: body } };
}

/** A printed page: running head, the text cut into lines as Chromium paints them, page number. */
function page(number: number, ...lines: string[]): string[] {
  return ['Proefnummer · mei 2024', 'Artikel', ...lines, String(number)];
}

describe('print page starts', () => {
  const body = [
    h('p', words(0, 40)),
    h('figure', [h('figcaption', 'Een foto met een bijschrift dat de druk verplaatst')]),
    h('p', `${words(40, 40)} verantwoordelijkheid ${words(80, 40)}`),
    h('p', words(120, 40)),
  ];
  const rendered = [article('a', body), article('b', [h('p', words(500, 10))])];
  const startPages = { a: 3, b: 7 };

  it('reads only the pages that begin inside an article', () => {
    expect(pagesInsideArticles(7, startPages, rendered)).toEqual([4, 5, 6]);
  });

  it('finds each page where its flow begins, past heads, hyphens and a moved photo', () => {
    const texts = new Map([
      // Page 4 begins mid-paragraph; the photo from before was moved to its top.
      [4, page(4, 'Een foto met een bijschrift', 'dat de druk verplaatst', words(20, 10), words(30, 10))],
      // Page 5 begins in the second half of a word hyphenated across the page turn.
      [5, page(5, 'heid woord80 woord81 woord82', words(83, 20))],
      // Page 6 holds a photo only (no text of its own).
      [6, page(6)],
    ]);
    const starts = findPageStarts(texts, 7, startPages, rendered);
    expect(starts).toEqual([
      { page: 4, article: 'a', block: 0, letter: words(0, 20).replace(/\s/g, '').length },
      { page: 5, article: 'a', block: 2, letter: `${words(40, 40)}verantwoordelijk`.replace(/\s/g, '').length },
      { page: 6, article: 'a', block: 4, letter: 0 },
    ]);
  });

  it('takes what the last build found for an article whose text and pages are unchanged, and keeps only what it used', async () => {
    const texts = new Map([
      [4, page(4, words(20, 10))],
      [5, page(5, words(83, 20))],
      [6, page(6)],
    ]);
    const memo = new KeptMemo<(number | null)[]>();
    const found = findPageStarts(texts, 7, startPages, rendered, memo);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'persklaar-starts-')), 'page-starts.json');
    await memo.write(file, 'v1');
    const kept = await KeptMemo.read<(number | null)[]>(file, 'v1');
    expect(findPageStarts(texts, 7, startPages, rendered, kept)).toEqual(found);
    // What is kept is taken as it is: a wrong entry shows that the search did not run again.
    const [key] = Object.keys(JSON.parse(readFileSync(file, 'utf8')).entries);
    const planted = new KeptMemo<(number | null)[]>(new Map([[key!, [null, null, null]]]));
    expect(findPageStarts(texts, 7, startPages, rendered, planted).map(({ block }) => block)).toEqual([4, 4, 4]);
    expect(await KeptMemo.read(file, 'v2')).toEqual(new KeptMemo());
  });

  it('finds repeated text in its own place, where the text before it leads', () => {
    const repeated = 'https://voorbeeld.nl/api/v1/organisaties?naam=Integrator';
    const code = [
      h('p', words(0, 30)),
      h('pre', [h('code', repeated)]),
      h('p', words(30, 30)),
      h('pre', [h('code', `{ "href": "${repeated}", "type": "json" }`)]),
    ];
    const texts = new Map([[2, page(2, '{ "href":', `"${repeated}",`, '"type": "json" }')]]);
    const starts = findPageStarts(texts, 2, { a: 1 }, [article('a', code)]);
    expect(starts).toEqual([{ page: 2, article: 'a', block: 3, letter: 0 }]);
  });
});
