/**
 * resolve-path: a name as written in a manuscript → the image's real path.
 *
 * As every Markdown tool does, a path is read relative to the manuscript first (`media/x.png`
 * beside the chapter), then as a name in the issue's images/ folder. Either way it must stay in
 * the issue folder or in images/; anything that leads elsewhere is refused, symbolic links
 * included, so a manuscript cannot pull `../../.ssh/id_rsa` into an EPUB.
 */
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../util/paths.ts';

export type Resolution = { ok: true; path: string } | { ok: false; reason: string };

/**
 * `baseDir` is the manuscript's folder, `issueDir` the issue folder it may read from (the
 * manuscript's folder when not given).
 */
export async function resolveImagePath(
  name: string,
  imagesDir: string,
  baseDir: string,
  issueDir = baseDir,
): Promise<Resolution> {
  const folder = `${path.basename(imagesDir)}/`;
  if (name.trim() === '') return { ok: false, reason: 'the image has no file name' };
  // A Windows drive letter (`C:\`) is a path, not a scheme: it is refused below as absolute.
  if (/^[a-z][a-z0-9+.-]+:/i.test(name)) {
    return { ok: false, reason: `remote images are not supported; put the image in ${folder} and use its file name` };
  }
  if (path.posix.isAbsolute(name) || path.win32.isAbsolute(name)) {
    return {
      ok: false,
      reason: `absolute paths are refused; use a path relative to the manuscript or the file name in ${folder}`,
    };
  }

  // Beside the manuscript it may be anywhere in the issue folder (or in images/ beside it); as a
  // name in images/ it must stay there.
  const names = [...new Set([name, decodePercent(name)])];
  const candidates = names.flatMap((each) => [
    { path: path.resolve(baseDir, each), roots: [issueDir, imagesDir] },
    { path: path.resolve(imagesDir, each), roots: [imagesDir] },
  ]);
  const inside = candidates.filter((candidate) => candidate.roots.some((root) => isInside(candidate.path, root)));
  if (inside.length === 0) {
    return { ok: false, reason: `the path leads outside ${folder} and the issue folder; use a path inside them` };
  }

  for (const candidate of inside) {
    const real = await realpathOrUndefined(candidate.path);
    if (real === undefined) continue;
    const realRoots = await Promise.all(candidate.roots.map(realpathOrUndefined));
    if (!realRoots.some((root) => root !== undefined && isInside(real, root))) {
      return {
        ok: false,
        reason: `the path leads outside ${folder} through a symbolic link; copy the image into ${folder} instead`,
      };
    }
    return { ok: true, path: real };
  }
  return {
    ok: false,
    reason:
      `the file does not exist in ${folder} nor beside the ` +
      `manuscript${await suggestion(name, [baseDir, imagesDir])}`,
  };
}

async function realpathOrUndefined(file: string): Promise<string | undefined> {
  try {
    return await realpath(file);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function decodePercent(name: string): string {
  try {
    return decodeURI(name);
  } catch {
    return name;
  }
}

/** Case is the usual culprit when a camera writes `IMG_0042.JPG` and the text says `.jpg`. */
async function suggestion(name: string, dirs: string[]): Promise<string> {
  const wanted = path.basename(name).toLowerCase();
  for (const dir of dirs) {
    const folder = path.resolve(dir, path.dirname(name));
    const files = await readdir(folder).catch(() => [] as string[]);
    const match = files.find((file) => file.toLowerCase() === wanted);
    if (match) return ` (did you mean \`${path.relative(dir, path.join(folder, match)).split(path.sep).join('/')}\`?)`;
  }
  return '';
}
