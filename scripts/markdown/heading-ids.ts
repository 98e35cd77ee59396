/**
 * Anchor ids for an article's headings, made once and shared: the renderer writes them as
 * `id` attributes and the linter checks `#fragment` links against the same set. Box titles
 * (a `kader` label, a `meer-info` title) are headings on the page, so they get ids too.
 */
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Node } from 'unist';
import type { Root } from 'mdast';
import { boxTitle } from './boxes.ts';

export function headingIds(tree: Root): Map<Node, string> {
  const slugger = new GithubSlugger();
  const ids = new Map<Node, string>();
  visit(tree, (node) => {
    if (node.type === 'heading') ids.set(node, slugger.slug(toString(node)));
    if (node.type === 'containerDirective') {
      const title = boxTitle(node);
      if (title !== undefined) ids.set(node, slugger.slug(title));
    }
  });
  return ids;
}
