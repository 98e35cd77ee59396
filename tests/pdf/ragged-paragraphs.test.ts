/**
 * A stretched line, as the PDF spells it (soft hyphens, the hyphen shown at its end), finds
 * its paragraph in the print document, in its own article only. A line that ended on a space
 * gets a forced break there (only it is set ragged); one that ended inside a word sets its
 * paragraph ragged. Either is done once, so the print loop stops. What a build found is kept
 * for the next for articles whose text has not changed, and of an edited article for its
 * paragraphs that did not change.
 */
import { h } from 'hastscript';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { articleAnchor } from '../../scripts/pdf/document.ts';
import type { Issue } from '../../scripts/issue/load.ts';
import { keepStretched, keptStretched } from '../../scripts/pdf/page-map-cache.ts';
import { setRagged, type StretchedTexts, withStretched } from '../../scripts/pdf/ragged-paragraphs.ts';

function printTree(): Root {
  const paragraph = [
    'Vragen over de aan\u00advraag? Mail naar ',
    h('a', { href: 'mailto:servicecentrum@logius.nl' }, 'servicecentrum@logius.nl'),
    ' of bel het ser\u00advi\u00adce\u00adcen\u00adtrum.',
  ];
  return {
    type: 'root',
    children: [
      h('article', { id: articleAnchor('links') }, [h('p', paragraph), h('p', 'Een andere alinea.')]),
      h('article', { id: articleAnchor('elders') }, [h('p', paragraph)]),
    ],
  };
}

describe('ragged lines', () => {
  it('ends a line that ended on a space with a forced break, once', () => {
    const tree = printTree();
    const lines = withStretched({}, [{ article: 'links', text: 'Vragen over de aan\u00advraag? Mail naar' }]);
    expect(setRagged(tree, lines)).toBe(1);
    expect(toHtml(tree)).toContain(
      '<article id="art-links"><p>Vragen over de aan\u00advraag? Mail naar <br class="ragged-end"><a ',
    );
    expect(toHtml(tree)).toContain('<article id="art-elders"><p>Vragen over de aan\u00advraag? Mail naar <a ');
    expect(setRagged(tree, lines)).toBe(0);
  });

  it('sets the paragraph ragged when the line ended inside a word', () => {
    const tree = printTree();
    const lines = { links: ['servicecentrum@logius.nl of bel het ser\u00advi\u00ad-'] };
    expect(setRagged(tree, lines)).toBe(1);
    expect(toHtml(tree)).toContain('<article id="art-links"><p class="ragged">');
    expect(toHtml(tree)).not.toContain('<br');
    expect(setRagged(tree, lines)).toBe(0);
  });

  it('ends a line that ended at a break opportunity of an address there', () => {
    const tree: Root = {
      type: 'root',
      children: [
        h('article', { id: articleAnchor('links') }, [
          h('p', ['Zie ', h('a', { href: 'https://logius.nl/oin-stelsel' }, ['https://', h('wbr'), 'logius.nl']), '.']),
        ]),
      ],
    };
    expect(setRagged(tree, { links: ['Zie https://'] })).toBe(1);
    expect(toHtml(tree)).toContain(
      '<a href="https://logius.nl/oin-stelsel">https://<wbr><br class="ragged-end">logius.nl</a>',
    );
    expect(setRagged(tree, { links: ['Zie https://'] })).toBe(0);
  });

  it('changes nothing for a line it cannot find, or one of another article', () => {
    const tree = printTree();
    const before = toHtml(tree);
    expect(setRagged(tree, { links: ['Deze regel staat nergens'], onbekend: ['Vragen over de'] })).toBe(0);
    expect(toHtml(tree)).toBe(before);
  });

  it('sets the same whatever the order the lines come in', () => {
    const lines = [
      'Vragen over de aan\u00advraag? Mail naar',
      'servicecentrum@logius.nl of bel het ser\u00advi\u00ad-',
    ];
    const inOrder = printTree();
    const reversed = printTree();
    setRagged(inOrder, { links: lines });
    setRagged(reversed, { links: [...lines].reverse() });
    expect(toHtml(reversed)).toBe(toHtml(inOrder));
    expect(toHtml(inOrder)).toContain('<article id="art-links"><p class="ragged">Vragen');
  });

  it('ends two lines of one paragraph, each where it ended', () => {
    const tree: Root = {
      type: 'root',
      children: [h('article', { id: articleAnchor('links') }, [h('p', 'een twee drie vier vijf zes zeven')])],
    };
    expect(setRagged(tree, { links: ['vier vijf', 'een twee'] })).toBe(2);
    expect(toHtml(tree)).toBe(
      '<article id="art-links"><p>een twee <br class="ragged-end">drie vier vijf <br class="ragged-end">zes zeven</p></article>',
    );
  });

  it('keeps every line found once', () => {
    const first = withStretched({}, [
      { article: 'links', text: 'a b' },
      { article: undefined, text: 'c d' },
    ]);
    expect(withStretched(first, [{ article: 'links', text: 'a b' }])).toEqual({ links: ['a b'] });
  });
});

