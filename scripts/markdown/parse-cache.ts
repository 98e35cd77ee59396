/**
 * Parsed manuscripts, remembered between builds: an edit to one article parses that article
 * only. Each article's tree is kept under the hash of its text and of the tool's own code, one
 * file per article name (the newest replaces the last; the file of an article no longer in the
 * issue goes when the issue is next loaded whole), in the issue's cache folder. Only trees
 * parsed without an error are kept; a file that does not read back as the same key is parsed
 * again.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { hasFatal } from '../util/errors.ts';
import { hashOf, issueCacheDir, toolVersion } from '../util/fingerprint.ts';
import { readCacheJson, writeFileAtomic } from '../util/output.ts';

interface Entry {
  key: string;
  tree: Root;
}

export async function parseWithCache(file: VFile, cacheDir: string, issueDir: string, name: string): Promise<Root> {
  const key = hashOf(toolVersion(), String(file.value));
  const entryFile = path.join(parsedDir(cacheDir, issueDir), `${name}.json`);
  const cached = await readCacheJson<Entry>(entryFile);
  if (cached?.key === key && cached.tree?.type === 'root') return cached.tree;
  // The parser and its plugins (GFM, directives, math, the emoji list) load only when a
  // manuscript has changed: a rebuild from the cache does not pay for them.
  const { parseMarkdown } = await import('./parse.ts');
  const tree = parseMarkdown(file);
  if (!hasFatal(file)) await writeFileAtomic(entryFile, JSON.stringify({ key, tree } satisfies Entry));
  return tree;
}

/**
 * Removes the trees of articles the issue no longer lists (temporaries of a build under way are hidden files, and
 * stay).
 */
export async function forgetOtherArticles(cacheDir: string, issueDir: string, names: readonly string[]): Promise<void> {
  const dir = parsedDir(cacheDir, issueDir);
  const kept = new Set(names.map((name) => `${name}.json`));
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  await Promise.all(
    entries
      .filter(
        (entry) =>
          entry.isFile() && entry.name.endsWith('.json') && !entry.name.startsWith('.') && !kept.has(entry.name),
      )
      .map((entry) => rm(path.join(dir, entry.name), { force: true })),
  );
}

function parsedDir(cacheDir: string, issueDir: string): string {
  return path.join(issueCacheDir(cacheDir, issueDir), 'parsed');
}
