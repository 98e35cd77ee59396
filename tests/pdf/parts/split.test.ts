/**
 * The print document cut into parts (`scripts/pdf/parts/split.ts`): the front and one part per
 * article, each with the whole head; folios that start where the article starts; links to
 * another part sent through the join's address, and a hidden link in the part they point into
 * (Chromium writes a destination only for an id some link of the same document points at).
 */
import { h } from 'hastscript';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { JOIN_LINK_PREFIX, splitParts } from '../../../scripts/pdf/parts/split.ts';

function issueTree(): Root {
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'nl' }, [
        h('head', [
          h('link', { rel: 'stylesheet', href: 'assets/print.css' }),
          h('style', { dataPage: 'art-a' }, '@page art-a { @top-right { content: "A"; } }'),
          h('style', { dataPage: 'art-b' }, '@page art-b { @top-right { content: "B"; } }'),
        ]),
        h('body', [
          h('section.cover', [h('a', { href: '#art-b' }, 'Naar B')]),
          h('section.contents', [h('a', { href: '#art-a' }, 'A'), h('a', { href: '#art-b' }, 'B')]),
          h('article#art-a', [
            h('p', [
              'Zie ',
              h('a', { href: '#art-b--kader' }, 'het kader'),
              ' en ',
              h('a', { href: '#art-a--x' }, 'x'),
              h('a', { href: '#' }, 'boven'),
              h('a', { href: '#50%' }, 'half'),
            ]),
            h('p#art-a--x', 'x'),
          ]),
          h('article#art-b', [h('aside#art-b--kader', 'Kader'), h('p#art-b--B0', 'Tekst')]),
          h('nav', { style: 'display: none', ariaHidden: 'true' }, [h('a', { href: '#art-b--B0' })]),
        ]),
      ]),
    ],
  };
}

const anchors = { a: 'art-a', b: 'art-b' };

describe('the print document in parts', () => {
  it('cuts the front and every article, each with the whole head', () => {
    const parts = splitParts(issueTree(), undefined, anchors);
    expect(parts.map((part) => part.name)).toEqual(['front', 'art-a', 'art-b']);
    for (const part of parts) expect(toHtml(part.tree)).toContain('<link rel="stylesheet" href="assets/print.css">');
    expect(toHtml(parts[1]!.tree)).not.toContain('Kader');
  });

  it('gives each article part its own running head only, and the front none', () => {
    const [front, a, b] = splitParts(issueTree(), undefined, anchors).map((part) => toHtml(part.tree));
    expect(front).not.toContain('@page art-');
    expect(a).toContain('@page art-a {');
    expect(a).not.toContain('@page art-b');
    expect(b).toContain('@page art-b {');
    expect(b).not.toContain('@page art-a');
  });

  it("starts an article part's folios where the article starts in the issue", () => {
    const parts = splitParts(issueTree(), { a: 3, b: 7 }, anchors);
    expect(toHtml(parts[0]!.tree)).not.toContain('counter-set');
    expect(toHtml(parts[1]!.tree)).toContain('<style>@page :first { counter-set: page 3; }</style>');
    expect(toHtml(parts[2]!.tree)).toContain('counter-set: page 7;');
  });

  it('sends a link to another part through the join, and keeps one inside its part', () => {
    const [front, a] = splitParts(issueTree(), undefined, anchors).map((part) => toHtml(part.tree));
    expect(front).toContain(`<a href="${JOIN_LINK_PREFIX}art-b">Naar B</a>`);
    expect(a).toContain(`<a href="${JOIN_LINK_PREFIX}art-b--kader">het kader</a>`);
    expect(a).toContain('<a href="#art-a--x">x</a>');
    // A link to an id no part has stays as it was, as in one document.
    expect(a).toContain('<a href="#">boven</a>');
    expect(a).toContain('<a href="#50%">half</a>');
  });

  it('gives every id linked from elsewhere, and every measuring mark, a hidden link in its own part', () => {
    const parts = splitParts(issueTree(), undefined, anchors);
    const hidden = (index: number) => {
      const body = (parts[index]!.tree.children[1] as Element).children[1] as Element;
      const nav = body.children.at(-1) as Element;
      return nav.tagName === 'nav' ? nav.children.map((link) => (link as Element).properties.href) : [];
    };
    expect(hidden(0)).toEqual([]);
    expect(hidden(1)).toEqual(['#art-a']);
    expect(hidden(2)).toEqual(['#art-b', '#art-b--B0', '#art-b--kader']);
  });
});
