/**
 * cache: content-addressed storage of everything sharp made, so a rebuild with the same
 * photos does no image work at all.
 *
 * A variant's key is a sha256 over the source bytes, the variant's options and the sharp and
 * libvips versions (see variants.ts); a source's facts (size, credit) are kept under the hash
 * of its bytes. Entries are written under a temporary name and renamed into place
 * (`writeFileAtomic`), so a build that is interrupted, or two builds at once, never leave a
 * half-written entry: an entry either exists whole or not at all. The data file is written
 * before its description, and a description whose file is missing or of the wrong size counts
 * as a miss.
 */
import { copyFile, link, mkdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Variant } from './types.ts';
import { readCacheJson, writeFileAtomic } from '../util/output.ts';

/** Bumped when the layout of the cache changes, so old entries are simply not found. */
const LAYOUT = 'v1';

export interface CachedVariant {
  /** Absolute path of the data in the cache. */
  file: string;
  width: number;
  height: number;
  mediaType: Variant['mediaType'];
  bytes: number;
}

export class ImageCache {
  readonly root: string;

  constructor(dir: string) {
    this.root = path.join(path.resolve(dir), LAYOUT);
  }

  async readSource<T>(hash: string): Promise<T | undefined> {
    return readCacheJson<T>(this.sourcePath(hash));
  }

  async writeSource(hash: string, facts: unknown): Promise<void> {
    await writeFileAtomic(this.sourcePath(hash), JSON.stringify(facts));
  }

  async lookup(key: string, extension: string): Promise<CachedVariant | undefined> {
    const file = this.variantPath(key, extension);
    const description = await readCacheJson<Omit<CachedVariant, 'file'>>(`${file}.json`);
    if (!description) return undefined;
    const size = await stat(file).then(
      (stats) => stats.size,
      () => -1,
    );
    return size === description.bytes ? { ...description, file } : undefined;
  }

  async store(
    key: string,
    extension: string,
    data: Buffer,
    info: Omit<CachedVariant, 'file' | 'bytes'>,
  ): Promise<CachedVariant> {
    const file = this.variantPath(key, extension);
    const description = { width: info.width, height: info.height, mediaType: info.mediaType, bytes: data.length };
    await writeFileAtomic(file, data);
    await writeFileAtomic(`${file}.json`, JSON.stringify(description));
    return { ...description, file };
  }

  private sourcePath(hash: string): string {
    return path.join(this.root, 'sources', hash.slice(0, 2), `${hash}.json`);
  }

  private variantPath(key: string, extension: string): string {
    return path.join(this.root, 'variants', key.slice(0, 2), `${key}.${extension}`);
  }
}

/**
 * Puts a cached file into an edition's folder: a hard link where the cache and the output
 * share a file system (no bytes copied), a copy otherwise. Names are content-addressed, so a
 * file already there with the right size is the right file and is left alone. The common case
 * (a fresh folder being staged) costs one system call per file.
 */
export async function placeFile(cached: CachedVariant, destination: string, retried = false): Promise<void> {
  const code = await link(cached.file, destination).then(
    () => undefined,
    (error: NodeJS.ErrnoException) => error.code ?? 'error',
  );
  if (code === undefined) return;
  if (code === 'ENOENT' && !retried) {
    await mkdir(path.dirname(destination), { recursive: true });
    return placeFile(cached, destination, true);
  }
  if (code === 'EEXIST' && !retried) {
    const existing = await stat(destination).catch(() => undefined);
    if (existing?.isFile() && existing.size === cached.bytes) return;
    await unlink(destination).catch(() => undefined);
    return placeFile(cached, destination, true);
  }
  // Another file system (EXDEV), or links not allowed: a copy.
  await mkdir(path.dirname(destination), { recursive: true });
  await copyFile(cached.file, destination);
}
