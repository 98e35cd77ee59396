/**
 * summary: what the image stage did per edition, for the build log. Time is work time (the
 * sum over parallel jobs of the time spent on that edition's files), so it says where the
 * effort went; with several cores it can exceed the wall-clock time of the stage.
 */
import type { Edition, EditionSummary, ImageStageResult } from './types.ts';

export const EDITIONS: readonly Edition[] = ['web', 'epub', 'print'];

export function emptySummary(): ImageStageResult['summary'] {
  const empty = (): EditionSummary => ({ bytesIn: 0, bytesOut: 0, ms: 0, hits: 0, misses: 0 });
  return { web: empty(), epub: empty(), print: empty() };
}

/** One line per edition that did anything, e.g. `web    19 photos 8.4 MB → 3.1 MB  12.3 s  0 cached, 228 made`. */
export function formatImageSummary(summary: ImageStageResult['summary']): string[] {
  const lines: string[] = [];
  for (const edition of EDITIONS) {
    const { bytesIn, bytesOut, ms, hits, misses } = summary[edition];
    if (hits + misses === 0) continue;
    const files = hits + misses;
    lines.push(
      `${edition.padEnd(5)} ${formatBytes(bytesIn).padStart(8)} → ${formatBytes(bytesOut).padEnd(8)} ` +
        `${String(files).padStart(4)} files  ${formatMs(ms).padStart(7)}  ` +
        `${hits} from cache, ${misses} made`,
    );
  }
  return lines.length > 0 ? lines : ['no images'];
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
