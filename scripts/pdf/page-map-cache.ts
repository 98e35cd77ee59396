/**
 * The page map of the last print, kept in the cache: the next build prints with these
 * contents numbers first (usually final), and an EPUB-only build takes its page list from it.
 */
import { readCacheJson } from '../util/output.ts';
import path from 'node:path';
import type { Issue } from '../issue/load.ts';
import { issueCacheDir } from '../util/fingerprint.ts';
import type { PrintedPages as PrintedPageMap } from '../render/print-pages.ts';
import type { StartPages } from './document.ts';
import type { PlacementPlan } from './placement/apply.ts';
import type { PlacementMemo } from './placement/search.ts';

/** What the last print of this issue looked like: kept in the cache for the next build. */
export interface PrintedPages extends PrintedPageMap {
  /** Where the print set each article's floats, and what it could not solve. */
  placement?: PlacementMemo;
}

/** What the press edition prints with: the accessible print's contents numbers and placement. */
export interface SettledPrint {
  startPages: StartPages;
  placement: PlacementPlan;
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

export function samePages(a: StartPages | undefined, b: StartPages): boolean {
  if (!a) return false;
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((key) => a[key] === b[key]);
}
