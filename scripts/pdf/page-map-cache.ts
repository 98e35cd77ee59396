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
import type { Root } from 'hast';
import { lineKeys, linesWithKeys } from './line-keys.ts';
import type { StretchedTexts } from './ragged-paragraphs.ts';

/** What the last print of this issue looked like: kept in the cache for the next build. */
export interface PrintedPages extends PrintedPageMap {
  /** Where the print set each article's floats, and what it could not solve. */
  placement?: PlacementMemo;
  /** Lines the print found stretched, set ragged in the next build's first print (`keptStretched`). */
  stretched?: Record<string, KeptLines>;
}

/**
 * An article's stretched lines, with the key of the text and look they were measured in and,
 * line by line, the key of what the line breaker had read when it ended the line (`line-keys.ts`).
 */
interface KeptLines {
  key: string;
  look?: string;
  lines: string[];
  lineKeys?: string[];
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
 * The stretched lines to keep for the next build, each article's under the key of its text and
 * each line under its own key in `tree`, the print document they were found in (`line-keys.ts`).
 * The keys of an article whose text and lines are those of the `last` build are taken as they
 * were: a key names what the line breaker read, whichever build it was read in.
 */
export function keepStretched(
  issue: Issue,
  stretched: StretchedTexts,
  tree: Root,
  last?: PrintedPages,
): Record<string, KeptLines> {
  const kept: Record<string, KeptLines> = {};
  const toRead: StretchedTexts = {};
  for (const article of issue.articles) {
    const lines = stretched[article.id];
    if (!lines) continue;
    const entry: KeptLines = { key: articleKey(issue, article), look: lookKey(issue), lines };
    kept[article.id] = entry;
    const before = last?.stretched?.[article.id];
    if (before?.key === entry.key && sameList(before.lines, lines) && before.lineKeys?.length === lines.length)
      entry.lineKeys = before.lineKeys;
    else toRead[article.id] = lines;
  }
  for (const [id, keys] of Object.entries(lineKeys(tree, toRead))) kept[id]!.lineKeys = keys;
  return kept;
}

function sameList(a: unknown, b: string[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((item, index) => item === b[index]);
}

/**
 * The stretched lines of the last build that still break as they did: all of an article whose
 * text and look are unchanged; of an edited article, those whose key is unchanged in `tree`
 * (the print document about to be printed, its floats placed). A stale line could otherwise
 * end a line that no longer ends there.
 */
export function keptStretched(issue: Issue, cached: PrintedPages | undefined, tree?: Root): StretchedTexts {
  const stretched: StretchedTexts = {};
  for (const article of issue.articles) {
    const kept = cached?.stretched?.[article.id];
    if (!kept || !Array.isArray(kept.lines)) continue;
    if (kept.key === articleKey(issue, article)) stretched[article.id] = kept.lines;
    else if (tree && kept.look === lookKey(issue) && kept.lineKeys?.length === kept.lines.length) {
      const lines = linesWithKeys(tree, article.id, kept.lines, kept.lineKeys);
      if (lines.length > 0) stretched[article.id] = lines;
    }
  }
  return stretched;
}

function articleKey(issue: Issue, article: Article): string {
  return hashOf(lookKey(issue), String(article.file.value));
}

function lookKey(issue: Issue): string {
  return hashOf(toolVersion(), JSON.stringify(issue.theme ?? null));
}

export function samePages(a: StartPages | undefined, b: StartPages): boolean {
  if (!a) return false;
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((key) => a[key] === b[key]);
}
