/**
 * render: an article's mdast → hast, once. The result is shared by every edition; an edition
 * only adds its template and small transforms at the edge (image sources, hyphenation, XHTML).
 */
import path from 'node:path';
import { h } from 'hastscript';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Heading, Image, Link, LinkReference, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { defaultHandlers, toHast, type Handler, type State } from 'mdast-util-to-hast';
import { headingIds } from '../markdown/heading-ids.ts';
import type { Article, Issue } from '../issue/load.ts';
import type { IssueMeta } from '../issue/schema.ts';
import { componentFor } from './components/index.ts';
import type { Component, Directive, RenderContext } from './components/types.ts';
import { printPositionOf } from '../markdown/placement.ts';
import { confineLinks } from './local-links.ts';
import { PAGE_IDS, rawHtml } from './raw-html.ts';
import { repairsFor } from './repairs.ts';
import { refuseUnrepairable } from './refusals.ts';
import { plainImages } from './plain-images.ts';
import { markEmoji } from './emoji.ts';
import { alignNumbers } from './tables.ts';
import { labelsFor, type Labels } from './labels.ts';
import { respecTerms } from '../markdown/respec-terms.ts';
import { blockquoteWithAlerts } from './components/alert.ts';
import { diagramHandler, type Diagrams } from './components/diagram.ts';
import { formulaHandlers } from './components/formula.ts';
import { addressBreaks } from './break-opportunities.ts';

export interface RenderedArticle {
  article: Article;
  /** The article body: everything after the title block. */
  body: HastRoot;
}

export function renderArticle(
  article: Article,
  issue: Pick<Issue, 'dir' | 'imagesDir' | 'meta' | 'articles'>,
  /** Mermaid blocks drawn by the diagram stage (`diagrams/`); a block not drawn stays code. */
  diagrams: Diagrams = new Map(),
): RenderedArticle {
  const context: RenderContext = { ids: headingIds(article.tree), photographer: article.data.photographer };
  const source = String(article.file.value);

  const directive: Handler = (state: State, node: Directive) => {
    const component = componentFor(node.type, node.name);
    if (component) return withPlace(component.render(state, node, context), node);
    // Unknown directives keep their text (the linter names them); nothing an editor wrote is lost.
    if (node.type === 'textDirective') return { type: 'text', value: sourceOf(source, node) };
    return h('div', state.all(node));
  };

  // Repairs the referees would otherwise reject, each a warning at its line (`repairs.ts`).
  const repairs = repairsFor(article, issue.articles);
  refuseUnrepairable(article);
  const heading: Handler = (state: State, node: Heading) => {
    const element = defaultHandlers.heading(state, node) as Element;
    const depth = repairs.depths.get(node);
    if (depth !== undefined) element.tagName = `h${depth}`;
    element.properties.id = context.ids.get(node);
    return element;
  };
  const text: Handler = (state: State, node: Text) =>
    defaultHandlers.text(state, node.value.includes('[=') ? { ...node, value: respecTerms(node.value) } : node);
  const image: Handler = (state: State, node: Image) =>
    defaultHandlers.image(state, {
      ...node,
      alt: node.alt && respecTerms(node.alt),
      title: node.title && respecTerms(node.title),
    });
  const named = (element: ElementContent | ElementContent[], node: Link | LinkReference) => {
    if (Array.isArray(element) || element.type !== 'element') return element;
    const address = repairs.unnamed.get(node);
    if (address !== undefined) element.children = [{ type: 'text', value: address }];
    const destination = repairs.retargeted.get(node);
    if (destination !== undefined) element.properties.href = destination;
    return element;
  };
  const link: Handler = (state: State, node: Link) =>
    repairs.unlinked.has(node) ? state.all(node) : named(defaultHandlers.link(state, node), node);
  const linkReference: Handler = (state: State, node: LinkReference) =>
    repairs.unlinked.has(node) ? state.all(node) : named(defaultHandlers.linkReference(state, node), node);

  // Raw HTML is kept as `raw` nodes, then parsed and sanitised (`raw-html.ts`); links that
  // would lead out of the issue lose their destination (`local-links.ts`).
  const labels = labelsFor(issue.meta.language);
  const hast = toHast(article.tree, {
    allowDangerousHtml: true,
    handlers: {
      containerDirective: directive,
      leafDirective: directive,
      textDirective: directive,
      heading,
      link,
      linkReference,
      text,
      image,
      // What GitHub renders besides GFM: alerts, formulas, Mermaid diagrams.
      blockquote: blockquoteWithAlerts(issue.meta.language, context.ids.values()),
      ...formulaHandlers(article.file),
      code: diagramHandler(diagrams, article.id),
    },
    footnoteLabel: labels.footnotes,
    footnoteLabelProperties: { className: ['footnotes-title'] },
    // The second back link to a note shows "↩2": its name says "1-2", as its text does.
    footnoteBackLabel: (reference: number, again: number) =>
      labels.backToReference(`${reference + 1}${again > 1 ? `-${again}` : ''}`),
  }) as HastRoot;
  const body = rawHtml(hast, { reservedIds: [...PAGE_IDS, ...context.ids.values()] });
  // One walk for check boxes and tables, which most articles have none of.
  visit(body, 'element', (node) => {
    if (node.tagName === 'input') labelTaskItem(node, labels);
    else if (node.tagName === 'table') alignNumbers(node);
  });
  if (repairs.rawLinks.size > 0) retargetRawLinks(body, repairs.rawLinks);
  plainImages(body);
  markEmoji(body);
  // Links resolve from the article's folder and may lead only into the issue or its photos.
  confineLinks(body, {
    fromDir: path.dirname(path.join(issue.dir, article.name)),
    issueDir: issue.dir,
    imagesDir: issue.imagesDir,
  });
  if (article.data.kind === 'colophon' && issue.meta.colophon.length > 0)
    body.children.push(colophonCredits(issue.meta));
  addressBreaks(body);
  return { article, body };
}

