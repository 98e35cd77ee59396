import { describe, expect, it } from 'vitest';
import { BENCH_END, BENCH_START, withBenchTable } from './performance-page.ts';

describe('the bench table in docs/performance.md', () => {
  const page = ['# Performance', 'Before.', BENCH_START, '| old | table |', BENCH_END, 'After.', ''].join('\n');

  it('replaces what stands between the markers and keeps the rest of the page', () => {
    const next = withBenchTable(page, '| new | table |\n| --- | --- |\n');
    expect(next).toBe(
      ['# Performance', 'Before.', BENCH_START, '| new | table |', '| --- | --- |', BENCH_END, 'After.', ''].join('\n'),
    );
    expect(withBenchTable(next, '| new | table |\n| --- | --- |')).toBe(next);
  });

  it('refuses a page without both markers, in order', () => {
    expect(() => withBenchTable('# Performance\n', '| t |')).toThrow(BENCH_START);
    expect(() => withBenchTable(`${BENCH_END}\n${BENCH_START}\n`, '| t |')).toThrow('expected');
  });
});
