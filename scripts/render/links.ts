/**
 * Links between articles are written as editors see the files: `gesprek.md#de-eerste-vraag`.
 * Each edition lives in its own file layout (web: `gesprek.html`, print: one document,
 * EPUB: chapter files), so each rewrites these links — and, where articles share one
 * document, the ids — at its edge with one resolver.
 */
import { SKIP, visit } from 'unist-util-visit';
import type { Root } from 'hast';
import { slug } from '../issue/article-id.ts';
import { decode } from '../markdown/links.ts';

/** Resolves an in-issue link: `article` is the target's id (undefined: this article). */
export type LinkResolver = (target: { article: string | undefined; fragment: string | undefined }) => string;

const localLink = /^(?:\.\/)?([^/#?]+)\.md(?:#(.*))?$|^#(.+)$/;

export function rewriteIssueLinks(tree: Root, articleIds: ReadonlySet<string>, resolve: LinkResolver): void {
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
    const match = localLink.exec(node.properties.href);
    if (!match) return;
    const [, written, fileFragment, ownFragment] = match;
    // A file name with spaces or brackets (`ch06_Data%20Architectuur.md`) has a slug for its id.
    const name = written === undefined ? undefined : decodeFragment(written);
    const file = name === undefined || articleIds.has(name) ? name : slug(name);
    if (file !== undefined && !articleIds.has(file)) return;
    node.properties.href = resolve({ article: file, fragment: decodeFragment(fileFragment ?? ownFragment) });
  });
}

/** Prefixes every id in an article, for editions that put all articles in one document. */
export function prefixIds(tree: Root, prefix: string): void {
  visit(tree, 'element', (node) => {
    // A drawing's ids are unique already (`components/diagram.ts`) and are referred to by `url(#…)`.
    if (node.tagName === 'svg') return SKIP;
    if (typeof node.properties.id === 'string') node.properties.id = `${prefix}${node.properties.id}`;
    for (const key of ['ariaLabelledBy', 'ariaDescribedBy'] as const) {
      const ids = node.properties[key] as string | string[] | undefined;
      if (ids !== undefined) node.properties[key] = [ids].flat().map((id) => `${prefix}${id}`);
    }
  });
}

function decodeFragment(fragment: string | undefined): string | undefined {
  return fragment === undefined || fragment === '' ? undefined : decode(fragment);
}