describe('stretched lines kept for the next build', () => {
  const issue = (text: string) =>
    ({
      theme: undefined,
      articles: [
        { id: 'links', file: { value: text } },
        { id: 'elders', file: { value: 'Ongewijzigd.' } },
      ],
    }) as unknown as Issue;
  /** The page map a build of `text` kept, with `lines` found stretched in `tree`. */
  const lastBuild = (lines: StretchedTexts, tree: Root, text = 'Eerste.') => ({
    pageCount: 3,
    startPages: {},
    pageStarts: [],
    stretched: keepStretched(issue(text), lines, tree),
  });

  it('are taken up for an article whose text is unchanged, and dropped for one that changed', () => {
    const cached = lastBuild({ links: ['Vragen over de'], elders: ['Vragen over de'] }, printTree(), 'Eerste tekst.');
    expect(keptStretched(issue('Eerste tekst.'), cached)).toEqual({
      links: ['Vragen over de'],
      elders: ['Vragen over de'],
    });
    expect(keptStretched(issue('Tweede tekst.'), cached)).toEqual({ elders: ['Vragen over de'] });
    expect(keptStretched(issue('Eerste tekst.'), undefined)).toEqual({});
  });

  it('of an edited article, are kept for the paragraphs that did not change', () => {
    const tree = printTree();
    const lines = { links: ['Vragen over de', 'Een andere'] };
    const cached = lastBuild(lines, tree);
    expect(keptStretched(issue('Tweede.'), cached, printTree())).toEqual(lines);
    const edited = printTree();
    const other = (edited.children[0] as Element).children[1] as Element;
    other.children = [{ type: 'text', value: 'Een andere, langere alinea.' }];
    expect(keptStretched(issue('Tweede.'), cached, edited)).toEqual({ links: ['Vragen over de'] });
  });

  it('of an edited paragraph, are kept for the lines before the edit and the word after them', () => {
    const tree = (text: string, before?: Element) => ({
      type: 'root' as const,
      children: [h('article', { id: articleAnchor('links') }, [...(before ? [before] : []), h('p', text)])],
    });
    const kept = (text: string, edited: Root) =>
      keptStretched(issue('Tweede.'), lastBuild({ links: ['Eerste regel hier', 'daar en'] }, tree(text)), edited).links;
    const text = 'Eerste regel hier tweede regel daar en dan het slot van de alinea.';
    expect(kept(text, tree(text.replace('het slot', 'een ander slot')))).toEqual(['Eerste regel hier', 'daar en']);
    expect(kept(text, tree(text.replace('regel daar', 'rij daar')))).toEqual(['Eerste regel hier']);
    // The word after a line did not fit: a longer or shorter one might.
    expect(kept(text, tree(text.replace('tweede', 'tweeërlei')))).toBeUndefined();
    // Across a no-break space the word after the line goes on.
    const joined = text.replace('tweede regel', 'tweede\u00a0regel');
    expect(kept(joined, tree(joined.replace('regel daar', 'rij daar')))).toBeUndefined();
    // The element before the paragraph decides its first line's indent.
    expect(kept(text, tree(text, h('h2', 'Kop')))).toBeUndefined();
    expect(kept(text, tree(text.replace('Eerste', 'Een eerste')))).toBeUndefined();
  });

  it('of an edited paragraph, are dropped when anything a line breaker reads before the line end changed', () => {
    const paragraph = (...children: Parameters<typeof h>[1][]) => h('p', children as never);
    const tree = (p: Element, kind = 'kind-interview') => ({
      type: 'root' as const,
      children: [h('article', { id: articleAnchor('links'), className: ['article', kind] }, [p])],
    });
    const kept = (before: Root, after: Root) =>
      keptStretched(issue('Tweede.'), lastBuild({ links: ['Eerste regel hier'] }, before), after).links;
    const plain = tree(paragraph('Eerste regel hier volgt/meer tekst en nog wat.'));
    expect(kept(plain, tree(paragraph('Eerste regel hier volgt/meer tekst en nog iets.')))).toEqual([
      'Eerste regel hier',
    ]);
    // A break opportunity in the word after the line: part of it may fit now.
    expect(
      kept(plain, tree(paragraph('Eerste regel hier volgt/', h('wbr'), 'meer tekst en nog wat.'))),
    ).toBeUndefined();
    // A no-break space beside an ordinary one is a letter of its own width.
    expect(kept(plain, tree(paragraph('Eerste regel \u00a0hier volgt/meer tekst en nog wat.')))).toBeUndefined();
    // The article's kind may set its columns.
    expect(
      kept(plain, tree(paragraph('Eerste regel hier volgt/meer tekst en nog wat.'), 'kind-colophon')),
    ).toBeUndefined();
    // Nothing may start a line before ")" or "!": the word after the line runs on over the space.
    const bracket = tree(paragraph('Eerste regel hier (zie ) daar en nog wat.'));
    expect(kept(bracket, tree(paragraph('Eerste regel hier (zie ) ginds en nog wat.')))).toEqual(['Eerste regel hier']);
    const closing = tree(paragraph('Eerste regel hier nu ! daar en nog wat.'));
    expect(kept(closing, tree(paragraph('Eerste regel hier nu !! daar en nog wat.')))).toBeUndefined();
    // A photo in what the line breaker read: no key, its file is named after the keys are read.
    const photo = tree(paragraph('Eerste ', h('img', { src: 'a.jpg', alt: '' }), ' regel hier volgt en nog wat.'));
    expect(kept(photo, photo)).toBeUndefined();
  });

  it('of an edited paragraph, are kept by its markup, not by its text alone', () => {
    const tree = (strong: boolean) => ({
      type: 'root' as const,
      children: [
        h('article', { id: articleAnchor('links') }, [
          h('p', ['Eerste ', strong ? h('strong', 'regel') : 'regel', ' hier en nog meer tekst.']),
        ]),
      ],
    });
    const cached = lastBuild({ links: ['Eerste regel'] }, tree(false));
    expect(keptStretched(issue('Tweede.'), cached, tree(false))).toEqual({ links: ['Eerste regel'] });
    expect(keptStretched(issue('Tweede.'), cached, tree(true))).toEqual({});
  });

  it('take the keys of the last build for an article whose text and lines are unchanged', () => {
    const lines = { links: ['Vragen over de'] };
    const last = lastBuild(lines, printTree());
    const empty: Root = { type: 'root', children: [] };
    expect(keepStretched(issue('Eerste.'), lines, empty, last)).toEqual(last.stretched);
    expect(keepStretched(issue('Tweede.'), lines, empty, last).links?.lineKeys).toEqual(['']);
  });

  it('know a paragraph by its text as written, whatever lines a print ended in it', () => {
    const printed = printTree();
    setRagged(printed, { links: ['Vragen over de aan\u00advraag? Mail naar', 'servicecentrum@logius.nl of bel'] });
    const lines = { links: ['Vragen over de'] };
    const cached = lastBuild(lines, printed);
    expect(keptStretched(issue('Tweede.'), cached, printTree())).toEqual(lines);
  });

  it('know a line as the next print reads it: whether the paragraph was set ragged, or its links pointed across parts', () => {
    const printed = printTree();
    setRagged(printed, { links: ['servicecentrum@logius.nl of bel het ser\u00advi\u00ad-'] });
    const link = ((printed.children[0] as Element).children[0] as Element).children[1] as Element;
    link.properties.href = '#elders';
    expect(toHtml(printed)).toContain('<p class="ragged">');
    const lines = { links: ['Vragen over de aan\u00advraag? Mail naar'] };
    const cached = lastBuild(lines, printed);
    expect(keptStretched(issue('Tweede.'), cached, printTree())).toEqual(lines);
  });
});
