/**
 * Outputs appear whole or not at all: everything is written beside its destination under a
 * temporary name and renamed into place, so a failed or interrupted build leaves the previous
 * output exactly as it was, and a reader never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

function temporarySibling(target: string, kind: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${kind}-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
}

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = temporarySibling(target, 'tmp');
  try {
    await writeFile(temporary, data);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * What a cache file holds, or undefined when it is missing or does not parse: for a cache a
 * miss, never an error (the entry is made again and overwrites it). Callers check the shape.
 */
export async function readCacheJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** A folder being built beside its destination; `commit` swaps it in, `discard` drops it. */
export interface StagedDir {
  path: string;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Stages a whole folder in a temporary sibling. Committing is two renames, so the window in
 * which `target` is absent is microseconds, and a partial folder is never visible.
 */
export async function stageDir(target: string): Promise<StagedDir> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = temporarySibling(target, 'tmp');
  await mkdir(temporary);
  return {
    path: temporary,
    async commit() {
      const old = temporarySibling(target, 'old');
      const hadTarget = await rename(target, old).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false;
          throw error;
        },
      );
      await rename(temporary, target);
      if (hadTarget) await rm(old, { recursive: true, force: true });
    },
    async discard() {
      await rm(temporary, { recursive: true, force: true });
    },
  };
}
