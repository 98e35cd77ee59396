/**
 * alert-kind — a quote that starts like a GitHub alert (`> [!…]`) names one of the five kinds.
 * Another word is not an alert on GitHub nor here: the quote prints with the marker in it.
 */
import type { Blockquote } from 'mdast';
import { visit } from 'unist-util-visit';
import { ALERT_KINDS } from '../../markdown/alerts.ts';
import type { RuleModule } from '../types.ts';
import { articleRule } from '../util/rule.ts';

const id = 'alert-kind';
const LOOKS_LIKE_ALERT = /^\[!([^\]\s]*)\]/;
const expected = ALERT_KINDS.map((kind) => `\`[!${kind.toUpperCase()}]\``).join(', ');

export const alertKind: RuleModule = {
  id,
  docs: 'A quote marked as an alert (`> [!NOTE]`) names one of the five kinds GitHub knows.',
  severity: 'warning',
  examples: {
    bad: [
      {
        caption: 'A Dutch word for the kind.',
        markdown: '> [!LETOP]\n> Niet vergeten.\n',
        messages: [
          {
            line: 1,
            message:
              'Unexpected alert kind `[!LETOP]`, expected `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or ' +
              '`[!CAUTION]` (the box is labelled in Dutch)',
          },
        ],
      },
    ],
    good: [{ caption: 'A warning.', markdown: '> [!WARNING]\n> Niet vergeten.\n' }],
  },
  plugin: articleRule(id, (tree, file) => {
    visit(tree, 'blockquote', (node: Blockquote) => {
      if (node.data?.alert) return;
      const first = node.children[0];
      const text = first?.type === 'paragraph' ? first.children[0] : undefined;
      const marker = text?.type === 'text' ? LOOKS_LIKE_ALERT.exec(text.value) : null;
      if (!marker) return;
      const list = expected.replace(/, (?=[^,]*$)/, ' or ');
      file.message(`Unexpected alert kind \`${marker[0]}\`, expected ${list} (the box is labelled in Dutch)`, node);
    });
  }),
};
