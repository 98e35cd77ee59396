/**
 * Placement's decisions on measured layouts, without a browser: where a float goes when it left
 * a hole, what it never does (move before its paragraph, past another float, away from a
 * pinned place), and what the layout report names.
 */
import { describe, expect, it } from 'vitest';
import type { BlockKind } from '../../../scripts/pdf/placement/blocks.ts';
import { type ArticleLayout, badness, holesOf, type PlacedBlock } from '../../../scripts/pdf/placement/layout.ts';
import { TYPE_AREA, type Spot } from '../../../scripts/pdf/placement/measure.ts';
import { ARTICLE, improvedMoves, orderOf, staleColumnStarts } from '../../../scripts/pdf/placement/plan.ts';
import { signatureOf } from '../../../scripts/pdf/placement/search.ts';
import { layoutFindings } from '../../../scripts/pdf/placement/report.ts';

const H = TYPE_AREA.height;
const at = (page: number, column: 0 | 1, share: number): Spot => ({ page, column, depth: share * H });

function block(index: number, kind: BlockKind, start: Spot, end: Spot, traits: Partial<PlacedBlock> = {}): PlacedBlock {
  return {
    index,
    kind,
    start,
    end,
    spans: false,
    breakable: false,
    pinned: false,
    endInline: false,
    ...traits,
  };
}

/** An article from page 3 to `lastPage`, its blocks in print order. */
function articleOn(blocks: PlacedBlock[], lastPage = 4): ArticleLayout {
  return { searchable: true, firstPage: 3, lastPage, blocks };
}

/**
 * Page 3, left column: two paragraphs down to 60 %; a box did not fit under them and starts the
 * right column; four paragraphs follow it, each a fifth of a column; the article ends on page 4.
 */
function boxThatDidNotFit(traits: Partial<PlacedBlock> = {}): ArticleLayout {
  return articleOn([
    block(0, 'text', at(3, 0, 0), at(3, 0, 0.3)),
    block(1, 'text', at(3, 0, 0.3), at(3, 0, 0.6)),
    block(2, 'float', at(3, 1, 0), at(3, 1, 0.7), { breakable: true, ...traits }),
    block(3, 'text', at(3, 1, 0.7), at(3, 1, 0.9)),
    block(4, 'text', at(3, 1, 0.9), at(4, 0, 0.1)),
    block(5, 'text', at(4, 0, 0.1), at(4, 0, 0.3)),
    block(6, 'text', at(4, 0, 0.3), at(4, 0, 0.5)),
  ]);
}

