/**
 * EPUB structural semantics: each `epub:type` (for reading systems) goes with its DPUB-ARIA
 * role (for assistive technology), as Ace requires.
 */
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import type { ArticleKind } from '../issue/schema.ts';

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
    const classes = node.properties.className;
    if (node.tagName === 'aside' && Array.isArray(classes) && classes.includes('pullquote') && node.properties.role === undefined) {
      node.properties.role = 'doc-pullquote';
      node.properties['epub:type'] = 'pullquote';
    }
  });
}
