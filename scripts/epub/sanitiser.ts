/**
 * epub-gen-memory re-parses every chapter and deletes attributes outside its allow-list
 * (`width`, `height`, `srcset`, `start`, `scope`, `align`, `data-*`, SVG attributes…), and
 * writes `alt="image-placeholder"` over an empty alt. Nothing may be lost silently, so before
 * the library sees a chapter:
 * - our own pipeline hooks (`data-*`) are dropped, they are not content;
 * - GFM's `align` becomes `style` (allowed, and `align` is obsolete in XHTML5 anyway);
 * - `start`, `reversed`, `scope` and a task list checkbox's `checked` and `disabled`, which
 *   change what is read out, ride through the sanitiser as a class token (`pk-keep-start-3`)
 *   that `restoreCarried` turns back into the attribute;
 * - anything else the library still strips fails the build (`sanitiserLoss`, `library.ts`).
 * Empty alts are restored after packing (`post-process.ts`).
 */
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';

/** Attributes carried through the sanitiser, with the values a class token can hold. */
const carried: Record<string, RegExp> = {
  start: /^-?\d+$/,
  reversed: /^reversed$/,
  scope: /^(row|col|rowgroup|colgroup)$/,
  // GFM task lists: `- [x] klaar` is a disabled, checked checkbox.
  checked: /^checked$/,
  disabled: /^disabled$/,
  // `<details>` is open in the EPUB: nothing a reader could miss (`render/open-details.ts`).
  open: /^open$/,
};
const KEEP = 'pk-keep-';

export function prepareForSanitiser(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    const properties = node.properties;
    for (const key of Object.keys(properties)) {
      if (/^data[A-Z]/.test(key)) delete properties[key];
    }
    const align = properties.align;
    if ((node.tagName === 'th' || node.tagName === 'td') && typeof align === 'string') {
      delete properties.align;
      properties.style = `text-align: ${align}`;
    }
    for (const [name, allowed] of Object.entries(carried)) {
      const raw = properties[name];
      if (raw === undefined || raw === null || raw === false) continue;
      const value = raw === true ? name : String(raw);
      // A value a class token cannot carry stays, and the sanitiser guard stops the build.
      if (!allowed.test(value)) continue;
      delete properties[name];
      properties.className = [...classList(properties.className), `${KEEP}${name}-${value}`];
    }
  });
}

/** Turns `class="… pk-keep-start-3"` back into `start="3"` in a serialised document. */
export function restoreCarried(xhtml: string): string {
  return xhtml.replace(/ class="([^"]*\bpk-keep-[^"]*)"/g, (_, value: string) => {
    const tokens = value.split(/\s+/).filter(Boolean);
    const kept = tokens.filter((token) => !token.startsWith(KEEP));
    const restored = tokens
      .filter((token) => token.startsWith(KEEP))
      .map((token) => {
        const [, name, attribute] = /^pk-keep-([a-z]+)-(.+)$/.exec(token)!;
        return ` ${name}="${attribute}"`;
      });
    return `${kept.length > 0 ? ` class="${kept.join(' ')}"` : ''}${restored.join('')}`;
  });
}

/** The library's warning when it strips an attribute: content would change, so we stop. */
export function sanitiserLoss(message: string): boolean {
  return /attribute .* isn't allowed/.test(message);
}

function classList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}