describe('placement', () => {
  it('finds the hole a float left, and the float behind it', () => {
    const [hole, ...others] = holesOf(boxThatDidNotFit());
    expect(others).toEqual([]);
    expect(hole).toMatchObject({ page: 3, column: 0, next: { index: 2 } });
    expect(hole!.blank).toBeCloseTo(0.4);
  });

  it('sets the float after as much of the following text as fills the hole', () => {
    // 40 % of a column to fill: blocks 3 and 4 (20 % each).
    expect(improvedMoves(boxThatDidNotFit(), {})).toEqual({ 2: 4 });
    expect(orderOf(7, { 2: 4 })).toEqual([0, 1, 3, 4, 2, 5, 6]);
  });

  it('never moves a float past another float, nor one the editor pinned', () => {
    const layout = boxThatDidNotFit();
    layout.blocks[4] = { ...layout.blocks[4]!, kind: 'float' };
    expect(improvedMoves(layout, {})).toEqual({ 2: 3 });
    expect(improvedMoves(boxThatDidNotFit({ pinned: true }), {})).toEqual({});
  });

  it('never leaves a heading last before the float: its paragraph comes along', () => {
    const layout = boxThatDidNotFit();
    layout.blocks[4] = { ...layout.blocks[4]!, kind: 'heading' };
    expect(improvedMoves(layout, {})).toEqual({ 2: 5 });
  });

  it('lets a box with nothing after it break rather than leave the column above it blank', () => {
    const layout = boxThatDidNotFit();
    layout.blocks.splice(3);
    layout.lastPage = 4;
    expect(improvedMoves(layout, {})).toEqual({ 2: 'split' });
    const photo = boxThatDidNotFit({ breakable: false });
    photo.blocks.splice(3);
    expect(improvedMoves(photo, {})).toEqual({});
  });

  it('judges no page that ends its article', () => {
    const layout = boxThatDidNotFit();
    layout.lastPage = 3;
    expect(holesOf(layout)).toEqual([]);
  });

  it('reports a hole, a lone line and a float set far from its paragraph at their lines', () => {
    const layout = boxThatDidNotFit({ pinned: true });
    // Block 4 runs on to the next page with one line at the head of its left column.
    layout.blocks[4] = block(4, 'text', at(3, 1, 0.9), { page: 4, column: 0, depth: 2 }, { endInline: true });
    layout.blocks[6] = block(6, 'float', at(6, 0, 0), at(6, 0, 0.5));
    const marked = [
      {
        anchor: 'art-x',
        searchable: true,
        headerEnd: 'art-x--H',
        blocks: layout.blocks.map(({ start, end, ...traits }) => ({
          ...traits,
          ids: { start: '', end: '' },
          line: 10 + traits.index * 2,
        })),
      },
    ];
    const findings = layoutFindings(new Map([['art-x', { ...layout, lastPage: 6 }]]), marked);
    expect(findings.map(({ ruleId, line }) => [ruleId, line])).toEqual(
      expect.arrayContaining([
        ['layout-hole', 14],
        ['layout-widow', 18],
        ['layout-far-float', 22],
      ]),
    );
  });

  it('sets an article tighter when its last page holds only a few lines, and not otherwise', () => {
    // Page 3 full, then two lines on page 4: a runt.
    const runt: ArticleLayout = articleOn([
      block(0, 'text', at(3, 0, 0), at(3, 1, 0.95)),
      block(1, 'text', at(3, 1, 0.95), { page: 4, column: 0, depth: 14 }, { endInline: true }),
    ]);
    expect(improvedMoves(runt, {})).toEqual({ [ARTICLE]: 'tight' });
    expect(badness(runt)).toBeGreaterThan(0);
    // The order of the blocks is not touched by it.
    expect(orderOf(2, { [ARTICLE]: 'tight' })).toEqual([0, 1]);
    expect(improvedMoves(boxThatDidNotFit(), {})[ARTICLE]).toBeUndefined();
  });

  it('starts a column with the block after a widow on the last page, and not elsewhere', () => {
    // The last page's balanced columns: a paragraph's last line heads the right column, a box under it.
    const widowed = (lastPage: number): ArticleLayout =>
      articleOn(
        [
          block(0, 'text', at(3, 0, 0), at(3, 1, 0.95)),
          block(1, 'text', at(4, 0, 0), at(4, 0, 0.2)),
          block(2, 'text', at(4, 0, 0.2), { page: 4, column: 1, depth: 2 }, { endInline: true }),
          block(3, 'float', { page: 4, column: 1, depth: 14 }, at(4, 1, 0.25)),
        ],
        lastPage,
      );
    expect(badness(widowed(4))).toBeGreaterThan(0);
    expect(badness(widowed(4))).toBeLessThan(0.25);
    expect(improvedMoves(widowed(4), {})).toEqual({ 3: 'column' });
    expect(orderOf(4, { 3: 'column' })).toEqual([0, 1, 2, 3]);
    // Not on a page the article goes on from, nor when what follows starts another column.
    expect(improvedMoves(widowed(5), {})).toEqual({});
    const nothingBelow = widowed(4);
    nothingBelow.blocks[3] = block(3, 'float', at(5, 0, 0), at(5, 0, 0.25));
    expect(improvedMoves(nothingBelow, {})[3]).toBeUndefined();
    // A last line at the head of a page's first column came after a page turn, not a balance.
    const afterTurn = widowed(4);
    afterTurn.blocks[2] = block(2, 'text', at(3, 1, 0.95), { page: 4, column: 0, depth: 2 }, { endInline: true });
    afterTurn.blocks[3] = block(3, 'float', { page: 4, column: 0, depth: 14 }, at(4, 0, 0.25));
    expect(improvedMoves(afterTurn, {})[3]).toBeUndefined();
  });

  it('lets go of a column start that no longer mends a widow, and tells lone lines apart in the memo', () => {
    // Mended: the paragraph ends in the left column, the block heads the right one.
    const mended: ArticleLayout = articleOn([
      block(0, 'text', at(3, 0, 0), at(3, 1, 0.95)),
      block(1, 'text', at(4, 0, 0), at(4, 0, 0.3)),
      block(2, 'float', at(4, 1, 0), at(4, 1, 0.25)),
    ]);
    expect(staleColumnStarts(mended, { 2: 'column' })).toEqual([]);
    // After an edit the block stands on a page the article goes on from: the move goes.
    const moved = { ...mended, lastPage: 5 };
    expect(staleColumnStarts(moved, { 2: 'column' })).toEqual([2]);
    expect(improvedMoves(moved, { 2: 'column', [ARTICLE]: 'tight' })).toEqual({ [ARTICLE]: 'tight' });
    const widowed = structuredClone(mended);
    widowed.blocks[1] = block(1, 'text', at(4, 0, 0), { page: 4, column: 1, depth: 2 }, { endInline: true });
    expect(signatureOf(widowed)).not.toBe(signatureOf(mended));
  });
});
