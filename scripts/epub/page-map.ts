/**
 * The print edition's pagination, as the EPUB needs it: where each printed page begins in the
 * reflowable text. The print stage fills this from the real PDF; the EPUB turns it into
 * `doc-pagebreak` markers and a page-list, so a reader in a meeting can go to "page 16" like
 * everyone holding the paper copy.
 */
import type { Issue } from '../issue/load.ts';
import { frontPageNumbers, type PrintPlace } from '../render/print-pages.ts';

export interface PageMap {
  /** Pages in the printed issue, covers included. */
  totalPages: number;
  articles: {
    /** `Article.id`, e.g. `coos-maas`. */
    id: string;
    /** The printed page the article's title is on. */
    startPage: number;
    /**
     * Later pages of the article: where each begins in the article body's text, as read from
     * the printed PDF (`pdf/page-starts.ts`).
     */
    pages?: (PrintPlace & { page: number })[];
  }[];
}

/** One page break to mark: before the article (`place` undefined) or at a place in its body. */
export interface PageBreak {
  page: number;
  place?: PrintPlace;
}

/**
 * The breaks to mark in each article, checked against the issue. A page is marked once, where
 * it begins: when two articles start on the same printed page, the first one holds it.
 */
export function pageBreaksByArticle(
  issue: Issue,
  pageMap: PageMap,
  blockCounts: ReadonlyMap<string, number>,
): Map<string, PageBreak[]> {
  const problems: string[] = [];
  const { totalPages } = pageMap;
  if (!Number.isInteger(totalPages) || totalPages < 1)
    problems.push(`totalPages must be a positive whole number, got ${totalPages}`);
  const entries = new Map(pageMap.articles.map((entry) => [entry.id, entry]));
  for (const entry of pageMap.articles) {
    if (!issue.articles.some((article) => article.id === entry.id)) problems.push(`unknown article \`${entry.id}\``);
  }

  const seen = new Set<number>();
  const result = new Map<string, PageBreak[]>();
  for (const article of issue.articles) {
    const entry = entries.get(article.id);
    if (!entry) {
      problems.push(`no start page for article \`${article.id}\``);
      continue;
    }
    const inRange = (page: number) => Number.isInteger(page) && page >= 1 && page <= totalPages;
    if (!inRange(entry.startPage))
      problems.push(`\`${article.id}\` starts on page ${entry.startPage}, outside 1–${totalPages}`);
    const blocks = blockCounts.get(article.id) ?? 0;
    const breaks: PageBreak[] = [{ page: entry.startPage }];
    let previous: PrintPlace & { page: number } = { page: entry.startPage, block: 0, letter: 0 };
    for (const { page, block, letter } of entry.pages ?? []) {
      if (page === entry.startPage) continue;
      if (!inRange(page) || page <= previous.page) {
        problems.push(`\`${article.id}\`: page ${page} is out of order or outside ${entry.startPage}–${totalPages}`);
        continue;
      }
      const before = block < previous.block || (block === previous.block && letter < previous.letter);
      if (!Number.isInteger(block) || !Number.isInteger(letter) || block > blocks || before) {
        problems.push(
          `\`${article.id}\`: page ${page} begins in block ${block}, but the body has ${blocks} blocks ` +
            `and the previous page begins in block ${previous.block}`,
        );
        continue;
      }
      breaks.push({ page, place: { block, letter } });
      previous = { page, block, letter };
    }
    result.set(
      article.id,
      breaks.filter((pageBreak) => !seen.has(pageBreak.page) && seen.add(pageBreak.page)),
    );
  }
  if (problems.length > 0) throw new Error(`Invalid page map for the EPUB page-list:\n  ${problems.join('\n  ')}`);
  return result;
}

/** The id of a page's marker; the page-list links to it. */
export function pageId(page: number): string {
  return `page-${page}`;
}

/** The print pages before the first article (the cover, the contents): in no article. */
export function frontPages(pageMap: PageMap): number[] {
  const startPages = Object.fromEntries(pageMap.articles.map((entry) => [entry.id, entry.startPage]));
  return frontPageNumbers({ pageCount: pageMap.totalPages, startPages });
}
