/**
 * anchor-exists — a `#fragment` names an anchor that exists somewhere the link may lead: a
 * heading (with the id the renderer writes: github-slugger, lower case, spaces to hyphens,
 * punctuation dropped, diacritics kept; box titles count as headings), an `id` on raw HTML or a
 * `name` on a raw `<a>`, in the same article or the article linked to. A fragment alone may
 * also name an anchor in another article of the issue (`markdown/anchor-target.ts`). The build
 * sets exactly these links as their text.
 */
import type { RuleModule } from '../types.ts';
import { closest } from '../util/articles.ts';
import { anchorIds } from '../../markdown/anchors.ts';
import { articleRule } from '../util/rule.ts';
import { fragmentLinks } from '../util/fragment-links.ts';

const id = 'anchor-exists';

export const anchorExists: RuleModule = {
  id,
  docs:
    'A `#fragment` names a heading (or box title, raw HTML `id` or `<a name>`) of the same article, of the ' +
    'linked article, or (a fragment alone) of another article of the issue (`gesprek.md#één-vraag-over-privé`).',
  severity: 'error',
  examples: {
    bad: [
      {
        caption: 'The heading in `gesprek.md` is `## De eerste vraag`; its id is `de-eerste-vraag`.',
        markdown: '[de eerste vraag](gesprek.md#eerste-vraag)\n',
        issue: { articles: { 'gesprek.md': '## De eerste vraag\n\nTekst.\n' } },
        messages: [
          {
            line: 1,
            message: 'Unexpected link to missing anchor `#eerste-vraag` in `gesprek.md`, expected `#de-eerste-vraag`',
          },
        ],
      },
    ],
    good: [
      {
        caption: 'Ids as the renderer writes them: lower case, hyphens, diacritics kept.',
        markdown:
          '## Één vraag over privé\n' +
          '\n' +
          'Zie [de eerste vraag](gesprek.md#de-eerste-vraag) en [privé](#één-vraag-over-privé).\n',
        issue: { articles: { 'gesprek.md': '## De eerste vraag\n\nTekst.\n' } },
      },
      {
        caption: 'A footnote made by hand, a fragment alone naming a heading of the next article.',
        markdown: 'Zie noot <sup>[1](#f1)</sup> en [de vraag](#de-eerste-vraag).\n\n<a name="f1">1</a> Bron.\n',
        issue: { articles: { 'gesprek.md': '## De eerste vraag\n\nTekst.\n' } },
      },
    ],
  },
  plugin: articleRule(id, (tree, file, { article, context }) => {
    for (const link of fragmentLinks(tree, article, context)) {
      if (link.target) continue;
      const { page, fragment, place } = link;
      const ids = anchorIds(page.tree);
      const where = page === article ? 'this article' : `\`${page.name}\``;
      const suggestion = closest(fragment, ids);
      const expected = suggestion
        ? `expected \`#${suggestion}\``
        : ids.size > 0
          ? `expected one of ${[...ids]
              .slice(0, 5)
              .map((each) => `\`#${each}\``)
              .join(', ')}${ids.size > 5 ? ', …' : ''}`
          : `expected a heading there, but ${where} has none`;
      file.message(`Unexpected link to missing anchor \`#${fragment}\` in ${where}, ${expected}`, place);
    }
  }),
};
