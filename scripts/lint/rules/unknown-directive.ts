/**
 * unknown-directive — a directive is one the renderer knows: `:::citaat`, `:::kader`,
 * `:::meer-info`, `:::figuur` and `:spreker[…]`. Anything else is rendered as a plain block
 * (or as its literal text), without the styling the editor meant. A bare `:woord` in running
 * text (`10:30`, `zei hij:nee`) is just a colon and is not reported.
 *
 * Bad:  `:::kadr[Titel]`, `:::quote`, `:sprekr[Yvonne]`
 * Good: `:::kader[Titel]`, `:::citaat{wie="…"}`, `:spreker[Yvonne]`
 */
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { components, componentFor } from '../../render/components/index.ts';
import type { Directive } from '../../render/components/types.ts';
import type { RuleModule } from '../types.ts';
import { closest } from '../util/articles.ts';
import { articleRule } from '../util/rule.ts';
import { sourceOf } from '../util/source.ts';

const id = 'unknown-directive';

const fence: Record<Directive['type'], string> = { containerDirective: ':::', leafDirective: '::', textDirective: ':' };

export const unknownDirective: RuleModule = {
  id,
  docs: 'Directives are ones the renderer knows: citaat, kader, meer-info, figuur (:::) and spreker (:).',
  severity: 'error',
  plugin: articleRule(id, (tree, file) => {
    visit(tree, (node: Nodes) => {
      if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return;
      if (componentFor(node.type, node.name)) return;
      // The parser reads `10:30` as a text directive `:30`; only `:naam[…]` or `:naam{…}` was meant as one.
      if (node.type === 'textDirective' && !/^:[^\s[{]*[[{]/.test(sourceOf(file, node)?.text ?? '')) return;
      const known = [...components.values()].map((component) => `${fence[component.type]}${component.name}`);
      const suggestion = closest(`${fence[node.type]}${node.name}`, known);
      file.message(
        `Unexpected directive \`${fence[node.type]}${node.name}\`, expected ${suggestion ? `\`${suggestion}\`` : `one of ${known.map((name) => `\`${name}\``).join(', ')}`}`,
        node,
      );
    });
  }),
};
