/**
 * reference-defined — a reference link (`[tekst][label]`, `[label][]`) or footnote (`[^1]`)
 * has its definition. Markdown prints an undefined reference as the literal brackets, so the
 * parser never makes it a link: the rule reads the source of the text around it instead.
 * A lone `[tekst]` is not reported: editors use square brackets in quotes (“[de minister]”).
 */
import type { Heading, Nodes, Paragraph, TableCell, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { RuleModule } from '../types.ts';
import { definitionsOf, normalizeIdentifier } from '../../markdown/links.ts';
import { articleRule } from '../util/rule.ts';
import { pointAt } from '../util/source.ts';

const id = 'reference-defined';

const label = String.raw`((?:[^\[\]\\\n]|\\.)+)`;
const fullOrCollapsed = new RegExp(String.raw`(?<!\\)(!?)\[${label}\]\[((?:[^\[\]\\\n]|\\.)*)\]`, 'g');
const footnote = /(?<!\\)\[\^([^[\]\s]+)\](?!\[)/g;

export const referenceDefined: RuleModule = {
  id,
  docs: 'Every reference link (`[tekst][label]`, `[label][]`), reference image and footnote has a definition.',
  severity: 'error',
  examples: {
    bad: [
      {
        caption: 'A reference link and a footnote without a definition.',
        markdown: 'Lees [het rapport][rapport].\n' + '\n' + 'Het aantal verdubbelde.[^1]\n',
        messages: [
          {
            line: 1,
            message: 'Unexpected undefined reference `[rapport]`, expected a definition `[rapport]: …` for this link',
          },
          { line: 3, message: 'Unexpected undefined footnote `[^1]`, expected a definition `[^1]: …`' },
        ],
      },
    ],
    good: [
      {
        caption: 'Their definitions, anywhere in the article.',
        markdown:
          'Lees [het rapport][rapport].\n' +
          '\n' +
          'Het aantal verdubbelde.[^1]\n' +
          '\n' +
          '[rapport]: https://www.rijksoverheid.nl/rapport\n' +
          '\n' +
          '[^1]: Jaarverslag 2022.\n',
      },
    ],
  },
  plugin: articleRule(id, (tree, file) => {
    const definitions = definitionsOf(tree);
    const footnotes = new Set<string>();
    visit(tree, 'footnoteDefinition', (node) => {
      footnotes.add(normalizeIdentifier(node.identifier));
    });
    visit(tree, (node: Nodes) => {
      if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return;
      const masked = textOnly(file, node);
      if (!masked) return;
      for (const match of masked.text.matchAll(fullOrCollapsed)) {
        const name = match[3] || match[2]!;
        if (definitions.has(normalizeIdentifier(name))) continue;
        const kind = match[1] ? 'image' : 'link';
        file.message(
          `Unexpected undefined reference \`[${name}]\`, expected a definition \`[${name}]: …\` for this ${kind}`,
          pointAt(file, masked.offset + match.index),
        );
      }
      for (const match of masked.text.matchAll(footnote)) {
        if (footnotes.has(normalizeIdentifier(match[1]!))) continue;
        file.message(
          `Unexpected undefined footnote \`[^${match[1]}]\`, expected a definition \`[^${match[1]}]: …\``,
          pointAt(file, masked.offset + match.index),
        );
      }
      return 'skip';
    });
  }),
};

/**
 * The node's source with everything but its plain text blanked out (same length, so offsets
 * hold): code spans, HTML, links, images and directives cannot hide a bracket pattern.
 */
function textOnly(file: VFile, node: Paragraph | Heading | TableCell): { text: string; offset: number } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const source = String(file.value);
  const chars = Array.from({ length: end - start }, () => ' ');
  visit(node, (child: Nodes) => {
    // Text inside links and directives is theirs; a link's own brackets are not a reference.
    if (child.type === 'link' || child.type === 'linkReference' || child.type === 'textDirective') return 'skip';
    if (child.type !== 'text') return;
    const from = (child as Text).position?.start.offset;
    const to = (child as Text).position?.end.offset;
    if (from === undefined || to === undefined) return;
    for (let index = from; index < to; index++) chars[index - start] = source[index]!;
  });
  return { text: chars.join(''), offset: start };
}
