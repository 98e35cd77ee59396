/**
 * Merged faces kept in the cache, so that a build in a fresh process merges only the
 * faces an edit changed (`merged-face.ts` keeps them within a process). One file per face,
 * named by the key of the subsets it was made from; a file of another tool, or one that does
 * not read back whole, is no memo.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { toolVersion } from '../../../util/fingerprint.ts';
import { writeFileAtomic } from '../../../util/output.ts';
import type { MergedFace } from './merged-face.ts';

interface StoredFace {
  tool: string;
  /** Undefined: the subsets could not be merged. */
  face?: Omit<MergedFace, 'program' | 'toUnicode'> & { program: string; toUnicode: string };
}

const FILE = /^([0-9a-f]{64})\.json$/;

export async function readFaces(dir: string): Promise<Map<string, MergedFace | undefined>> {
  const faces = new Map<string, MergedFace | undefined>();
  const files = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    files.map(async (file) => {
      const key = FILE.exec(file)?.[1];
      const stored = key && (await readStored(path.join(dir, file)));
      if (!key || !stored) return;
      faces.set(
        key,
        stored.face && {
          ...stored.face,
          program: Buffer.from(stored.face.program, 'base64'),
          toUnicode: Buffer.from(stored.face.toUnicode, 'base64'),
        },
      );
    }),
  );
  return faces;
}

/** Keeps exactly `faces` in `dir`: those not there yet are written, the others removed. */
export async function writeFaces(dir: string, faces: ReadonlyMap<string, MergedFace | undefined>): Promise<void> {
  const present = new Set(await readdir(dir).catch(() => [] as string[]));
  const wanted = new Set([...faces.keys()].map((key) => `${key}.json`));
  await Promise.all([
    ...[...faces]
      .filter(([key]) => !present.has(`${key}.json`))
      .map(([key, face]) => writeFileAtomic(path.join(dir, `${key}.json`), JSON.stringify(stored(face)))),
    ...[...present]
      .filter((file) => FILE.test(file) && !wanted.has(file))
      .map((file) => rm(path.join(dir, file), { force: true })),
  ]);
}

function stored(face: MergedFace | undefined): StoredFace {
  if (!face) return { tool: toolVersion() };
  return {
    tool: toolVersion(),
    face: {
      ...face,
      program: Buffer.from(face.program).toString('base64'),
      toUnicode: Buffer.from(face.toUnicode).toString('base64'),
    },
  };
}

async function readStored(file: string): Promise<StoredFace | undefined> {
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as StoredFace;
    if (stored.tool !== toolVersion()) return undefined;
    const face = stored.face;
    const whole =
      !face ||
      (typeof face.program === 'string' &&
        typeof face.toUnicode === 'string' &&
        typeof face.programLength === 'number' &&
        typeof face.fallback === 'number' &&
        Array.isArray(face.widthRuns) &&
        Array.isArray(face.box));
    if (!whole) return undefined;
    return stored;
  } catch {
    return undefined;
  }
}
