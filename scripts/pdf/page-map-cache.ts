/**
 * The page map of the last print, kept in the cache: the next build prints with these
 * contents numbers first (usually final), and an EPUB-only build takes its page list from it.
 */
import { readCacheJson } from '../util/output.ts';
import path from 'node:path';
import type { Article, Issue } from '../issue/load.ts';
import { hashOf, issueCacheDir, toolVersion } from '../util/fingerprint.ts';
import type { PrintedPages as PrintedPageMap } from '../render/print-pages.ts';
import type { StartPages } from './document.ts';
import type { PlacementPlan } from './placement/apply.ts';
import type { PlacementMemo } from './placement/search.ts';
import type { StretchedTexts } from './ragged-paragraphs.ts';

/** What the last print of this issue looked like: kept in the cache for the next build. */
export interface PrintedPages extends PrintedPageMap {
  /** Where the print set each article's floats, and what it could not solve. */
  placement?: PlacementMemo;
  /** Lines the print found stretched, set ragged in the next build's first print (`keptStretched`). */
  stretched?: Record<string, KeptLines>;
}

/** An article's stretched lines, with the key of the text and look they were measured in. */
interface KeptLines {
  key: string;
  lines: string[];
}

/** What the press edition prints with: the accessible print's contents numbers, placement and ragged lines. */
export interface SettledPrint {
  startPages: StartPages;
  placement: PlacementPlan;
  stretched: StretchedTexts;
}

export function pageMapFile(cacheDir: string, issue: Issue): string {
  return path.join(issueCacheDir(cacheDir, issue.dir), 'page-map.json');
}

export async function readPageMapCache(cacheDir: string, issue: Issue): Promise<PrintedPages | undefined> {
  const cached = await readCacheJson<PrintedPages>(pageMapFile(cacheDir, issue));
  const complete = issue.articles.every((article) => Number.isInteger(cached?.startPages?.[article.id]));
  return complete && Number.isInteger(cached?.pageCount) && Array.isArray(cached?.pageStarts) ? cached : undefined;
}

/** Whether two prints put every page in the same place. */
export function samePrint(a: PrintedPages | undefined, b: PrintedPages): boolean {
  return (
    a !== undefined &&
    a.pageCount === b.pageCount &&
    samePages(a.startPages, b.startPages) &&
    JSON.stringify(a.pageStarts) === JSON.stringify(b.pageStarts)
  );
}

/**
 * The stretched lines to keep for the next build, each article's under the key of its text.
 * A line breaks where the article's own text, the code and the theme put it: nothing else.
 */
export function keepStretched(issue: Issue, stretched: StretchedTexts): Record<string, KeptLines> {
  const kept: Record<string, KeptLines> = {};
  for (const article of issue.articles) {
    const lines = stretched[article.id];
    if (lines) kept[article.id] = { key: articleKey(issue, article), lines };
  }
  return kept;
}

/**
 * The stretched lines of the last build for the articles whose text and look are unchanged: a
 * stale line could otherwise end a line that no longer ends there.
 */
export function keptStretched(issue: Issue, cached: PrintedPages | undefined): StretchedTexts {
  const stretched: StretchedTexts = {};
  for (const article of issue.articles) {
    const kept = cached?.stretched?.[article.id];
    if (kept && Array.isArray(kept.lines) && kept.key === articleKey(issue, article))
      stretched[article.id] = kept.lines;
  }
  return stretched;
}

function articleKey(issue: Issue, article: Article): string {
  return hashOf(toolVersion(), JSON.stringify(issue.theme ?? null), String(article.file.value));
}

export function samePages(a: StartPages | undefined, b: StartPages): boolean {
  if (!a) return false;
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((key) => a[key] === b[key]);
}
