/**
 * Merged faces kept in the cache (`scripts/pdf/join/fonts/face-store.ts`): what is
 * written reads back the same, the folder keeps only the faces of the last join, and a file
 * that does not read back whole, or one another tool wrote, is no memo.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFaces, writeFaces } from '../../../scripts/pdf/join/fonts/face-store.ts';
import type { MergedFace } from '../../../scripts/pdf/join/fonts/merged-face.ts';

const face: MergedFace = {
  program: new Uint8Array([1, 2, 3, 250]),
  programLength: 9,
  fallback: 497,
  widthRuns: [[3, [588, 230.5]]],
  toUnicode: new Uint8Array([9, 8, 7]),
  box: [-10, -250, 1200, 900],
};
const key = (char: string) => char.repeat(64);

describe('merged faces kept in the cache', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'persklaar-faces-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what was written, a face that could not be merged included', async () => {
    await writeFaces(
      dir,
      new Map([
        [key('a'), face],
        [key('b'), undefined],
      ]),
    );
    const read = await readFaces(dir);
    expect([...read.keys()].sort()).toEqual([key('a'), key('b')]);
    expect({
      ...read.get(key('a'))!,
      program: [...read.get(key('a'))!.program],
      toUnicode: [...read.get(key('a'))!.toUnicode],
    }).toEqual({
      ...face,
      program: [...face.program],
      toUnicode: [...face.toUnicode],
    });
    expect(read.get(key('b'))).toBeUndefined();
  });

  it('keeps only the faces of the last join', async () => {
    await writeFaces(dir, new Map([[key('c'), face]]));
    expect(readdirSync(dir)).toEqual([`${key('c')}.json`]);
  });

  it('takes nothing from a file cut short or written by another tool', async () => {
    writeFileSync(path.join(dir, `${key('d')}.json`), '{"tool":');
    writeFileSync(
      path.join(dir, `${key('e')}.json`),
      JSON.stringify({ tool: 'another', face: { ...face, program: 'AQID', toUnicode: 'CQgH' } }),
    );
    const read = await readFaces(dir);
    expect([...read.keys()]).toEqual([key('c')]);
  });
});
