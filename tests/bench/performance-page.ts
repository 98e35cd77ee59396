/**
 * The bench's table in docs/performance.md: written between two markers, so that the rest of
 * the page (how to read it, what was tried) stays as its authors wrote it.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export const BENCH_START = '<!-- bench:start -->';
export const BENCH_END = '<!-- bench:end -->';

/** The page with `table` in place of whatever stood between the markers. */
export function withBenchTable(page: string, table: string): string {
  const start = page.indexOf(BENCH_START);
  const end = page.indexOf(BENCH_END);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`expected ${BENCH_START}, then ${BENCH_END}, in the performance page`);
  }
  return `${page.slice(0, start + BENCH_START.length)}\n${table.trim()}\n${page.slice(end)}`;
}

/** Writes the table into the page at `file`, whole or not at all. */
export function writeBenchTable(file: string, table: string): void {
  const next = withBenchTable(readFileSync(file, 'utf8'), table);
  writeFileSync(`${file}.tmp`, next);
  renameSync(`${file}.tmp`, file);
}
