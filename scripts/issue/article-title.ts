/**
 * An article's title block from ordinary Markdown: without front matter (or without `title` in
 * it) the first `#` heading is the title. That heading is taken out of the body, so the title is
 * not printed twice; the parsed tree itself is left as it is (it may be the parse cache's).
 */
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { respecTerms } from '../markdown/respec-terms.ts';

export interface TitleFromBody {
  title: string;
  tree: Root;
}

/** The first level-1 heading before any other heading, as the title, and the tree without it. */
export function titleFromHeading(tree: Root): TitleFromBody | undefined {
  const index = tree.children.findIndex((node) => node.type === 'heading');
  const heading = tree.children[index] as Heading | undefined;
  if (heading?.depth !== 1) return undefined;
  const title = respecTerms(toString(heading)).replace(/\s+/g, ' ').trim();
  if (title === '') return undefined;
  return { title, tree: { ...tree, children: tree.children.filter((_, each) => each !== index) } };
}

/** The last resort for a text with no heading at all: its file name, said in a warning. */
export function titleFromFileName(file: VFile, name: string): string {
  const title = name
    .replace(/\.md$/, '')
    .replace(/[_\s]+/g, ' ')
    .trim();
  const text = title.charAt(0).toUpperCase() + title.slice(1);
  file.message(
    `Missing title: no front matter \`title\` and no \`#\` heading at the top; the file name \`${text}\` is used`,
    {
      place: { line: 1, column: 1 },
      ruleId: 'article-title',
      source: 'persklaar',
    },
  );
  return text;
}
