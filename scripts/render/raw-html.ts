/**
 * Raw HTML in manuscripts is rendered, sanitised. Editors may write `<sup>`, `<abbr>`, a
 * `<table>`; nothing in a manuscript may run code, fetch a remote resource or load a file
 * from outside the issue in any edition.
 *
 * How: mdast-util-to-hast keeps each `html` node as a `raw` node, and hast-util-raw re-parses
 * the whole tree with an HTML parser, so inline pairs such as `<b>…</b>` around Markdown text
 * nest as a browser would nest them. Before that, every element the renderer made is marked
 * with a per-render secret; afterwards an element without the mark came from a manuscript and
 * is sanitised (hast-util-sanitize, a narrowed GitHub schema), one element at a time, so raw
 * HTML around Markdown is cleaned while the Markdown inside it, and every magazine component,
 * is kept exactly as rendered: classes, heading ids (as `heading-ids.ts` makes them, no
 * `user-content-` prefix), `aria-labelledby`, `data-placement` and all.
 *
 * A manuscript cannot forge the mark: it is random per render and removed before output. The
 * mark also numbers the element, so that its manuscript position, which the parser does not
 * carry through, is given back (the layout report and the build's warnings name lines).
 * The linter (`raw-html-unsafe`) names every dangerous part at its line; the build drops them.
 */
import { randomBytes } from 'node:crypto';
import type { Element, ElementContent, Nodes, Properties, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { h } from 'hastscript';
import { anchorOf } from '../markdown/anchors.ts';
import { isLocalReference, STRIPPED } from '../markdown/raw-html.ts';

/** The mark's property name; hast-util-raw carries it through the parser as `data-persklaar-own`. */
const OWN = 'dataPersklaarOwn';

const stripped: ReadonlySet<string> = new Set(STRIPPED);

/**
 * GitHub's schema (hast-util-sanitize's default), narrowed to what every edition can carry:
 * the EPUB's XHTML sanitiser (epub-gen-memory) allows few attributes and fails the build on
 * any other, and `<picture>`/`<source>` are made by the web edition itself. Added: a few
 * harmless inline elements editors reach for. Attributes not listed are dropped; `class`
 * and `style` never come from a manuscript.
 */
export const rawHtmlSchema: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((name) => !['input', 'picture', 'source'].includes(name)),
    'abbr',
    'bdi',
    'bdo',
    'caption',
    'cite',
    'dfn',
    'figcaption',
    'figure',
    'mark',
    'small',
    'u',
    'wbr',
  ],
  attributes: {
    '*': [
      ['dir', 'ltr', 'rtl', 'auto'],
      ['id', /^[^\s]+$/],
      ['lang', /^[a-z]{2,3}(?:-[a-z0-9]+)*$/i],
      'title',
      'ariaDescribedBy',
      ['ariaHidden', 'true', 'false'],
      'ariaLabel',
      'ariaLabelledBy',
    ],
    a: ['href'],
    img: ['alt', 'src'],
    ol: [['start', /^-?\d+$/], 'reversed'],
    td: ['colSpan', 'rowSpan', ['align', 'left', 'center', 'right']],
    th: ['colSpan', 'rowSpan', ['align', 'left', 'center', 'right'], ['scope', 'row', 'col', 'rowgroup', 'colgroup']],
  },
  protocols: { href: ['http', 'https', 'mailto', 'tel'], src: ['http', 'https'] },
  // The parser has already fixed nesting (a `<td>` outside a table never survives it).
  ancestors: {},
  required: {},
  // Ids keep the manuscript's spelling; `rawHtml` drops the ones that would collide.
  clobber: [],
  clobberPrefix: '',
  strip: [...STRIPPED],
  allowComments: false,
  allowDoctypes: false,
};

const allowedTags: ReadonlySet<string> = new Set(rawHtmlSchema.tagNames);

export interface RawHtmlOptions {
  /** Ids the page itself uses (`inhoud`, `artikel-titel`): raw HTML may not take them. */
  reservedIds?: Iterable<string>;
}

/** The ids every edition's page shell uses around an article body. */
export const PAGE_IDS = ['inhoud', 'artikel-titel', 'omslag-titel'];

/** Whether the hast holds raw HTML from the manuscript (most articles have none). */
export function hasRawHtml(tree: Root): boolean {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ((node.type as string) === 'raw') return true;
    if ('children' in node) stack.push(...node.children);
  }
  return false;
}

/**
 * Renders the raw HTML of an article body (the output of `toHast` with `allowDangerousHtml`),
 * sanitised; returns a tree without `raw` nodes. A body without raw HTML is returned as it is.
 */
