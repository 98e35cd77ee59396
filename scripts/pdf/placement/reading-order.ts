/**
 * A deferred float is read where the manuscript has it. Chromium tags the print in the order of
 * its document, in which placement set the float after the text that filled the column; the
 * structure tree is put back in manuscript order, so that a screen reader meets the float right
 * after the paragraph it follows, as the EPUB and the web edition have it. Only the order of an
 * article's kids changes: every element keeps its parent, and the ParentTree stays valid.
 */
import { PDFDict, PDFName, type PDFDocument } from 'pdf-lib';
import { kidsOf, setKids, typeOf, walkElements } from '../../pdf-read/tree.ts';
import type { MarkedArticle } from './apply.ts';

/**
 * Reorders each article whose blocks were moved; returns the anchors of articles whose tags
 * did not match their blocks one to one (left in print order).
 */
export function restoreReadingOrder(doc: PDFDocument, articles: MarkedArticle[]): string[] {
  const { context } = doc;
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return [];
  const arts: PDFDict[] = [];
  walkElements(context, root, (elem) => {
    if (typeOf(context, elem) === 'Art') arts.push(elem);
  });
  if (arts.length !== articles.length) return articles.filter(isMoved).map((article) => article.anchor);
  const unmatched: string[] = [];
  articles.forEach((article, index) => {
    if (!isMoved(article)) return;
    const art = arts[index]!;
    const kids = kidsOf(context, art);
    // The title block first, then one element per block, and nothing else.
    if (kids.length !== article.blocks.length + 1 || kids.some((kid) => kid.kind !== 'elem')) {
      unmatched.push(article.anchor);
      return;
    }
    const [header, ...blocks] = kids;
    const inManuscriptOrder = blocks
      .map((kid, position) => ({ kid, index: article.blocks[position]!.index }))
      .sort((a, b) => a.index - b.index)
      .map(({ kid }) => kid.raw);
    setKids(context, art, [header!.raw, ...inManuscriptOrder]);
  });
  return unmatched;
}

function isMoved(article: MarkedArticle): boolean {
  return article.blocks.some((block, position) => position > 0 && block.index < article.blocks[position - 1]!.index);
}
