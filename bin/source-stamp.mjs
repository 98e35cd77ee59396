// The hash of the command's own code: scripts/, bin/, the locked dependencies and the
// TypeScript settings the bundler reads, by content.
// It names the bundle the launcher runs (`persklaar.mjs`) and is part of the tool's version
// (`scripts/util/fingerprint.ts`), so it is worked out once per process and kept where the
// launcher and every bundle it runs find it (each bundle has its own copy of this module).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const remembered = Symbol.for('persklaar.sourceStamp');

/** The stamp of the project at `root`. */
export function sourceStamp(root) {
  const known = globalThis[remembered];
  if (known && known.root === root) return known.stamp;
  const hash = createHash('sha256');
  const files = [...filesUnder(path.join(root, 'scripts')), ...filesUnder(path.join(root, 'bin')), path.join(root, 'package-lock.json'), path.join(root, 'tsconfig.json')];
  for (const file of files.sort()) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  const stamp = hash.digest('hex');
  globalThis[remembered] = { root, stamp };
  return stamp;
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