export function rawHtml(tree: Root, options: RawHtmlOptions = {}): Root {
  if (!hasRawHtml(tree)) return tree;
  const secret = randomBytes(12).toString('base64url');
  const ownIds = new Set<string>(options.reservedIds ?? PAGE_IDS);
  const positions: Own['positions'] = [];
  walkElements(tree, (element) => {
    element.properties[OWN] = `${secret} ${positions.push(element.position) - 1}`;
    if (typeof element.properties.id === 'string') ownIds.add(element.properties.id);
  });
  const parsed = raw(tree) as Root;
  const seenIds = new Set<string>();
  parsed.children = clean(parsed.children, { secret, positions }, ownIds, seenIds) as RootContent[];
  return parsed;
}

/** The render's mark and the manuscript positions of the elements it marked, by number. */
interface Own {
  secret: string;
  positions: (Element['position'] | undefined)[];
}

/** The position an own element had before the parse, or undefined for a manuscript's element. */
function ownPosition(node: Element, own: Own): { own: boolean; position?: Element['position'] } {
  const mark = node.properties[OWN];
  if (typeof mark !== 'string' || !mark.startsWith(`${own.secret} `)) return { own: false };
  return { own: true, position: own.positions[Number(mark.slice(own.secret.length + 1))] };
}

function clean(
  nodes: readonly (RootContent | ElementContent)[],
  own: Own,
  ownIds: Set<string>,
  seenIds: Set<string>,
): ElementContent[] {
  const result: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      result.push(node);
      continue;
    }
    // Comments, doctypes and anything the parser left unparsed never reach an edition.
    if (node.type !== 'element') continue;
    const mark = ownPosition(node, own);
    if (mark.own) {
      delete node.properties[OWN];
      if (mark.position) node.position = mark.position;
      const before = node.children.length;
      node.children = clean(node.children, own, ownIds, seenIds);
      // A paragraph that held nothing but removed HTML (an inline `<iframe>`) goes with it.
      if (
        node.tagName === 'p' &&
        before > 0 &&
        node.children.every((child) => child.type === 'text' && child.value.trim() === '')
      )
        continue;
      result.push(node);
      continue;
    }
    if (stripped.has(node.tagName)) continue;
    const children = clean(node.children, own, ownIds, seenIds);
    // `<a name="f18">` is how older documents make a link target: the editions know only ids.
    const anchor = anchorOf(node.tagName, node.properties);
    if (anchor !== undefined) node.properties.id = anchor;
    const safe = allowedTags.has(node.tagName) ? sanitizeElement(node) : undefined;
    // An element the schema does not know is replaced by its content (`<font>`, `<center>`),
    // after an empty span that keeps its anchor: links to it still arrive.
    if (!safe) {
      if (anchor !== undefined && keepId(anchor, ownIds, seenIds)) result.push(h('span', { id: anchor }));
      result.push(...children);
      continue;
    }
    safe.children = children;
    if (!keepResource(safe)) continue;
    if (typeof safe.properties.id === 'string' && !keepId(safe.properties.id, ownIds, seenIds))
      delete safe.properties.id;
    result.push(safe);
  }
  return result;
}

/** Whether a manuscript's id may stay: not one the page uses, not one already given. */
function keepId(id: string, ownIds: ReadonlySet<string>, seenIds: Set<string>): boolean {
  if (ownIds.has(id) || seenIds.has(id)) return false;
  seenIds.add(id);
  return true;
}

/** One element, its attributes filtered by the schema (its children are cleaned by the caller). */
function sanitizeElement(node: Element): Element | undefined {
  const shallow: Root = { type: 'root', children: [{ ...node, properties: { ...node.properties }, children: [] }] };
  const result = sanitize(shallow, rawHtmlSchema);
  const safe = result.type === 'root' ? result.children[0] : undefined;
  return safe?.type === 'element' ? { ...safe, properties: safe.properties as Properties } : undefined;
}

/**
 * An `<img>` from a manuscript must name a local photo: the image stage makes it into each
 * edition's files (and refuses one outside images/ with an error at its line). A remote or
 * `data:` image is dropped whole: no edition fetches anything, and there is nothing to show.
 */
function keepResource(element: Element): boolean {
  if (element.tagName !== 'img') return true;
  const src = element.properties.src;
  return typeof src === 'string' && isLocalReference(src);
}

function walkElements(tree: Root, visit: (element: Element) => void): void {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'element') visit(node);
    if ('children' in node) stack.push(...node.children);
  }
}
