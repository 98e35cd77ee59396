/**
 * What the last build of an output folder was made from. Kept light on purpose: deciding that
 * nothing changed needs no Markdown parser, no image library and no browser — only the bytes
 * of the manuscripts, the sizes and times of the photos, the tool's own version, and whether
 * issue.yaml asks for the press edition.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Location } from '../issue/location.ts';
import { hashOf, statKey, toolVersion } from '../util/fingerprint.ts';
import { readCacheJson, writeFileAtomic } from '../util/output.ts';

/** What a plain `build` makes. */
export const editions = ['web', 'pdf', 'epub'] as const;
/** Every edition `--only` can ask for: the press PDF is made only when asked. */
export const allEditions = [...editions, 'press'] as const;
export type EditionName = (typeof allEditions)[number];

/** Per edition the key it was last built from, and the issue's slug (which names the outputs). */
export type BuildState = Partial<Record<EditionName, string>> & { slug?: string };

function stateFile({ outDir, cacheDir }: Location): string {
  return path.join(cacheDir, 'builds', `${hashOf(outDir).slice(0, 16)}.json`);
}

export async function readBuildState(location: Location): Promise<BuildState> {
  return (await readCacheJson<BuildState>(stateFile(location))) ?? {};
}

export async function writeBuildState(location: Location, state: BuildState): Promise<void> {
  await writeFileAtomic(stateFile(location), JSON.stringify(state, null, 2));
}

/** Everything the editions are made from, as one hash: text by content, photos by size and time. */
export async function inputFingerprint({ issueDir: dir, imagesDir }: Location): Promise<string> {
  const texts = (await readdir(dir, { withFileTypes: true }))
    // A printer's profile kept beside issue.yaml (press.profile) is an input of the press edition.
    .filter(
      (entry) =>
        !entry.isDirectory() &&
        (['issue.yaml', 'thema.yaml'].includes(entry.name) ||
          entry.name.endsWith('.md') ||
          /\.ic[cm]$/i.test(entry.name)),
    )
    .map((entry) => entry.name)
    .sort();
  const photos = (await readdir(imagesDir).catch(() => [] as string[])).sort();
  return hashOf(
    toolVersion(),
    ...(await Promise.all(texts.map(async (name) => hashOf(name, await readFile(path.join(dir, name)))))),
    ...photos.map((name) => statKey(path.join(imagesDir, name))),
    ...(await filesBelow(dir, imagesDir)).map((file) => statKey(file)),
  );
}

/** Images beside the manuscripts (`media/x.png`): files in the issue's own subfolders, a few levels deep. */
async function filesBelow(dir: string, imagesDir: string, depth = 3): Promise<string[]> {
  if (depth === 0) return [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && path.join(dir, entry.name) !== imagesDir)
    .map((entry) => path.join(dir, entry.name))
    .sort();
  const nested = await Promise.all(
    folders.map(async (folder) => {
      const inner = await readdir(folder, { withFileTypes: true }).catch(() => []);
      const files = inner
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(folder, entry.name))
        .sort();
      return [...files, ...(await filesBelow(folder, imagesDir, depth - 1))];
    }),
  );
  return nested.flat();
}

export function editionKey(edition: EditionName, inputs: string): string {
  return hashOf(edition, inputs);
}

export function outputPaths(dir: string, slug: string): Record<EditionName, string> {
  return {
    web: path.join(dir, 'web', 'index.html'),
    pdf: path.join(dir, `${slug}.pdf`),
    epub: path.join(dir, `${slug}.epub`),
    press: path.join(dir, `${slug}-press.pdf`),
  };
}

/**
 * What a build without `--only` makes: the three editions, and the press PDF when issue.yaml
 * asks for it. The YAML parser is loaded only for a file that names the press at all: most
 * builds never need it.
 */
export async function defaultEditions(issueDir: string): Promise<EditionName[]> {
  const text = await readFile(path.join(issueDir, 'issue.yaml'), 'utf8').catch(() => '');
  if (!text.includes('press')) return [...editions];
  const { pressAsked } = await import('../issue/press-asked.ts');
  return pressAsked(text) ? [...editions, 'press'] : [...editions];
}

/**
 * The editions that need building. The slug (for the output names) is read from the last
 * build's state, so that the answer needs no YAML parser either.
 */
export interface BuildPlan {
  stale: EditionName[];
  /** The input fingerprint the stale editions will be recorded under. */
  inputs: string;
  state: BuildState;
}

export async function editionsToBuild(
  location: Location,
  wanted: readonly EditionName[],
  force = false,
): Promise<BuildPlan> {
  const [state, inputs] = await Promise.all([readBuildState(location), inputFingerprint(location)]);
  const outputs = state.slug ? outputPaths(location.outDir, state.slug) : undefined;
  const stale = wanted.filter(
    (edition) => force || !outputs || state[edition] !== editionKey(edition, inputs) || !existsSync(outputs[edition]),
  );
  return { stale, inputs, state };
}
