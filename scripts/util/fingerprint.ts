/**
 * Content hashes that decide what a build may skip. The tool's own version is the hash of its
 * code, theme and locked dependencies, so a change to a stylesheet or a renderer counts as a
 * change to every output, exactly like a change to a manuscript.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { filesUnder, sourceStamp } from './source-stamp.cjs';

/** Set by the compile step (esbuild.config.mjs) to the stamp of the sources it compiled. */
declare const PERSKLAAR_SOURCE_STAMP: string | undefined;

const projectRoot = path.resolve(import.meta.dirname, '../..');

let toolHash: string | undefined;

/** The code (as compiled, or as run from the sources by the tests) and the theme, by content. */
export function toolVersion(): string {
  if (toolHash) return toolHash;
  const code = typeof PERSKLAAR_SOURCE_STAMP === 'string' ? PERSKLAAR_SOURCE_STAMP : sourceStamp(projectRoot);
  const hash = createHash('sha256').update(code).update('\0');
  for (const file of filesUnder(path.join(projectRoot, 'styles')).sort()) {
    hash.update(path.relative(projectRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  toolHash = hash.digest('hex');
  return toolHash;
}

export function hashOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/**
 * A cheap stand-in for a file's content hash: path, size, modification and change times and
 * inode, as the image stage's remembered hashes use (`images/source-hashes.ts`). A photo
 * rewritten in place with its old size and modification time still changes its change time.
 */
export function statKey(file: string): string {
  const stats = statSync(file, { throwIfNoEntry: false, bigint: true });
  return stats ? `${file}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}` : `${file}:missing`;
}

/**
 * The cache folder of one issue folder: what a build remembers of its last print and its
 * parsed manuscripts belongs to that folder, not to its slug (a copy of an issue, or the
 * benchmark's issue ×4, must not take another's page numbers).
 */
export function issueCacheDir(cacheDir: string, issueDir: string): string {
  return path.join(path.resolve(cacheDir), 'issues', hashOf(path.resolve(issueDir)).slice(0, 16));
}
