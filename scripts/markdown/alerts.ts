/**
 * GitHub's alerts: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
 * `[!WARNING]` or `[!CAUTION]`. The marker is taken out of the text and the quote is marked
 * with its kind (`data.alert`); the renderer makes the note box (`render/components/alert.ts`).
 *
 * Written here rather than taken from remark-github-blockquote-alert: that plugin writes its
 * English title and an inline icon (SVG attributes the EPUB's library refuses) into the Markdown
 * tree itself, where lint and the renderer's own labels cannot reach them.
 */
import type { Blockquote, Paragraph, Root } from 'mdast';
import { visit } from 'unist-util-visit';

export const ALERT_KINDS = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The marker alone on the quote's first line, as GitHub requires it. */
const MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/i;

declare module 'mdast' {
  interface BlockquoteData {
    /** Set by `remarkAlerts`: the quote is a GitHub alert of this kind. */
    alert?: AlertKind;
  }
}

export function remarkAlerts() {
  return (tree: Root) => {
    visit(tree, 'blockquote', (node: Blockquote) => {
      const kind = takeMarker(node);
      if (kind) node.data = { ...node.data, alert: kind };
    });
  };
}

/** The quote's kind of alert, with the marker removed from its first paragraph. */
function takeMarker(node: Blockquote): AlertKind | undefined {
  const first = node.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const text = first.children[0];
  if (text?.type !== 'text') return undefined;
  const match = MARKER.exec(text.value);
  if (!match) return undefined;
  // `[!NOTE]` followed by a hard break (two spaces) leaves the break as the next child.
  const rest = text.value.slice(match[0].length);
  first.children =
    rest === '' ? dropLeadingBreak(first.children.slice(1)) : [{ ...text, value: rest }, ...first.children.slice(1)];
  if (first.children.length === 0) node.children.shift();
  return match[1]!.toLowerCase() as AlertKind;
}

function dropLeadingBreak(children: Paragraph['children']): Paragraph['children'] {
  return children[0]?.type === 'break' ? children.slice(1) : children;
}
