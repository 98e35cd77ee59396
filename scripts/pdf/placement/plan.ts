/**
 * Deferred floats, decided from a print: when a figure, table or box does not fit in what is
 * left of its column or page, the text after it moves up to fill the space and the block goes
 * after that text, to the top of the next column or page, as LaTeX's figures and Vivliostyle's
 * page floats do. A block never moves before the paragraph it follows, never past another
 * float (floats keep their order) and never more than one page after its paragraph.
 *
 * A box or table that has no text after it to move past (the article's last block) may break
 * across the column instead of leaving the column above it blank.
 *
 * A plan maps a float's manuscript index to the index of the block it is set after, or to
 * `split` for a box or table that may break; a block's index to `column` when it starts a
 * column (after a widow on the last page); and `ARTICLE` to `tight` for an article whose last page
 * held only a few lines: its spaces around headings, lists and boxes are narrowed
 * (`.article.tight` in print.css), as a typesetter tightens a page to save a line.
 */
import type { PlacedBlock, ArticleLayout, Hole } from './layout.ts';
import { heightOf, holesOf, loneLine, runtPage } from './layout.ts';
import { TYPE_AREA } from './measure.ts';

export type Moves = Record<number, number | 'split' | 'tight' | 'column'>;

/** The key of a plan's one move of the whole article: `tight`, set a little tighter. */
export const ARTICLE = -1;

/** The manuscript order with each moved float set after its block. */
export function orderOf(count: number, moves: Moves): number[] {
  const after = new Map<number, number[]>();
  for (const [float, target] of Object.entries(moves)) {
    if (typeof target !== 'number') continue;
    after.set(
      target,
      [...(after.get(target) ?? []), Number(float)].sort((a, b) => a - b),
    );
  }
  const order: number[] = [];
  for (let index = 0; index < count; index++) {
    if (typeof moves[index] === 'number') continue;
    order.push(index, ...(after.get(index) ?? []));
  }
  return order;
}

/**
 * The next plan for one article: each hole whose cause is a float (or a heading pulled along
 * with one) moves that float after as much of the following text as fills the hole.
 */
export function improvedMoves(layout: ArticleLayout, moves: Moves): Moves {
  const next: Moves = { ...moves };
  const manuscript = [...layout.blocks].sort((a, b) => a.index - b.index);
  const holes = holesOf(layout);
  for (const hole of holes) {
    const float = floatCausing(hole, layout);
    if (!float) continue;
    const target = deferralTarget(float, blankToFill(hole, float, holes), manuscript, next);
    if (target !== undefined) next[float.index] = target;
    else if (float.breakable) next[float.index] = 'split';
  }
  // A last page of a few lines: the article set a little tighter may not need it.
  if (runtPage(layout)) next[ARTICLE] = 'tight';
  for (const block of staleColumnStarts(layout, next)) delete next[block];
  for (const block of afterWidows(layout)) next[block.index] ??= 'column';
  return next;
}

/**
 * The blocks set to start a column that no longer mend a widow (an edit moved them): not at
 * the head of the last page's right column, after a paragraph that ends in the left one.
 */
export function staleColumnStarts(layout: ArticleLayout, moves: Moves): number[] {
  return layout.blocks.flatMap((block, at) => {
    if (moves[block.index] !== 'column') return [];
    const before = layout.blocks[at - 1];
    const mends =
      block.start?.page === layout.lastPage &&
      block.start.column === 1 &&
      before?.kind === 'text' &&
      before.end?.page === layout.lastPage &&
      before.end.column === 0;
    return mends ? [] : [block.index];
  });
}

/**
 * The blocks set right after a paragraph whose last line stands alone at the head of a column
 * of the article's last page, in that column. Chromium balances a last page's columns without
 * keeping widows; the block after the paragraph starting the next column leaves the whole
 * paragraph in the column before.
 */
function afterWidows(layout: ArticleLayout): PlacedBlock[] {
  return layout.blocks.flatMap((block, at) => {
    const after = layout.blocks[at + 1];
    const end = block.end;
    if (loneLine(block) !== 'widow' || end?.page !== layout.lastPage || end.column !== 1 || !after?.start) return [];
    return after.start.page === end.page && after.start.column === end.column ? [after] : [];
  });
}

/**
 * The float behind a hole: the block that starts the next column, or the one its heading
 * stands over; or a float spanning both columns further down that next page, which takes
 * the balanced columns above it along when it does not fit.
 */
function floatCausing(hole: Hole, layout: ArticleLayout): PlacedBlock | undefined {
  const next = hole.next;
  if (!next?.start) return undefined;
  if (next.kind === 'float') return next.pinned ? undefined : next;
  const after = layout.blocks[layout.blocks.indexOf(next) + 1];
  if (next.kind === 'heading' && after?.kind === 'float') return after.pinned ? undefined : after;
  const page = next.start.page;
  return layout.blocks
    .slice(layout.blocks.indexOf(next))
    .filter((block) => block.start?.page === page)
    .find((block) => block.kind === 'float' && block.spans && !block.pinned);
}

/** The blank a hole leaves for text: its column, and the page's other column when the float spans. */
function blankToFill(hole: Hole, float: PlacedBlock, holes: Hole[]): number {
  const beside =
    float.spans && hole.column === 0
      ? holes.find((other) => other.page === hole.page && other.column === 1)
      : undefined;
  return (hole.blank + (beside?.blank ?? 0)) * TYPE_AREA.height;
}

/** The block after which the float goes: following text, up to the next float, until the blank is filled. */
function deferralTarget(float: PlacedBlock, need: number, manuscript: PlacedBlock[], moves: Moves): number | undefined {
  const placed = moves[float.index];
  const from = typeof placed === 'number' ? placed : float.index;
  const following = manuscript.filter((block) => block.index > from);
  let filled = 0;
  let position = -1;
  for (const [offset, block] of following.entries()) {
    if (block.kind === 'float') break;
    filled += heightOf(block);
    position = offset;
    // Within a point: a column is filled when what is left is less than any line.
    if (filled >= need - 1) break;
  }
  // A heading is never left last before the float: its first paragraph comes along.
  if (following[position]?.kind === 'heading') {
    position = following[position + 1]?.kind === 'text' ? position + 1 : position - 1;
  }
  return position >= 0 ? following[position]!.index : undefined;
}
