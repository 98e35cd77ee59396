/**
 * Where a command reads and writes, resolved once when it starts (as Vivliostyle's
 * `config/resolve.ts` does): the issue folder, its photos, the output and the cache, as
 * absolute paths that every stage takes as they are.
 */
import path from 'node:path';
import { imagesDirOf } from './images-dir.ts';

export interface Location {
  issueDir: string;
  /** `images/` inside the issue folder, else beside it. */
  imagesDir: string;
  outDir: string;
  /** Image variants, page maps, parsed manuscripts, build states, checked links. */
  cacheDir: string;
}

export const DEFAULT_ISSUE_DIR = 'manuscript';
export const DEFAULT_OUT_DIR = 'dist';

/** The cache: as given, else `PERSKLAAR_CACHE_DIR` (benchmarks, CI caches), else `.cache`. */
export function resolveCacheDir(given?: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(given ?? env.PERSKLAAR_CACHE_DIR ?? '.cache');
}

export function resolveLocation(given: { issueDir: string; outDir: string; cacheDir?: string }): Location {
  const issueDir = path.resolve(given.issueDir);
  return {
    issueDir,
    imagesDir: imagesDirOf(issueDir),
    outDir: path.resolve(given.outDir),
    cacheDir: resolveCacheDir(given.cacheDir),
  };
}
