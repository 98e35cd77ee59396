/**
 * The build never writes where the editors' sources live. Outputs, staging folders, the lock
 * and the caches all go to the output and cache folders; if either of those lies inside the
 * issue folder or images/ (`--out manuscript/dist`, or a build started from inside the issue
 * folder with the default `dist` and `.cache`), the build refuses before writing anything.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Location } from './location.ts';
import { UsageError } from '../util/errors.ts';
import { isWithin } from '../util/paths.ts';

export function refuseWritesToSources({ issueDir, imagesDir }: Location, targets: Record<string, string>): void {
  const sources = [
    { label: 'the issue folder', dir: resolvedPath(issueDir) },
    { label: 'the photos folder', dir: resolvedPath(imagesDir) },
  ];
  for (const [what, target] of Object.entries(targets)) {
    const resolved = resolvedPath(target);
    const source = sources.find(({ dir }) => isWithin(resolved, dir));
    if (source) {
      throw new UsageError(
        `The ${what} ${target} is inside ${source.label} (${source.dir}); the ` +
          'build never writes there. Choose a folder outside it, e.g. --out ../dist',
      );
    }
  }
}

/** The path with symbolic links resolved as far as it exists (an output folder may not exist yet). */
function resolvedPath(target: string): string {
  const absolute = path.resolve(target);
  const missing: string[] = [];
  let existing = absolute;
  for (;;) {
    try {
      return path.join(realpathSync(existing), ...missing.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return absolute;
      missing.push(path.basename(existing));
      existing = parent;
    }
  }
}
