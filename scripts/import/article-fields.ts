/**
 * The article's front matter from the document: its title (the Title style, else the first
 * heading, else the document's properties, else the file's name), its intro (`lead`) and kicker
 * from their styles, the author from the properties, `kind: feature`. What became a field is
 * taken out of the body, so that it is not printed twice.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DocumentProperties } from './ooxml/properties.ts';
import { roleOf } from './roles.ts';

export interface ArticleFields {
  title: string;
  kind: 'feature';
  kicker?: string;
  lead?: string;
  authors?: string[];
}

/** Names Word and document generators put in the author field when nobody filled it in. */
const placeholderAuthors = new Set([
  'un-named',
  'unnamed',
  'unknown',
  'author',
  'microsoft office user',
  'windows user',
]);

export function takeArticleFields(tree: Root, properties: DocumentProperties, fallbackTitle: string): ArticleFields {
  const title = take(tree, (node) => roleOf(node) === 'titel').map(plain)[0] ?? takeFirstHeading(tree);
  const lead = take(tree, (node) => roleOf(node) === 'intro')
    .map(plain)
    .join(' ');
  const kicker = take(tree, (node) => roleOf(node) === 'bovenregel')
    .map(plain)
    .join(' ');
  const author = properties.creator;
  return {
    title: title || properties.title || fallbackTitle,
    kind: 'feature',
    ...(kicker ? { kicker } : {}),
    ...(lead ? { lead } : {}),
    ...(author && !placeholderAuthors.has(author.toLowerCase()) ? { authors: [author] } : {}),
  };
}

function takeFirstHeading(tree: Root): string | undefined {
  const index = tree.children.findIndex((node) => node.type === 'heading' && plain(node) !== '');
  if (index < 0) return undefined;
  const [heading] = tree.children.splice(index, 1);
  return plain(heading!);
}

/** Takes out of the body every top-level node that `matches`. */
function take(tree: Root, matches: (node: RootContent) => boolean): RootContent[] {
  const taken = tree.children.filter(matches);
  tree.children = tree.children.filter((node) => !taken.includes(node));
  return taken.filter((node) => plain(node as Paragraph) !== '');
}

const plain = (node: RootContent) => toString(node).replace(/\s+/g, ' ').trim();
