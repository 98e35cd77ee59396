/**
 * What the build repairs in its output rather than write an edition its referee would reject
 * (EPUBCheck RSC-012, the PDF/UA preflight's skipped heading level). Each repair is a warning
 * at the manuscript's line; the linter still reports the same places as errors, for CI.
 *
 * - A link to an anchor that exists nowhere it may lead (`markdown/anchor-target.ts`) becomes
 *   its plain text; one that names an anchor of another article, or misses one only by its
 *   spelling, is pointed there (the near miss with a warning).
 * - A link without text (`[](https://…)`) shows its address: a link must have a name (WCAG 2.4.4).
 * - Heading levels that skip are closed up: `##` then `####` is set as h2 then h3. A `#` in the
 *   body (a second h1) is set as h2: the title is the page's only h1.
 *
 * Both are decided on the parsed tree, which is left as it is (the linter reads it too).
 */
import path from 'node:path';
import type { Heading, Html, Link, LinkReference, Nodes, Root } from 'mdast';
import type { Position } from 'unist';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import type { Article } from '../issue/load.ts';
import { boxTitle } from '../markdown/boxes.ts';
import { nearMissMessage, resolveAnchor } from '../markdown/anchor-target.ts';
import { rawHtmlLinks } from '../markdown/raw-html.ts';
import { classify, decode, definitionsOf, normalizeIdentifier } from '../markdown/links.ts';

export interface Repairs {
  /** Links (and reference links) to write as their text. */
  unlinked: Set<Link | LinkReference>;
  /** Links to write with another destination: `other.md#anchor` or `#anchor`. */
  retargeted: Map<Link | LinkReference, string>;
  /** The same for raw HTML's `<a href>`, by the address as written: another one, or null for its text. */
  rawLinks: Map<string, string | null>;
  /** The level each heading is set at, where it differs from the manuscript's. */
  depths: Map<Heading, number>;
  /** Links with nothing to read, by the address they show instead. */
  unnamed: Map<Link | LinkReference, string>;
}

/** One walk of the tree in reading order, for both repairs (it runs on every build). */
export function repairsFor(article: Article, articles: readonly Article[]): Repairs {
  const repairs: Repairs = {
    unlinked: new Set(),
    retargeted: new Map(),
    rawLinks: new Map(),
    depths: new Map(),
    unnamed: new Map(),
  };
  const headings = closingUp(article.file, repairs.depths);
  const walk = (node: Nodes): void => {
    if (node.type === 'link' || node.type === 'linkReference') {
      checkAnchor(node, article, articles, repairs);
      if (!repairs.unlinked.has(node)) checkName(node, article, repairs.unnamed);
    } else if (node.type === 'html') checkRawAnchors(node, article, articles, repairs);
    else if (node.type === 'heading') headings.heading(node);
    else if (node.type === 'containerDirective' && boxTitle(node) !== undefined) headings.box();
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(article.tree);
  return repairs;
}

function checkAnchor(
  node: Link | LinkReference,
  article: Article,
  articles: readonly Article[],
  repairs: Repairs,
): void {
  const url =
    node.type === 'link' ? node.url : definitionsOfTree(article.tree).get(normalizeIdentifier(node.identifier))?.url;
  const destination = url === undefined ? undefined : anchorDestination(url, article, articles, node.position);
  if (destination === null) repairs.unlinked.add(node);
  else if (destination !== undefined) repairs.retargeted.set(node, destination);
}

/** The same for the `<a href>`s of a raw HTML node, by the address as written. */
function checkRawAnchors(node: Html, article: Article, articles: readonly Article[], repairs: Repairs): void {
  for (const { href, position } of rawHtmlLinks(node, article.file)) {
    const destination = anchorDestination(href, article, articles, position);
    if (destination !== undefined) repairs.rawLinks.set(href, destination);
  }
}

/**
 * Where a link to an anchor is to lead instead of where it was written (`other.md#anchor`), null
 * when it is to be its text, undefined when it stays as it is; warns at `place` for each change.
 */
function anchorDestination(
  url: string,
  article: Article,
  articles: readonly Article[],
  place: Position | undefined,
): string | null | undefined {
  const target = classify(url);
  if (target.kind !== 'local' || !target.fragment) return undefined;
  const page = target.path === '' ? undefined : articleNamed(articles, article, target.path);
  if (target.path !== '' && !page) return undefined;
  const fragment = decode(target.fragment);
  const found = resolveAnchor(articles, article, page, fragment);
  if (!found) {
    const where = page === undefined || page === article ? 'this article' : `\`${page.name}\``;
    warn(
      article.file,
      `Link to missing anchor \`#${fragment}\` in ${where} printed as plain text; link to a heading that exists`,
      place,
      'anchor-exists',
    );
    return null;
  }
  if (found.near) warn(article.file, nearMissMessage(fragment, found, article.name), place, 'anchor-near-miss');
  const into = articles.find((each) => each.name === found.article)!;
  if (found.id === undefined) return `${into.id}.md`;
  if (into === (page ?? article) && found.id === fragment) return undefined;
  return `${into === article ? '' : `${into.id}.md`}#${encodeURIComponent(found.id)}`;
}

function checkName(node: Link | LinkReference, article: Article, unnamed: Map<Link | LinkReference, string>): void {
  if (toString(node, { includeImageAlt: true }).trim() !== '') return;
  const url =
    node.type === 'link' ? node.url : definitionsOfTree(article.tree).get(normalizeIdentifier(node.identifier))?.url;
  if (!url) return;
  unnamed.set(node, url.replace(/^mailto:/, ''));
  warn(
    article.file,
    `Link without text shown with its address \`${url}\` as text; write what the link leads to`,
    node.position,
    'link-text-empty',
  );
}

const definitionsByTree = new WeakMap<Root, ReturnType<typeof definitionsOf>>();

function definitionsOfTree(tree: Root): ReturnType<typeof definitionsOf> {
  let definitions = definitionsByTree.get(tree);
  if (!definitions) {
    definitions = definitionsOf(tree);
    definitionsByTree.set(tree, definitions);
  }
  return definitions;
}

/** As the linter reads a link between articles: relative to the article, by file or page name. */
function articleNamed(articles: readonly Article[], from: Article, linkPath: string): Article | undefined {
  const name = path.posix.normalize(path.posix.join(path.posix.dirname(from.name), decode(linkPath)));
  return articles.find((each) => each.name === name || `${each.id}.html` === name);
}

/** Headings in reading order, each set no deeper than one below the one before. */
function closingUp(file: VFile, depths: Map<Heading, number>): { heading: (node: Heading) => void; box: () => void } {
  let previous = 1;
  return {
    // A box title is an h2 on the page, as the linter counts it.
    box: () => {
      previous = 2;
    },
    heading: (node) => {
      const depth = Math.max(2, Math.min(node.depth, previous + 1));
      if (depth !== node.depth) {
        depths.set(node, depth);
        const why = node.depth === 1 ? 'the title is the only h1' : `heading levels do not skip after an h${previous}`;
        warn(
          file,
          `\`${'#'.repeat(node.depth)}\` heading set as h${depth}: ${why}`,
          node.position,
          'heading-increment',
        );
      }
      previous = depth;
    },
  };
}

function warn(file: VFile, reason: string, place: Position | undefined, ruleId: string): void {
  file.message(reason, { place, ruleId, source: 'persklaar' });
}
