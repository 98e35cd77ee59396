/**
 * EPUB structural semantics: each `epub:type` (for reading systems) goes with its DPUB-ARIA
 * role (for assistive technology), as Ace requires.
 */
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import type { ArticleKind } from '../issue/schema.ts';
import { hasClass } from '../render/classes.ts';

/** Per article kind: the content document's section. */
export const articleSemantics: Record<ArticleKind, { type: string; role: string }> = {
  foreword: { type: 'foreword', role: 'doc-foreword' },
  interview: { type: 'chapter', role: 'doc-chapter' },
  feature: { type: 'chapter', role: 'doc-chapter' },
  tips: { type: 'chapter', role: 'doc-chapter' },
  colophon: { type: 'colophon', role: 'doc-colophon' },
};

/**
 * Pull quotes repeat the text set large. On the web they sit in an <article>, which makes their
 * <aside> generic; in the EPUB the section carries a doc-* role, so the aside would become an
 * unnamed complementary landmark. doc-pullquote says what it is and keeps it out of the
 * landmarks, as the component intends.
 */
export function markPullquotes(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'aside' && hasClass(node, 'pullquote') && node.properties.role === undefined) {
      node.properties.role = 'doc-pullquote';
      node.properties['epub:type'] = 'pullquote';
    }
  });
}

/**
 * Footnotes as reading systems know them: each reference a `doc-noteref`, each note an <aside>
 * `doc-footnote` (shown in a pop-up where the reading system can; a list item may not carry
 * that role), its number kept in front, its way back a `doc-backlink`.
 */
export function markFootnotes(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName === 'a' && node.properties.dataFootnoteRef !== undefined) {
      node.properties.role = 'doc-noteref';
      node.properties['epub:type'] = 'noteref';
    }
    if (node.tagName === 'a' && node.properties.dataFootnoteBackref !== undefined)
      node.properties.role = 'doc-backlink';
    const inNotes = parent?.type === 'element' && parent.properties.dataFootnotes !== undefined;
    if (node.tagName !== 'ol' || !inNotes || index === undefined) return;
    const notes = node.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li');
    parent.children.splice(index, 1, ...notes.map(footnoteAside));
  });
}

/** A note of the list as an aside, its number in front of its first paragraph. */
function footnoteAside(note: Element, n: number): Element {
  const [first, ...rest] = note.children.filter(
    (child) => child.type === 'element' || (child.type === 'text' && child.value.trim() !== ''),
  );
  const number = h('span.footnote-number', `${n + 1}. `);
  const lead =
    first?.type === 'element' && first.tagName === 'p'
      ? [{ ...first, children: [number, ...first.children] }]
      : [number, ...(first ? [first] : [])];
  return h('aside.footnote', { id: note.properties.id, role: 'doc-footnote', 'epub:type': 'footnote' }, [
    ...lead,
    ...rest,
  ]);
}
