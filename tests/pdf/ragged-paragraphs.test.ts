/**
 * A stretched line, as the PDF spells it (soft hyphens, the hyphen shown at its end), finds
 * its paragraph in the print document, in its own article only; a paragraph already ragged
 * is not counted again, so the print loop stops.
 */
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { articleAnchor } from '../../scripts/pdf/document.ts';
import { RAGGED_CLASS, setRagged, withStretched } from '../../scripts/pdf/ragged-paragraphs.ts';

function printTree(): Root {
  const paragraph = 'Vragen over de aan\u00advraag? Mail naar servicecentrum@logius.nl of bel.';
  return {
    type: 'root',
    children: [
      h('article', { id: articleAnchor('links') }, [h('p', paragraph), h('p', 'Een andere alinea.')]),
      h('article', { id: articleAnchor('elders') }, [h('p', paragraph)]),
    ],
  };
}

/** The text of every ragged paragraph, by the id of its article. */
function raggedTexts(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, 'element', (article) => {
    if (article.tagName !== 'article') return;
    visit(article, 'element', (node) => {
      if ((node.properties.className as string[] | undefined)?.includes(RAGGED_CLASS))
        found.push(`${article.properties.id}: ${toString(node)}`);
    });
  });
  return found;
}

describe('ragged paragraphs', () => {
  it('sets ragged the paragraph of its article that holds the line, once', () => {
    const tree = printTree();
    const lines = withStretched({}, [{ article: 'links', text: 'Vragen over de aan\u00ad-' }]);
    expect(setRagged(tree, lines)).toBe(1);
    expect(raggedTexts(tree)).toEqual([
      `${articleAnchor('links')}: Vragen over de aan\u00advraag? Mail naar servicecentrum@logius.nl of bel.`,
    ]);
    expect(setRagged(tree, lines)).toBe(0);
  });

  it('changes nothing for a line it cannot find, or one of another article', () => {
    const tree = printTree();
    expect(setRagged(tree, { links: ['Deze regel staat nergens'], onbekend: ['Vragen over de'] })).toBe(0);
    expect(raggedTexts(tree)).toEqual([]);
  });

  it('keeps every line found once', () => {
    const first = withStretched({}, [
      { article: 'links', text: 'a b' },
      { article: undefined, text: 'c d' },
    ]);
    expect(withStretched(first, [{ article: 'links', text: 'a b' }])).toEqual({ links: ['a b'] });
  });
});
