/**
 * anchor-near-miss — a `#fragment` that misses its anchor only by what slugging changes (a double
 * hyphen, a capital, an accent) and fits exactly one anchor: the editions link there, and the
 * build says so with the same warning.
 */
import type { RuleModule } from '../types.ts';
import { articleRule } from '../util/rule.ts';
import { fragmentLinks, nearMissMessage } from '../util/fragment-links.ts';

const id = 'anchor-near-miss';

export const anchorNearMiss: RuleModule = {
  id,
  docs:
    'A `#fragment` that differs from one anchor only in case, accents or hyphens links there; write the ' +
    'anchor as the renderer spells it.',
  severity: 'warning',
  examples: {
    bad: [
      {
        caption: 'The heading `## Melding — transactie` has the id `melding--transactie`.',
        markdown: '## Melding — transactie\n\nZie [de melding](#melding-transactie).\n',
        messages: [
          {
            line: 3,
            message: 'Unexpected anchor `#melding-transactie`, expected `#melding--transactie` (linked there)',
          },
        ],
      },
    ],
    good: [
      {
        caption: 'The anchor as the renderer spells it.',
        markdown: '## Melding — transactie\n\nZie [de melding](#melding--transactie).\n',
      },
    ],
  },
  plugin: articleRule(id, (tree, file, { article, context }) => {
    for (const link of fragmentLinks(tree, article, context)) {
      if (link.target?.near) file.message(nearMissMessage(link.fragment, link.target, article.name), link.place);
    }
  }),
};
