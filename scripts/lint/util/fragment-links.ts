/** The `#fragment` links of an article with where each leads, for the anchor rules. */
import type { Root } from 'mdast';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import { rawHtmlLinks } from '../../markdown/raw-html.ts';
import type { Article } from '../../issue/load.ts';
import { type AnchorTarget, resolveAnchor } from '../../markdown/anchor-target.ts';
import type { LintContext } from '../types.ts';
import { linkedPage } from './articles.ts';
import { classify, decode, linkDestinations } from '../../markdown/links.ts';

export { nearMissMessage } from '../../markdown/anchor-target.ts';

export interface FragmentLink {
  /** Where to report: the link, the definition a reference link uses, or an `<a href>` in raw HTML. */
  place: Position | undefined;
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
  const rawLinks: { node: Position | undefined; url: string }[] = [];
  visit(tree, 'html', (html) => {
    for (const link of rawHtmlLinks(html, article.file)) rawLinks.push({ node: link.position, url: link.href });
  });
  const destinations = linkDestinations(tree).map(({ node, url }) => ({ node: node.position, url }));
  for (const { node, url } of [...destinations, ...rawLinks]) {
    const target = classify(url);
    // `#` alone is a placeholder (no-placeholder-link); `x.md#` means the article itself.
    if (target.kind !== 'local' || !target.fragment) continue;
    const named = target.path === '' ? undefined : linkedPage(context, article, target.path);
    if (named && named.kind !== 'article') continue;
    const page = named?.article;
    const fragment = decode(target.fragment);
    const resolved = resolveAnchor(context.issue.articles, article, page, fragment);
    links.push({ place: node, fragment, page: page ?? article, target: resolved });
  }
  return links;
}
