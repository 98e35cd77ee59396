/**
 * MathML and inline SVG in the EPUB. epub-gen-memory re-parses every chapter and drops any
 * attribute outside its XHTML allow-list (`display`, `viewBox`, `d`, `stroke`…), which would
 * leave formulas and drawings empty. So each `<math>` and `<svg>` is serialised as XHTML here,
 * carried past the library inside a class token of an empty `<span>`, and put back in place
 * once the library is done (`restoreForeign`, from `post-process.ts`). The manifest declares
 * the content documents that hold them (`mathml`, `svg`), as EPUB 3 requires.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toXhtml } from '../render/serialize.ts';

const FOREIGN = 'pk-foreign-';
const NAMESPACES: Record<string, string> = {
  math: 'http://www.w3.org/1998/Math/MathML',
  svg: 'http://www.w3.org/2000/svg',
};

/** The manifest properties of a chapter: `mathml` and/or `svg`, when it holds them. */
export function foreignProperties(tree: Root): string | undefined {
  const found = new Set<string>();
  walk(tree, (element) => {
    if (element.tagName === 'math') found.add('mathml');
    if (element.tagName === 'svg') found.add('svg');
    return element.tagName in NAMESPACES;
  });
  return found.size > 0 ? [...found].sort().join(' ') : undefined;
}

/** Replaces each `<math>` and `<svg>` with a placeholder that carries its XHTML. */
export function stashForeign(tree: Root): void {
  walk(
    tree,
    () => false,
    (element) => {
      if (!(element.tagName in NAMESPACES)) return undefined;
      const own: Element = {
        ...element,
        properties: { xmlns: NAMESPACES[element.tagName]!, ...element.properties },
      };
      const markup = toXhtml({ type: 'root', children: [own] });
      return {
        type: 'element',
        tagName: 'span',
        properties: { className: [`${FOREIGN}${Buffer.from(markup).toString('base64url')}`] },
        children: [],
      };
    },
  );
}

/** Puts the carried MathML and SVG back in a chapter the library has written. */
export function restoreForeign(xhtml: string): string {
  return xhtml.replace(/<span class="pk-foreign-([A-Za-z0-9_-]+)"\s*(?:\/>|><\/span>)/g, (_, data: string) =>
    Buffer.from(data, 'base64url').toString('utf8'),
  );
}

/**
 * Visits elements depth first; `stop` ends the descent into an element, `replace` may give
 * an element's stand-in (its children are then not visited).
 */
function walk(
  tree: Root | Element,
  stop: (element: Element) => boolean,
  replace?: (element: Element) => Element | undefined,
): void {
  const children = tree.children as (ElementContent | Root['children'][number])[];
  for (const [index, child] of children.entries()) {
    if (child.type !== 'element') continue;
    const stand = replace?.(child);
    if (stand) {
      children[index] = stand;
      continue;
    }
    if (!stop(child)) walk(child, stop, replace);
  }
}
