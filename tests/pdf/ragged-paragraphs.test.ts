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
import { setRagged, withStretched } from '../../scripts/pdf/ragged-paragraphs.ts';

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
      '<a href="https://logius.nl/oin-stelsel">https://<br class="ragged-end">logius.nl</a>',
    );
    expect(setRagged(tree, { links: ['Zie https://'] })).toBe(0);
  });

  it('changes nothing for a line it cannot find, or one of another article', () => {
    const tree = printTree();
    const before = toHtml(tree);
    expect(setRagged(tree, { links: ['Deze regel staat nergens'], onbekend: ['Vragen over de'] })).toBe(0);
    expect(toHtml(tree)).toBe(before);
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

  it('are taken up for an article whose text is unchanged, and dropped for one that changed', () => {
    const kept = keepStretched(
      issue('Eerste tekst.'),
      { links: ['Vragen over de'], elders: ['Vragen over de'] },
      printTree(),
    );
    const cached = { pageCount: 3, startPages: {}, pageStarts: [], stretched: kept };
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
    const cached = {
      pageCount: 3,
      startPages: {},
      pageStarts: [],
      stretched: keepStretched(issue('Eerste.'), lines, tree),
    };
    expect(keptStretched(issue('Tweede.'), cached, printTree())).toEqual(lines);
    const edited = printTree();
    const other = (edited.children[0] as Element).children[1] as Element;
    other.children = [{ type: 'text', value: 'Een andere, langere alinea.' }];
    expect(keptStretched(issue('Tweede.'), cached, edited)).toEqual({ links: ['Vragen over de'] });
  });

  it('know a paragraph by its text as written, whatever lines a print ended in it', () => {
    const printed = printTree();
    setRagged(printed, { links: ['Vragen over de aan\u00advraag? Mail naar', 'servicecentrum@logius.nl of bel'] });
    const lines = { links: ['Vragen over de'] };
    const cached = {
      pageCount: 3,
      startPages: {},
      pageStarts: [],
      stretched: keepStretched(issue('Eerste.'), lines, printed),
    };
    expect(keptStretched(issue('Tweede.'), cached, printTree())).toEqual(lines);
  });
});
