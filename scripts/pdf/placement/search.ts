/**
 * The placement search across prints: each print is measured, each article's plan improved
 * where it left a hole, and the best plan an article has had is kept. Articles start on a page
 * of their own, so each is judged and improved on its own in the same print. The search is
 * bounded; what it could not solve is remembered with the plan, so that the next build of an
 * unchanged article does not pay for the search again.
 */
import { createHash } from 'node:crypto';
import type { PDFDocument } from '@cantoo/pdf-lib';
import type { StartPages } from '../document.ts';
import type { MarkedArticle, PlacementPlan } from './apply.ts';
import { badness, holesOf, loneLine, withTrueStarts, type ArticleLayout } from './layout.ts';
import { readDestinations } from './measure.ts';
import { MARKER_PATTERN, START_PATTERN } from './markers.ts';
import { improvedMoves, staleColumnStarts, type Moves } from './plan.ts';
import { toolVersion } from '../../util/fingerprint.ts';

/** Prints that may change a plan; the prints after them only settle the contents numbers. */
export const PLACEMENT_PASSES = 3;

export interface PlacementMemo {
  plan: PlacementPlan;
  /** Per article, the holes the search left (a signature): the same holes again are not searched anew. */
  unsolved: Record<string, string>;
  /** The tool that searched: another may have moves this one did not, so its memo is not taken. */
  tool?: string;
}

export function measureLayouts(
  doc: PDFDocument,
  marked: MarkedArticle[],
  startPages: StartPages,
  anchorOf: Record<string, string>,
): Map<string, ArticleLayout> {
  const { spots } = readDestinations(
    doc,
    (name) => MARKER_PATTERN.test(name),
    (name) => START_PATTERN.test(name),
  );
  const firstPages = new Map(Object.entries(startPages).map(([id, page]) => [anchorOf[id]!, page]));
  const starts = [...firstPages.values()].sort((a, b) => a - b);
  const pageCount = doc.getPageCount();
  const layouts = new Map<string, ArticleLayout>();
  for (const article of marked) {
    const firstPage = firstPages.get(article.anchor) ?? 1;
    const lastPage = (starts.find((page) => page > firstPage) ?? pageCount + 1) - 1;
    layouts.set(article.anchor, {
      searchable: article.searchable,
      firstPage,
      lastPage,
      headerEnd: spots.get(article.headerEnd),
      blocks: withTrueStarts(
        article.blocks.map(({ ids, line, ...traits }) => ({
          ...traits,
          start: spots.get(ids.start),
          end: spots.get(ids.end),
        })),
        spots.get(article.headerEnd),
      ),
    });
  }
  return layouts;
}

/**
 * The holes and lone lines a layout has, and the article's structure (its blocks' kinds and
 * pins): the same holes in an article whose words alone changed are not searched again; a new
 * or pinned block is, and so is a line left alone elsewhere.
 */
export function signatureOf(layout: ArticleLayout): string {
  const holes = holesOf(layout).map(
    (hole) => `${hole.page - layout.firstPage}:${hole.column}:${hole.next?.index ?? '-'}`,
  );
  const lone = layout.blocks.flatMap((block) => {
    const kind = loneLine(block);
    return kind ? [`${kind}:${block.end!.page - layout.firstPage}:${block.end!.column}:${block.index}`] : [];
  });
  const structure = layout.blocks.map((block) => `${block.index}${block.kind[0]}${block.pinned ? '!' : ''}`).join();
  return `${[...holes, ...lone].join(' ')} ${createHash('sha256').update(structure).digest('base64url').slice(0, 16)}`;
}

export class PlacementSearch {
  private readonly best = new Map<string, { moves: Moves; badness: number }>();
  private passes = 0;
  readonly plan: PlacementPlan;
  private readonly unsolved: Record<string, string>;

  constructor(memo: PlacementMemo | undefined) {
    const own = memo?.tool === toolVersion() ? memo : undefined;
    this.plan = structuredClone(own?.plan ?? {});
    this.unsolved = { ...(own?.unsolved ?? {}) };
  }

  /** The plan for the next print, from what this one measured; the same plan when it is final. */
  next(layouts: Map<string, ArticleLayout>): PlacementPlan {
    const searching = this.passes++ < PLACEMENT_PASSES;
    const next: PlacementPlan = {};
    for (const [anchor, layout] of layouts) {
      const moves = this.plan[anchor] ?? {};
      const score = badness(layout);
      const best = this.best.get(anchor);
      if (!best || score < best.badness) this.best.set(anchor, { moves, badness: score });
      const kept = this.best.get(anchor)!;
      const known = this.unsolved[anchor] === signatureOf(layout);
      // The search goes on from the current plan, even one that is worse for now (a float
      // deferred once may need to go a column further); when it stops, the best plan seen wins.
      // A block set to start a column that an edit has moved is let go of, whatever the score.
      const stale = staleColumnStarts(layout, moves).length > 0;
      const improved =
        searching && layout.searchable && ((score > 0 && !known) || stale) ? improvedMoves(layout, moves) : moves;
      next[anchor] = sameMoves(improved, moves) ? kept.moves : improved;
      if (score === 0) delete this.unsolved[anchor];
    }
    return next;
  }

  /** What the next build starts from: the final plan and the holes it could not solve. */
  memo(final: Map<string, ArticleLayout>): PlacementMemo {
    const unsolved: Record<string, string> = {};
    for (const [anchor, layout] of final) if (badness(layout) > 0) unsolved[anchor] = signatureOf(layout);
    return { plan: this.plan, unsolved, tool: toolVersion() };
  }

  adopt(plan: PlacementPlan): void {
    for (const key of Object.keys(this.plan)) delete this.plan[key];
    Object.assign(this.plan, plan);
  }
}

export function samePlan(a: PlacementPlan, b: PlacementPlan): boolean {
  const anchors = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...anchors].every((anchor) => sameMoves(a[anchor] ?? {}, b[anchor] ?? {}));
}

function sameMoves(a: Moves, b: Moves): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[Number(key)] === b[Number(key)]);
}
