/**
 * Sets each article body of the print document in the order its plan says and marks every
 * block for measuring. Returns, per article, what was placed where in print order.
 */
import type { Element, ElementContent, Root } from 'hast';
import { type BlockTraits, blocksOf } from './blocks.ts';
import { classesOf } from '../../render/classes.ts';
import { destinationLinks } from '../destination-links.ts';
import { markBlock, markerIds, markHeaderEnd, headerEndId } from './markers.ts';
import { ARTICLE, orderOf, type Moves } from './plan.ts';

export interface MarkedBlock extends BlockTraits {
  ids: { start: string; end: string };
  /** The manuscript line of the block, for the layout report. */
  line?: number;
}

export interface MarkedArticle {
  anchor: string;
  /**
   * Set as one run of columns: a very long article, set as several (`document.ts`), is measured
   * and reported but not searched, since each pass prints its every page again.
   */
  searchable: boolean;
  headerEnd: string;
  blocks: MarkedBlock[];
}

export type PlacementPlan = Record<string, Moves>;

export function placeAndMark(tree: Root, plan: PlacementPlan): MarkedArticle[] {
  const articles: MarkedArticle[] = [];
  const body = findElement(tree, (element) => element.tagName === 'body');
  for (const article of body?.children ?? []) {
    if (article.type !== 'element' || !classesOf(article).includes('article')) continue;
    const anchor = String(article.properties.id);
    articles.push(placeArticle(article, anchor, plan[anchor] ?? {}));
  }
  body?.children.push(
    destinationLinks(
      articles.flatMap((article) => [
        article.headerEnd,
        ...article.blocks.flatMap((block) => [block.ids.start, block.ids.end]),
      ]),
    ),
  );
  return articles;
}

function placeArticle(article: Element, anchor: string, moves: Moves): MarkedArticle {
  const header = article.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'header',
  );
  if (header) markHeaderEnd(header, anchor);
  if (moves[ARTICLE] === 'tight') article.properties.className = [...classesOf(article), 'tight'];
  const marked: MarkedBlock[] = [];
  let offset = 0;
  let sets = 0;
  for (const set of article.children) {
    if (set.type !== 'element' || !classesOf(set).includes('article-body')) continue;
    sets++;
    const blocks = blocksOf(set.children);
    const local = movesWithin(moves, offset, blocks.length);
    const order = orderOf(blocks.length, local);
    set.children = order.flatMap((index): ElementContent[] => [blocks[index]!.element, { type: 'text', value: '\n' }]);
    for (const index of order) {
      const block = blocks[index]!;
      const ids = markerIds(anchor, offset + index);
      markBlock(block.element, ids);
      if (local[index] === 'split') block.element.properties.className = [...classesOf(block.element), 'may-break'];
      if (local[index] === 'column') block.element.properties.className = [...classesOf(block.element), 'column-start'];
      const { element, ...traits } = block;
      marked.push({ ...traits, index: offset + index, ids, line: element.position?.start.line });
    }
    offset += blocks.length;
  }
  return { anchor, searchable: sets === 1, headerEnd: headerEndId(anchor), blocks: marked };
}

/** A plan's moves that stay inside one column set (of a very long article), made local to it. */
function movesWithin(moves: Moves, offset: number, count: number): Moves {
  const local: Moves = {};
  for (const [float, target] of Object.entries(moves)) {
    const from = Number(float) - offset;
    if (from < 0 || from >= count) continue;
    if (typeof target !== 'number') local[from] = target;
    else if (target - offset > from && target - offset < count) local[from] = target - offset;
  }
  return local;
}

function findElement(node: Root | Element, test: (element: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = findElement(child, test);
    if (found) return found;
  }
  return undefined;
}
