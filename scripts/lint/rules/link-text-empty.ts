/**
 * link-text-empty — a link has text (or an image with alt text): an empty link is announced
 * by a screen reader as just "link", and is invisible on paper.
 */
import { toString } from 'mdast-util-to-string';
import type { RuleModule } from '../types.ts';
import { linksWithText } from '../../markdown/links.ts';
import { articleRule } from '../util/rule.ts';

const id = 'link-text-empty';

export const linkTextEmpty: RuleModule = {
  id,
  docs: 'A link has text a reader can see or hear.',
  severity: 'error',
  examples: {
    bad: [
      {
        caption: 'A link with no text, and one around an image without alt text.',
        markdown: '[](https://ind.nl)\n' + '\n' + '[![](logo.png)](https://ind.nl)\n',
        issue: { images: ['logo.png'] },
        messages: [
          { line: 1, message: 'Unexpected link without text, expected words that name where the link goes' },
          { line: 3, message: 'Unexpected link without text, expected words that name where the link goes' },
        ],
      },
    ],
    good: [
      {
        caption: 'Words, or an image whose alt text names the destination.',
        markdown:
          '[Website van de IND](https://ind.nl)\n' + '\n' + '[![Website van de IND](logo.png)](https://ind.nl)\n',
        issue: { images: ['logo.png'] },
      },
    ],
  },
  plugin: articleRule(id, (tree, file) => {
    for (const link of linksWithText(tree)) {
      if (toString(link).trim() !== '') continue;
      file.message('Unexpected link without text, expected words that name where the link goes', link);
    }
  }),
};
