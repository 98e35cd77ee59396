/** The `#fragment` links of an article with where each leads, for the anchor rules. */
import type { Definition, Link, Root } from 'mdast';
import type { Article } from '../../issue/load.ts';
import { type AnchorTarget, resolveAnchor } from '../../markdown/anchor-target.ts';
import type { LintContext } from '../types.ts';
import { linkedPage } from './articles.ts';
import { classify, decode, linkDestinations } from './links.ts';

export { nearMissMessage } from '../../markdown/anchor-target.ts';

export interface FragmentLink {
  node: Link | Definition;
  fragment: string;
  /** The article the anchor was looked for in first: the one named, or this one. */
  page: Article;
  target: AnchorTarget | undefined;
}

const linksOfTree = new WeakMap<Root, FragmentLink[]>();

/** Read once per tree: two rules ask. */
export function fragmentLinks(tree: Root, article: Article, context: LintContext): FragmentLink[] {
  let links = linksOfTree.get(tree);
  if (!links) {
    links = readFragmentLinks(tree, article, context);
    linksOfTree.set(tree, links);
  }
  return links;
}

function readFragmentLinks(tree: Root, article: Article, context: LintContext): FragmentLink[] {
  const links: FragmentLink[] = [];
  for (const { node, url } of linkDestinations(tree)) {
    const target = classify(url);
    // `#` alone is a placeholder (no-placeholder-link); `x.md#` means the article itself.
    if (target.kind !== 'local' || !target.fragment) continue;
    const named = target.path === '' ? undefined : linkedPage(context, article, target.path);
    if (named && named.kind !== 'article') continue;
    const page = named?.article;
    const fragment = decode(target.fragment);
    const resolved = resolveAnchor(context.issue.articles, article, page, fragment);
    links.push({ node, fragment, page: page ?? article, target: resolved });
  }
  return links;
}
