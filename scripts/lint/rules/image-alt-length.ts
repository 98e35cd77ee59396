/**
 * image-alt-length — alt text is read in one go and cannot be paused or skimmed; past about
 * 250 characters, say the rest in the caption or the text.
 */
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { RuleModule } from '../types.ts';
import { articleRule } from '../util/rule.ts';

const id = 'image-alt-length';
export const MAX_ALT_LENGTH = 250;

export const imageAltLength: RuleModule = {
  id,
  docs: `Alt text is at most about ${MAX_ALT_LENGTH} characters; longer descriptions go in the caption.`,
  severity: 'warning',
  examples: {
    bad: [
      {
        caption: 'Every detail in the alt text, which a screen reader reads in one breath.',
        markdown:
          '![Erik Pool zit aan een lange vergadertafel in een zaal met hoge ramen. Voor hem liggen een ' +
          'notitieblok, een pen en een kop koffie. Achter hem hangt een groot scherm met een grafiek over het ' +
          'aantal meldingen per jaar. Links en rechts van hem zitten collega’s die aantekeningen maken en naar ' +
          'het scherm kijken.](erik-pool.jpg)\n',
        issue: { images: ['erik-pool.jpg'] },
        messages: [
          {
            line: 1,
            message: 'Unexpected alt text of 307 characters, expected at most 250: move details to the caption',
          },
        ],
      },
    ],
    good: [
      {
        caption: 'The photo in a sentence; the details in the caption, where every reader finds them.',
        markdown:
          ':::figuur\n' +
          '![Erik Pool aan een vergadertafel, achter hem een scherm met een grafiek](erik-pool.jpg)\n' +
          '\n' +
          'Erik Pool bij de presentatie van de cijfers: het aantal meldingen per jaar.\n' +
          ':::\n',
        issue: { images: ['erik-pool.jpg'] },
      },
    ],
  },
  plugin: articleRule(id, (tree, file) => {
    visit(tree, (node: Nodes) => {
      if (node.type !== 'image' && node.type !== 'imageReference') return;
      const length = [...(node.alt ?? '').trim()].length;
      if (length > MAX_ALT_LENGTH) {
        file.message(
          `Unexpected alt text of ${length} characters, expected ` +
            `at most ${MAX_ALT_LENGTH}: move details to the caption`,
          node,
        );
      }
    });
  }),
};
