/**
 * What the build repairs in its output rather than write an edition its referee would reject
 * (EPUBCheck RSC-012, the PDF/UA preflight's skipped heading level). Each repair is a warning
 * at the manuscript's line; the linter still reports the same places as errors, for CI.
 *
 * - A link to an anchor that does not exist (in this article or the article it names) becomes
 *   its plain text.
 * - Heading levels that skip are closed up: `##` then `####` is set as h2 then h3. A `#` in the
 *   body (a second h1) is set as h2: the title is the page's only h1.
 *
 * Both are decided on the parsed tree, which is left as it is (the linter reads it too).
 */
import path from 'node:path';
import type { Heading, Link, LinkReference, Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Article } from '../issue/load.ts';
import { boxTitle } from '../markdown/boxes.ts';
import { headingIds } from '../markdown/heading-ids.ts';
import { classify, decode, definitionsOf, normalizeIdentifier } from '../lint/util/links.ts';

export interface Repairs {
  /** Links (and reference links) to write as their text. */
  unlinked: Set<Link | LinkReference>;
  /** The level each heading is set at, where it differs from the manuscript's. */
  depths: Map<Heading, number>;
}

const idsOfTree = new WeakMap<Root, Set<string>>();

function idsOf(tree: Root): Set<string> {
  let ids = idsOfTree.get(tree);
  if (!ids) {
    ids = new Set(headingIds(tree).values());
    idsOfTree.set(tree, ids);
  }
  return ids;
}

export function repairsFor(article: Article, articles: readonly Article[]): Repairs {
  return { unlinked: brokenAnchors(article, articles), depths: closedUpHeadings(article.tree, article.file) };
}

function brokenAnchors(article: Article, articles: readonly Article[]): Set<Link | LinkReference> {
  const unlinked = new Set<Link | LinkReference>();
  let definitions: ReturnType<typeof definitionsOf> | undefined;
  visit(article.tree, (node: Nodes) => {
    if (node.type !== 'link' && node.type !== 'linkReference') return;
    const url = node.type === 'link' ? node.url : (definitions ??= definitionsOf(article.tree)).get(normalizeIdentifier(node.identifier))?.url;
    if (url === undefined) return;
    const target = classify(url);
    if (target.kind !== 'local' || !target.fragment) return;
    const page = target.path === '' ? article : articleNamed(articles, article, target.path);
    if (!page) return;
    const fragment = decode(target.fragment);
    if (idsOf(page.tree).has(fragment)) return;
    unlinked.add(node);
    const where = page === article ? 'this article' : `\`${page.name}\``;
    warn(article.file, `Link to missing anchor \`#${fragment}\` in ${where} printed as plain text; link to a heading that exists`, node, 'anchor-exists');
  });
  return unlinked;
}

/** As the linter reads a link between articles: relative to the article, by file or page name. */
function articleNamed(articles: readonly Article[], from: Article, linkPath: string): Article | undefined {
  const name = path.posix.normalize(path.posix.join(path.posix.dirname(from.name), decode(linkPath)));
  return articles.find((each) => each.name === name || `${each.id}.html` === name);
}

function closedUpHeadings(tree: Root, file: VFile): Map<Heading, number> {
  const depths = new Map<Heading, number>();
  let previous = 1;
  visit(tree, (node: Nodes) => {
    // A box title is an h2 on the page, as the linter counts it.
    if (node.type === 'containerDirective' && boxTitle(node) !== undefined) {
      previous = 2;
      return;
    }
    if (node.type !== 'heading') return;
    const depth = Math.max(2, Math.min(node.depth, previous + 1));
    if (depth !== node.depth) {
      depths.set(node, depth);
      const why = node.depth === 1 ? 'the title is the only h1' : `heading levels do not skip after an h${previous}`;
      warn(file, `\`${'#'.repeat(node.depth)}\` heading set as h${depth}: ${why}`, node, 'heading-increment');
    }
    previous = depth;
  });
  return depths;
}

function warn(file: VFile, reason: string, node: Nodes, ruleId: string): void {
  file.message(reason, { place: node.position, ruleId, source: 'persklaar' });
}
