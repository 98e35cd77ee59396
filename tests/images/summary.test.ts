import { describe, expect, it } from 'vitest';
import { formatImageSummary } from '../../scripts/images/index.ts';
import { createLimiter } from '../../scripts/images/limit.ts';
import { emptySummary } from '../../scripts/images/summary.ts';

describe('formatImageSummary', () => {
  it('gives one line per edition that did anything', () => {
    const summary = emptySummary();
    summary.web = { bytesIn: 5 * 1024 * 1024, bytesOut: 1536 * 1024, ms: 12_340, hits: 2, misses: 22 };
    summary.print = { bytesIn: 5 * 1024 * 1024, bytesOut: 900 * 1024, ms: 640, hits: 3, misses: 0 };
    const lines = formatImageSummary(summary);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^web +5\.0 MB → 1\.5 MB +24 files +12\.3 s +2 from cache, 22 made$/);
    expect(lines[1]).toMatch(/^print +5\.0 MB → 900 kB +3 files +640 ms +3 from cache, 0 made$/);
  });

  it('says so when there were no images', () => {
    expect(formatImageSummary(emptySummary())).toEqual(['no images']);
  });
});

describe('createLimiter', () => {
  it('never runs more than its limit at once, and runs everything', async () => {
    const limit = createLimiter(2);
    let active = 0;
    let peak = 0;
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        limit(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((resolve) => setTimeout(resolve, 5 - (index % 3)));
          active--;
          done.push(index);
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('frees the slot when a task fails', async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await expect(limit(() => Promise.resolve('yes'))).resolves.toBe('yes');
  });
});
