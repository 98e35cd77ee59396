/**
 * The layout report: what the final print could not solve, for the editor to look at, each at
 * the manuscript line of the block concerned. A hole (a column foot blank for more than a
 * quarter of the type area on a page that does not end its article), a paragraph that leaves
 * one line alone at a column's foot or head, and a float set more than one page after the
 * paragraph it follows.
 */
import type { MarkedArticle } from './apply.ts';
import { floatsSetFar, holesOf, loneLine, RUNT, runtPage, type ArticleLayout, type PlacedBlock } from './layout.ts';

export interface LayoutFinding {
  /** The article's anchor (`art-<id>`). */
  anchor: string;
  line?: number;
  ruleId:
    | 'layout-hole'
    | 'layout-orphan'
    | 'layout-widow'
    | 'layout-far-float'
    | 'layout-runt-page'
    | 'layout-reading-order';
  message: string;
}

export function layoutFindings(layouts: Map<string, ArticleLayout>, marked: MarkedArticle[]): LayoutFinding[] {
  const findings: LayoutFinding[] = [];
  for (const article of marked) {
    const layout = layouts.get(article.anchor);
    if (!layout) continue;
    const lineOf = linesOf(article);
    const add = (block: PlacedBlock | undefined, ruleId: LayoutFinding['ruleId'], message: string) =>
      findings.push({ anchor: article.anchor, line: block && lineOf(block.index), ruleId, message });
    for (const hole of holesOf(layout)) {
      const side = hole.column === 0 ? 'left' : 'right';
      add(
        hole.next,
        'layout-hole',
        `Page ${hole.page}: the ${side} column's foot is ${Math.round(hole.blank * 100)} % blank, ` +
          'expected at most 25 %: what follows did not fit there',
      );
    }
    for (const block of layout.blocks) {
      const lone = loneLine(block);
      if (lone === 'orphan')
        add(
          block,
          'layout-orphan',
          `Page ${block.start!.page}: this paragraph leaves its first line alone at a column's foot`,
        );
      if (lone === 'widow')
        add(
          block,
          'layout-widow',
          `Page ${block.end!.page}: this paragraph leaves its last line alone at a column's head`,
        );
    }
    const runt = runtPage(layout);
    if (runt)
      add(
        runt,
        'layout-runt-page',
        `Page ${layout.lastPage}: the article's last page holds next to nothing (less than ${Math.round(RUNT * 100)} % of a column)`,
      );
    for (const far of floatsSetFar(layout))
      add(far, 'layout-far-float', `Page ${far.start!.page}: set more than one page after the paragraph it follows`);
  }
  return findings;
}

/** The manuscript line of a block, or of the nearest block before it that has one. */
function linesOf(article: MarkedArticle): (index: number) => number | undefined {
  const byIndex = new Map(article.blocks.map((block) => [block.index, block.line]));
  return (index) => {
    for (let at = index; at >= 0; at--) if (byIndex.get(at) !== undefined) return byIndex.get(at);
    return undefined;
  };
}
