// The hash of the command's own code: scripts/, bin/, the compile step, the locked dependencies
// and the TypeScript settings, by content. Plain JavaScript, because the compile step
// (esbuild.config.mjs) stamps the command with it before any TypeScript can run.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The stamp of the project at `root`. */
export function sourceStamp(root) {
  const hash = createHash('sha256');
  for (const file of sourceFiles(root).sort()) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** The files the stamp is made of. */
export function sourceFiles(root) {
  return [
    ...filesUnder(path.join(root, 'scripts')),
    ...filesUnder(path.join(root, 'bin')),
    ...['esbuild.config.mjs', 'package-lock.json', 'tsconfig.json'].flatMap((name) =>
      filesUnder(path.join(root, name)),
    ),
  ];
}

/**
 * Every file under `entry` (or `entry` itself), in no particular order; an editor's hidden
 * swap files and `~` backups beside the sources are not part of them.
 */
export function filesUnder(entry) {
  const stats = statSync(entry, { throwIfNoEntry: false });
  if (!stats) return [];
  if (stats.isFile()) return [entry];
  return readdirSync(entry)
    .filter((name) => !name.startsWith('.') && !name.endsWith('~'))
    .flatMap((name) => filesUnder(path.join(entry, name)));
}