/**
 * A component's element keeps its manuscript position (warnings name its line), and the
 * editor's print position (`plaats`) rides along as a data attribute for the print's placement.
 */
function withPlace(rendered: ReturnType<Component['render']>, node: Directive): ReturnType<Component['render']> {
  if (Array.isArray(rendered) || rendered.type !== 'element') return rendered;
  rendered.position ??= node.position;
  const position = node.type === 'containerDirective' ? printPositionOf(node) : undefined;
  if (position) rendered.properties.dataPrintPosition = position;
  return rendered;
}

/**
 * Raw HTML's `<a href>`s to anchors, as `repairs.ts` resolved them: another destination, or the
 * link's text (a Markdown link with the same address was resolved the same way already).
 */
function retargetRawLinks(body: HastRoot, destinations: ReadonlyMap<string, string | null>): void {
  visit(body, 'element', (node, index, parent) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string' || !destinations.has(href)) return;
    const destination = destinations.get(href)!;
    if (destination !== null) {
      node.properties.href = destination;
      return;
    }
    parent!.children.splice(index!, 1, ...node.children);
    return index;
  });
}

/** A task list's check box says what it means (a form control with no name fails WCAG 4.1.2). */
function labelTaskItem(node: Element, labels: Labels): void {
  if (node.properties.type !== 'checkbox') return;
  node.properties.ariaLabel = node.properties.checked ? labels.taskDone : labels.taskOpen;
}

/** The colophon's credits live in issue.yaml (one source for every edition and the EPUB metadata). */
function colophonCredits(meta: IssueMeta): Element {
  return h(
    'dl.colophon-credits',
    meta.colophon.flatMap((credit) => [h('dt', credit.role), ...credit.names.map((name) => h('dd', name))]),
  );
}

function sourceOf(source: string, node: Directive): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

export function isElement(node: ElementContent | HastRoot): node is Element {
  return node.type === 'element';
}
