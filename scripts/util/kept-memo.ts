/**
 * What the last build worked out, kept by a key in a file of the cache for the next
 * build to take instead of working it out again. Written with only what this build used, so
 * the file holds one build's worth and does not grow; a file of another tool is not taken.
 */
import { readCacheJson, writeFileAtomic } from './output.ts';

export class KeptMemo<T> {
  private readonly used = new Map<string, T>();
  constructor(private readonly known: ReadonlyMap<string, T> = new Map()) {}

  static async read<T>(file: string, version: string): Promise<KeptMemo<T>> {
    return new KeptMemo<T>(await keptEntries<T>(file, version));
  }

  /** What is kept under `key`, or what `make` works out (kept from now on). */
  get(key: string, make: () => T): T {
    const value = this.known.get(key) ?? this.used.get(key) ?? make();
    this.used.set(key, value);
    return value;
  }

  write(file: string, version: string): Promise<void> {
    return writeFileAtomic(file, JSON.stringify({ version, entries: Object.fromEntries(this.used) }));
  }
}

/** The entries of a memo file that `version` wrote; none from another. */
export async function keptEntries<T>(file: string, version: string): Promise<Map<string, T>> {
  const stored = await readCacheJson<{ version: string; entries: Record<string, T> }>(file);
  return stored?.version === version && stored.entries ? new Map(Object.entries(stored.entries)) : new Map();
}
