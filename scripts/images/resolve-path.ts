/**
 * resolve-path: a name as written in a manuscript → the photo's real path inside images/.
 *
 * Names are file names in images/, or paths relative to the manuscript that land in images/.
 * Anything that leads elsewhere is refused, symbolic links included: the build reads only the
 * photographer's folder, so a manuscript cannot pull `../../.ssh/id_rsa` into an EPUB.
 */
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../util/paths.ts';

export type Resolution = { ok: true; path: string } | { ok: false; reason: string };

export async function resolveImagePath(name: string, imagesDir: string, baseDir: string): Promise<Resolution> {
  const folder = `${path.basename(imagesDir)}/`;
  if (name.trim() === '') return { ok: false, reason: 'the image has no file name' };
  // A Windows drive letter (`C:\`) is a path, not a scheme: it is refused below as absolute.
  if (/^[a-z][a-z0-9+.-]+:/i.test(name)) {
    return { ok: false, reason: `remote images are not supported; put the photo in ${folder} and use its file name` };
  }
  if (path.posix.isAbsolute(name) || path.win32.isAbsolute(name)) {
    return { ok: false, reason: `absolute paths are refused; use the photo's file name in ${folder}` };
  }

  const names = [...new Set([name, decodePercent(name)])];
  const candidates = [...new Set(names.flatMap((each) => [path.resolve(imagesDir, each), path.resolve(baseDir, each)]))];
  const inside = candidates.filter((candidate) => isInside(candidate, imagesDir));
  if (inside.length === 0) return { ok: false, reason: `the path leads outside ${folder}; use the photo's file name in ${folder}` };

  const realImagesDir = await realpathOrUndefined(imagesDir);
  if (realImagesDir === undefined) return { ok: false, reason: `the file does not exist: there is no ${folder} folder at ${imagesDir}` };
  for (const candidate of inside) {
    const real = await realpathOrUndefined(candidate);
    if (real === undefined) continue;
    if (!isInside(real, realImagesDir)) {
      return { ok: false, reason: `the path leads outside ${folder} through a symbolic link; copy the photo into ${folder} instead` };
    }
    return { ok: true, path: real };
  }
  return { ok: false, reason: `the file does not exist in ${folder}${await suggestion(name, imagesDir)}` };
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
async function suggestion(name: string, imagesDir: string): Promise<string> {
  const wanted = path.basename(name).toLowerCase();
  const files = await readdir(imagesDir).catch(() => [] as string[]);
  const match = files.find((file) => file.toLowerCase() === wanted);
  return match ? ` (did you mean \`${match}\`?)` : '';
}
