/**
 * What a warm image stage needs to know without doing image work.
 *
 * - Source hashes by file identity: a photo whose size, modification and change times (in
 *   nanoseconds) and inode are as when it was last hashed keeps that hash, as git's index and
 *   make trust the same facts. Any write to the file, a copy over it, a `touch` or a chmod
 *   changes one of them, and the file is read and hashed again. As in git, an entry hashed
 *   within two seconds of the file's modification time is not trusted ("racily clean": a
 *   second write in the same clock tick of a coarse file system would keep the times): such a
 *   file is hashed again next time, and trusted from then on.
 * - The encoder's versions (part of every variant key), kept beside the cache under a stamp of
 *   the installed sharp and libvips packages, so that loading sharp (a native library) waits
 *   until a photo really has to be decoded.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readCacheJson, writeFileAtomic } from '../util/output.ts';

export interface SourceStats {
  size: number;
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
}

interface Known extends SourceStats {
  hash: string;
  /** When the hash was taken (nanoseconds since the epoch, as the file times). */
  hashedNs?: string;
}

/** Two seconds: FAT's clock tick, the coarsest a photo folder is likely to be on. */
const RACY_NS = 2_000_000_000n;

export class SourceHashes {
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly known: Record<string, Known>,
  ) {}

  static async read(cacheRoot: string): Promise<SourceHashes> {
    const file = path.join(cacheRoot, 'source-hashes.json');
    const known = await readCacheJson<unknown>(file);
    return new SourceHashes(
      file,
      typeof known === 'object' && known !== null && !Array.isArray(known) ? (known as Record<string, Known>) : {},
    );
  }

  get(source: string, stats: SourceStats): string | undefined {
    const known = this.known[source];
    const same =
      known &&
      known.size === stats.size &&
      known.mtimeNs === stats.mtimeNs &&
      known.ctimeNs === stats.ctimeNs &&
      known.ino === stats.ino;
    if (!same || typeof known.hash !== 'string' || !known.hashedNs) return undefined;
    return BigInt(known.hashedNs) - BigInt(stats.mtimeNs) >= RACY_NS ? known.hash : undefined;
  }

  set(source: string, stats: SourceStats, hash: string): void {
    this.known[source] = { ...stats, hash, hashedNs: String(BigInt(Date.now()) * 1_000_000n) };
    this.changed = true;
  }

  /** Saves what changed; photos that no longer exist are forgotten then. */
  async write(): Promise<void> {
    if (!this.changed) return;
    for (const source of Object.keys(this.known)) if (!existsSync(source)) delete this.known[source];
    await writeFileAtomic(this.file, JSON.stringify(this.known));
    this.changed = false;
  }
}

const require = createRequire(import.meta.url);

/** Worked out once per process (a build places its photos in two passes; watch, every build). */
const engines = new Map<string, Promise<string>>();

/** "sharp 0.35.5, libvips 8.18.7", from the cache when the installed packages are the same. */
export function sharpEngine(cacheRoot: string): Promise<string> {
  let engine = engines.get(cacheRoot);
  if (!engine) {
    engine = findSharpEngine(cacheRoot);
    engines.set(cacheRoot, engine);
    // A failure is not remembered: the next call tries again.
    engine.catch(() => engines.delete(cacheRoot));
  }
  return engine;
}

async function findSharpEngine(cacheRoot: string): Promise<string> {
  const stamp = await packagesStamp();
  const file = path.join(cacheRoot, 'engine.json');
  const known = await readCacheJson<{ stamp?: string; engine?: string }>(file);
  if (stamp && known?.stamp === stamp && typeof known.engine === 'string') return known.engine;
  const { default: sharp } = await import('sharp');
  const engine = `sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}`;
  if (stamp) await writeFileAtomic(file, JSON.stringify({ stamp, engine }));
  return engine;
}

/** A hash of sharp's package.json and those of its native @img packages; undefined if not found. */
async function packagesStamp(): Promise<string | undefined> {
  try {
    // sharp exports no package.json: its folder is found from its entry point.
    const sharpPackage = packageJsonAbove(require.resolve('sharp'), 'sharp');
    const imgDir = path.join(path.dirname(sharpPackage), '..', '@img');
    const natives = (await readdir(imgDir).catch(() => [] as string[]))
      .sort()
      .map((name) => path.join(imgDir, name, 'package.json'));
    const hash = createHash('sha256');
    for (const file of [sharpPackage, ...natives])
      hash
        .update(file)
        .update('\0')
        .update(await readFile(file).catch(() => Buffer.alloc(0)))
        .update('\0');
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

function packageJsonAbove(entry: string, name: string): string {
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (path.basename(dir) === name) return path.join(dir, 'package.json');
  }
  throw new Error(`no ${name} package above ${entry}`);
}
