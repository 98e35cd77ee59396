/**
 * CSS inside a drawing (a `<style>` element, a `style` attribute, a presentation attribute such
 * as `fill="url(#verloop)"`) is read with css-tree, not with patterns: CSS escapes (`\75 rl(`)
 * and strings (`@import "…"`, `image-set("…")`) name a resource in more ways than a pattern sees.
 * CSS that css-tree cannot read cleanly is judged unsafe, so nothing hides in what it skipped.
 */
import { type CssNode, parse, walk } from 'css-tree';

export type CssContext = 'stylesheet' | 'declarationList' | 'value';

/** CSS functions that load what their string arguments name. */
const FETCHING_FUNCTIONS = new Set(['image', 'image-set', '-webkit-image-set', 'cross-fade', 'element', 'src']);

/** A reference that loads nothing: an element of the drawing itself, or a picture in the file. */
export function isInnerReference(url: string): boolean {
  const trimmed = url.trim();
  return trimmed.startsWith('#') || isEmbeddedPicture(trimmed);
}

/** A raster picture written into the file (draw.io embeds pasted pictures so). */
export function isEmbeddedPicture(url: string): boolean {
  return /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$/i.test(url.trim());
}

/** Why the CSS is not safe to keep (it loads something from outside, or cannot be read), or undefined. */
export function unsafeCss(text: string, context: CssContext): string | undefined {
  let unreadable = false;
  let ast: CssNode;
  try {
    ast = parse(text, { context, parseValue: true, onParseError: () => (unreadable = true) });
  } catch {
    return 'CSS that cannot be read';
  }
  let reason: string | undefined;
  walk(ast, (node) => {
    if (reason) return;
    if (node.type === 'Raw') unreadable = true;
    else if (node.type === 'Atrule' && node.name.toLowerCase() === 'import') reason = '@import';
    else if (node.type === 'Url' && !isInnerReference(node.value)) reason = `url(${shorten(node.value)})`;
    else if (node.type === 'Function' && FETCHING_FUNCTIONS.has(node.name.toLowerCase())) reason = `${node.name}()`;
  });
  return reason ?? (unreadable ? 'CSS that cannot be read' : undefined);
}

/** A value quoted in a message: enough to recognise it, never a whole data URL. */
export function shorten(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}
