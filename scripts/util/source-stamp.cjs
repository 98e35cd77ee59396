// The hash of the command's own code: scripts/, bin/, the compile step, the locked dependencies
// and the TypeScript settings, by content. Plain CommonJS, because the compile step
// (esbuild.config.mjs) stamps the command with it before any TypeScript can run, and the
// launcher (bin/persklaar.cjs) asks it whether the compiled command is older than its sources.
const { createHash } = require('node:crypto');
const { readdirSync, readFileSync, statSync } = require('node:fs');
const path = require('node:path');

/** The stamp of the project at `root`. */
function sourceStamp(root) {
  const hash = createHash('sha256');
  for (const file of sourceFiles(root).sort()) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** The files the stamp is made of. */
function sourceFiles(root) {
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
function filesUnder(entry) {
  const stats = statSync(entry, { throwIfNoEntry: false });
  if (!stats) return [];
  return stats.isFile() ? [entry] : filesIn(entry);
}

/** The files of a folder and its subfolders, in one call (a stat only for a link). */
function filesIn(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    // `parentPath` from Node 20.12; `path` before.
    const parent = entry.parentPath ?? entry.path;
    const { name } = entry;
    if (name.startsWith('.') || name.endsWith('~') || parent.slice(dir.length).includes(`${path.sep}.`)) continue;
    if (entry.isFile()) files.push(`${parent}${path.sep}${name}`);
    else if (entry.isSymbolicLink()) files.push(...filesUnder(`${parent}${path.sep}${name}`));
  }
  return files;
}

module.exports = { sourceStamp, sourceFiles, filesUnder };
