/**
 * anchor-exists — a `#fragment` names a heading that exists, in the same article or in the
 * article linked to, with the id the renderer writes (github-slugger: lower case, spaces to
 * hyphens, punctuation dropped, diacritics kept; box titles count as headings).
 */
import type { RuleModule } from '../types.ts';
import { closest, linkedPage } from '../util/articles.ts';
import { classify, decode, linkDestinations } from '../../markdown/links.ts';
import { articleRule } from '../util/rule.ts';

const id = 'anchor-exists';

export const anchorExists: RuleModule = {
  id,
  docs:
    'A `#fragment` names a heading (or box title) of the same article or of the linked article, with the id the ' +
    'renderer writes (`gesprek.md#één-vraag-over-privé`).',
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
    ],
  },
  plugin: articleRule(id, (tree, file, { article, context }) => {
    for (const { node, url } of linkDestinations(tree)) {
      const target = classify(url);
      // `#` alone is a placeholder (no-placeholder-link); `x.md#` means the article itself.
      if (target.kind !== 'local' || !target.fragment) continue;
      const page =
        target.path === '' ? ({ kind: 'article', article } as const) : linkedPage(context, article, target.path);
      if (page.kind !== 'article') continue;
      const ids = context.ids.get(page.article.name) ?? new Set<string>();
      const fragment = decode(target.fragment);
      if (ids.has(fragment)) continue;
      const where = page.article === article ? 'this article' : `\`${page.article.name}\``;
      const suggestion = closest(fragment, ids);
      const expected = suggestion
        ? `expected \`#${suggestion}\``
        : ids.size > 0
          ? `expected one of ${[...ids]
              .slice(0, 5)
              .map((each) => `\`#${each}\``)
              .join(', ')}${ids.size > 5 ? ', …' : ''}`
          : `expected a heading there, but ${where} has none`;
      file.message(`Unexpected link to missing anchor \`#${fragment}\` in ${where}, ${expected}`, node);
    }
  }),
};
