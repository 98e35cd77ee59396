/**
 * Emoji, typed or from a `:shortcode:` (remark-gemoji), set in the colour emoji face: the
 * theme's faces have no emoji, and a system fallback would choose per machine. Each run of
 * emoji becomes `<span class="emoji">`; code keeps its characters as written.
 */
import type { Element, ElementContent, Root } from 'hast';

/**
 * One emoji: a character shown as an emoji by default, or a pictograph asked to be one (U+FE0F),
 * with its skin tone or joined parts; or a flag. `©`, `™`, arrows and digits are pictographs
 * that read as text unless asked, and stay in the text face.
 */
const EMOJI =
  /(?:(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)\p{Emoji_Modifier}?(?:\u200D(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F?)\p{Emoji_Modifier}?)*|\p{Regional_Indicator}{2})+/gu;
const ONE_EMOJI = new RegExp(EMOJI.source, 'u');
const PLAIN = new Set(['code', 'pre', 'kbd', 'samp', 'math', 'svg', 'script', 'style']);

export function markEmoji(tree: Root | Element): void {
  const children = tree.children as ElementContent[];
  for (let index = children.length - 1; index >= 0; index--) {
    const child = children[index]!;
    if (child.type === 'element' && !PLAIN.has(child.tagName)) markEmoji(child);
    else if (child.type === 'text' && ONE_EMOJI.test(child.value)) children.splice(index, 1, ...split(child.value));
  }
}

function split(value: string): ElementContent[] {
  const parts: ElementContent[] = [];
  let last = 0;
  for (const match of value.matchAll(EMOJI)) {
    if (match.index > last) parts.push({ type: 'text', value: value.slice(last, match.index) });
    parts.push({
      type: 'element',
      tagName: 'span',
      properties: { className: ['emoji'] },
      children: [{ type: 'text', value: match[0] }],
    });
    last = match.index + match[0].length;
  }
  if (last < value.length) parts.push({ type: 'text', value: value.slice(last) });
  return parts;
}
