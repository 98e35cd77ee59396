/**
 * unknown-directive — a directive is one the renderer knows: `:::citaat`, `:::kader`,
 * `:::meer-info`, `:::figuur` and `:spreker[…]`. Anything else is rendered as a plain block
 * (or as its literal text), without the styling the editor meant. A bare `:woord` in running
 * text (`10:30`, `zei hij:nee`) is just a colon and is not reported.
 */
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { directives, isKnownDirective, type Directive } from '../../markdown/directives.ts';
import type { RuleModule } from '../types.ts';
import { closest } from '../util/articles.ts';
import { articleRule } from '../util/rule.ts';
import { sourceOf } from '../util/source.ts';

const id = 'unknown-directive';

const fence: Record<Directive['type'], string> = { containerDirective: ':::', leafDirective: '::', textDirective: ':' };

export const unknownDirective: RuleModule = {
  id,
  docs:
    'Directives are ones the renderer knows: `citaat`, `kader`, `meer-info`, `figuur` (`:::`) and `spreker` ' +
    '(`:`).',
  severity: 'error',
  examples: {
    bad: [
      {
        caption: 'Typos and names the renderer does not know.',
        markdown:
          ':::kadr[Titel]\n' +
          'Tekst.\n' +
          ':::\n' +
          '\n' +
          ':::quote\n' +
          'Tekst.\n' +
          ':::\n' +
          '\n' +
          ':sprekr[Yvonne] Ja.\n',
        messages: [
          { line: 1, message: 'Unexpected directive `:::kadr`, expected `:::kader`' },
          {
            line: 5,
            message:
              'Unexpected directive `:::quote`, expected one of `:::citaat`, `:::kader`, `:::meer-info`, ' +
              '`:::figuur`, `:spreker`',
          },
          { line: 9, message: 'Unexpected directive `:sprekr`, expected `:spreker`' },
        ],
      },
    ],
    good: [
      {
        caption: 'Known directives; a colon in running text is no directive.',
        markdown:
          ':::kader[Titel]\n' +
          'Tekst.\n' +
          ':::\n' +
          '\n' +
          ':::citaat{wie="Yvonne"}\n' +
          'Tekst.\n' +
          ':::\n' +
          '\n' +
          ':spreker[Yvonne] Ja, om 10:30 uur.\n',
      },
    ],
  },
  plugin: articleRule(id, (tree, file) => {
    visit(tree, (node: Nodes) => {
      if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return;
      if (isKnownDirective(node.type, node.name)) return;
      // The parser reads `10:30` as a text directive `:30`; only `:naam[…]` or `:naam{…}` was meant as one.
      if (node.type === 'textDirective' && !/^:[^\s[{]*[[{]/.test(sourceOf(file, node)?.text ?? '')) return;
      const known = directives.map((directive) => `${fence[directive.type]}${directive.name}`);
      const suggestion = closest(`${fence[node.type]}${node.name}`, known);
      file.message(
        `Unexpected directive \`${fence[node.type]}${node.name}\`, expected ` +
          `${suggestion ? `\`${suggestion}\`` : `one of ${known.map((name) => `\`${name}\``).join(', ')}`}`,
        node,
      );
    });
  }),
};
