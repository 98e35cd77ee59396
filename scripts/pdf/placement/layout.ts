/**
 * An article's printed layout as placement judges it: for each page that does not end the
 * article, how far down each column is filled, and what stands at the top of the next column
 * when a column stops short (the block that did not fit).
 */
import type { BlockTraits } from './blocks.ts';
import { TYPE_AREA, type Spot } from './measure.ts';

/** One line of body text (print.css: 9.5/13.5 pt): what an inline end marker sits above. */
export const LINE = 13.5;
/** A column whose foot is blank for more than this share of the type area is a hole. */
export const HOLE_LIMIT = 0.25;

export interface PlacedBlock extends BlockTraits {
  start?: Spot;
  end?: Spot;
}

export interface ArticleLayout {
  /** Placement may improve it (see `MarkedArticle.searchable`). */
  searchable: boolean;
  firstPage: number;
  lastPage: number;
  headerEnd?: Spot;
  /** In print order. */
  blocks: PlacedBlock[];
}

export interface Hole {
  page: number;
  column: 0 | 1;
  /** Blank share of the column's height at its foot. */
  blank: number;
  /** The block that starts the next column or page: what did not fit. */
  next?: PlacedBlock;
}

const H = TYPE_AREA.height;

/** Where a spot lies in the article's run of columns, in points: columns laid end to end. */
export function flow(spot: Spot): number {
  return (spot.page * 2 + spot.column) * H + spot.depth;
}

/** The spot at a place in the run of columns. */
export function spotAt(place: number): Spot {
  const column = Math.floor(place / H);
  return { page: Math.floor(column / 2), column: (column % 2) as 0 | 1, depth: place - column * H };
}

/**
 * A block in pieces (across columns or pages) has a destination at the top left of all its
 * pieces together, not where it begins. So a start before the end of the block printed before
 * it is taken from that end; and so is the start of text in pieces (a paragraph, a list) that
 * claims a gap before it: text breaks wherever its column ends and never leaves one blank (but
 * for an orphan line). Text in one piece has its true start, such as the head of a column
 * below a photo that spans both.
 */
export function withTrueStarts(blocks: PlacedBlock[], headerEnd?: Spot): PlacedBlock[] {
  let previousBottom = headerEnd && flow(headerEnd);
  return blocks.map((block) => {
    const start = block.start;
    const inPieces = start && block.end && block.end.page * 2 + block.end.column > start.page * 2 + start.column;
    const followsOn = (place: number) =>
      place < previousBottom! || (block.kind === 'text' && inPieces && place > previousBottom! + 2 * LINE);
    const fixed =
      start && previousBottom !== undefined && followsOn(flow(start))
        ? { ...block, start: spotAt(previousBottom) }
        : block;
    previousBottom = bottomOf(fixed) ?? previousBottom;
    return fixed;
  });
}

export function bottomOf(block: PlacedBlock): number | undefined {
  return block.end && flow(block.end) + (block.endInline ? LINE : 0);
}

/** How much of the run of columns a block takes, in points. */
export function heightOf(block: PlacedBlock): number {
  const bottom = bottomOf(block);
  return block.start && bottom !== undefined ? Math.max(0, bottom - flow(block.start)) : 0;
}

/** The depth each column of the article's pages is filled to, keyed `page*2+column`. */
export function filledDepths(layout: ArticleLayout): Map<number, number> {
  const filled = new Map<number, number>();
  const fill = (page: number, column: number, depth: number) => {
    const key = page * 2 + column;
    filled.set(key, Math.max(filled.get(key) ?? 0, Math.min(H, depth)));
  };
  if (layout.headerEnd) for (const column of [0, 1]) fill(layout.headerEnd.page, column, layout.headerEnd.depth);
  for (const block of layout.blocks) {
    const { start, end } = block;
    if (!start || !end) continue;
    const bottom = end.depth + (block.endInline ? LINE : 0);
    if (block.spans) {
      for (const column of [0, 1]) fill(end.page, column, bottom);
      continue;
    }
    // A block that runs on fills every column it leaves to the foot.
    for (let key = start.page * 2 + start.column; key < end.page * 2 + end.column; key++)
      fill(Math.floor(key / 2), key % 2, H);
    fill(end.page, end.column, bottom);
  }
  return filled;
}

/** Columns on the article's pages but its last whose foot is blank beyond the limit. */
export function holesOf(layout: ArticleLayout, limit = HOLE_LIMIT): Hole[] {
  const filled = filledDepths(layout);
  const holes: Hole[] = [];
  for (let page = layout.firstPage; page < layout.lastPage; page++) {
    for (const column of [0, 1] as const) {
      const blank = (H - (filled.get(page * 2 + column) ?? 0)) / H;
      if (blank <= limit) continue;
      const key = page * 2 + column;
      const next = layout.blocks.find(
        (block) => block.start && block.start.page * 2 + (block.spans ? 0 : block.start.column) > key,
      );
      holes.push({ page, column, blank, next });
    }
  }
  return holes;
}

/**
 * The layout's fault in one number: the blank beyond the limit, summed over every hole, a
 * whole column's worth for each float set more than one page after the paragraph it follows,
 * and half a column's for a last page that holds next to nothing.
 */
/** What a line left alone costs a plan; all of them together less than any hole, so that no hole is taken to mend them. */
const LONE_LINE = 0.05;

export function badness(layout: ArticleLayout): number {
  const holes = holesOf(layout).reduce((sum, hole) => sum + hole.blank, 0);
  const lone = Math.min(HOLE_LIMIT - LONE_LINE, layout.blocks.filter((block) => loneLine(block)).length * LONE_LINE);
  return holes + floatsSetFar(layout).length + (runtPage(layout) ? 0.5 : 0) + lone;
}

/**
 * A paragraph that leaves its first line alone at a column's foot (an orphan) or its last line
 * alone at a column's head (a widow).
 */
export function loneLine(block: PlacedBlock): 'orphan' | 'widow' | undefined {
  const { start, end } = block;
  if (block.kind !== 'text' || !block.endInline || !start || !end) return undefined;
  const runsOn = end.page * 2 + end.column > start.page * 2 + start.column;
  if (!runsOn) return undefined;
  if (start.depth > TYPE_AREA.height - 1.5 * LINE) return 'orphan';
  if (end.depth < 0.5 * LINE) return 'widow';
  return undefined;
}

/**
 * A last page whose columns reach less than this share of the type area is a runt: three or
 * four lines, a strip of a table. A little more than the tests' pixel measure (6 %), so that
 * what they see the report names.
 */
export const RUNT = 0.07;

/**
 * The first block on the article's last page, when that page holds next to nothing. The last
 * page's columns are balanced, so how far down they reach is where its blocks end.
 */
export function runtPage(layout: ArticleLayout): PlacedBlock | undefined {
  if (layout.lastPage <= layout.firstPage) return undefined;
  const onLastPage = layout.blocks.filter((block) => block.end?.page === layout.lastPage);
  const most = Math.max(0, ...onLastPage.map((block) => block.end!.depth + (block.endInline ? LINE : 0)));
  return most < RUNT * TYPE_AREA.height ? onLastPage[0] : undefined;
}

/** Floats whose first page is more than one page after the end of the block before them in the manuscript. */
export function floatsSetFar(layout: ArticleLayout): PlacedBlock[] {
  const byIndex = new Map(layout.blocks.map((block) => [block.index, block]));
  return layout.blocks.filter((block) => {
    const before = byIndex.get(block.index - 1);
    return block.kind === 'float' && block.start && before?.end && block.start.page - before.end.page > 1;
  });
}
