import { readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIssue } from '../../scripts/issue/load.ts';
import { processImages } from '../../scripts/images/index.ts';
import type { Edition, ImageStageOptions, ImageStageResult } from '../../scripts/images/types.ts';
import { countingSharp, figure, makeIssue, photo, type TestIssue } from './fixtures.ts';

const ALL: Edition[] = ['web', 'epub', 'print'];

describe('the image cache', () => {
  let fixture: TestIssue;
  let cold: { result: ImageStageResult; pipelines: number; files: Map<string, Buffer> };

  async function run(editions: Edition[] = ALL, extra: Partial<ImageStageOptions> = {}) {
    const counter = countingSharp();
    const result = await processImages(fixture.issue, {
      outDir: fixture.outDir,
      editions,
      cacheDir: fixture.cacheDir,
      sharp: counter.sharp,
      ...extra,
    });
    return { result, pipelines: counter.count(), files: await outputFiles() };
  }

  async function outputFiles(): Promise<Map<string, Buffer>> {
    const files = new Map<string, Buffer>();
    for (const dir of Object.values(fixture.outDir)) {
      for (const name of await readdir(dir).catch(() => []))
        files.set(path.join(path.basename(dir), name), await readFile(path.join(dir, name)));
    }
    return files;
  }

  beforeAll(async () => {
    fixture = await makeIssue({
      markdown: figure('een.jpg') + figure('twee.jpg', 'breed') + figure('een.jpg', 'portret'),
      images: {
        'een.jpg': await photo({ width: 1800, height: 1200 }),
        'twee.jpg': await photo({ width: 1500, height: 1000 }),
      },
    });
    cold = await run();
  }, 120_000);
  afterAll(() => fixture?.cleanup());

  it('does the work on a cold run', () => {
    expect(cold.pipelines).toBeGreaterThan(0);
    expect(cold.result.summary.web).toMatchObject({ hits: 0, misses: 24 });
    expect(cold.result.summary.epub).toMatchObject({ hits: 0, misses: 2 });
    // een.jpg in column and portrait, twee.jpg wide.
    expect(cold.result.summary.print).toMatchObject({ hits: 0, misses: 3 });
    for (const edition of ALL) {
      expect(cold.result.summary[edition].bytesIn).toBeGreaterThan(0);
      expect(cold.result.summary[edition].bytesOut).toBeGreaterThan(0);
    }
  });

  it('does no sharp work at all on a rebuild with the same photos, and writes the same files', async () => {
    const warm = await run();
    expect(warm.pipelines).toBe(0);
    for (const edition of ALL) {
      expect(warm.result.summary[edition].misses).toBe(0);
      expect(warm.result.summary[edition].hits).toBe(cold.result.summary[edition].misses);
      expect(warm.result.summary[edition].bytesOut).toBe(cold.result.summary[edition].bytesOut);
    }
    expect([...warm.files.keys()].sort()).toEqual([...cold.files.keys()].sort());
    for (const [name, bytes] of cold.files) expect(warm.files.get(name)!.equals(bytes), name).toBe(true);
    expect(JSON.stringify([...warm.result.images])).toBe(JSON.stringify([...cold.result.images]));
  });

  it('puts deleted outputs back from the cache without sharp', async () => {
    await rm(path.dirname(fixture.outDir.web), { recursive: true, force: true });
    const again = await run();
    expect(again.pipelines).toBe(0);
    expect(again.files.size).toBe(cold.files.size);
  });

  it('makes a variant again when it left the cache since this process last placed it', async () => {
    // The same process remembers what it found in the cache; a variant removed meanwhile is not lost.
    const variants = (await readdir(fixture.cacheDir, { recursive: true })).filter((entry) => entry.endsWith('.webp'));
    await rm(path.join(fixture.cacheDir, variants[0]!));
    await rm(path.dirname(fixture.outDir.web), { recursive: true, force: true });
    const again = await run();
    expect(again.pipelines).toBeGreaterThan(0);
    expect(again.files.size).toBe(cold.files.size);
    for (const [name, bytes] of cold.files) expect(again.files.get(name)?.length, name).toBe(bytes.length);
  });

  it('leaves no temporary files in the cache', async () => {
    const entries = await readdir(fixture.cacheDir, { recursive: true });
    // A temporary is a hidden sibling of the file it becomes (`util/output.ts`).
    expect(entries.filter((entry) => path.basename(entry).startsWith('.'))).toEqual([]);
  });

  it('remakes only what changed', async () => {
    await writeFile(path.join(fixture.issue.imagesDir, 'twee.jpg'), await photo({ width: 1500, height: 1001 }));
    await writeFile(
      path.join(fixture.issue.dir, 'artikel.md'),
      `---\ntitle: Een artikel\n---\n\n${figure('een.jpg', 'breed')}${figure('twee.jpg', 'breed')}`,
    );
    fixture.issue = await loadIssue(fixture.issue.dir);
    const changed = await run(['epub', 'print']);
    expect(changed.result.summary.epub).toMatchObject({ hits: 1, misses: 1 });
    // een.jpg wide is new; twee.jpg wide is a new source.
    expect(changed.result.summary.print).toMatchObject({ hits: 0, misses: 2 });
    expect(changed.result.summary.web).toMatchObject({ hits: 0, misses: 0, bytesIn: 0 });
  });

  it('reads a photo again when it was rewritten in place, even with its old size and time', async () => {
    const file = path.join(fixture.issue.imagesDir, 'twee.jpg');
    // Modified an hour ago, so that its remembered hash is trusted (not "racily clean").
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(file, anHourAgo, anHourAgo);
    await run(['epub']);
    const trusted = await run(['epub']);
    expect(trusted.result.summary.epub).toMatchObject({ hits: 2, misses: 0 });
    const before = await stat(file);
    const bytes = await readFile(file);
    // Other pixels, the same length: one byte of the compressed image data just before its end.
    const other = Buffer.from(bytes);
    other[other.length - 3]! ^= 0x01;
    await writeFile(file, other);
    await utimes(file, before.atime, before.mtime);
    expect((await stat(file)).size).toBe(before.size);
    const rewritten = await run(['epub']);
    expect(rewritten.result.summary.epub.misses).toBe(1);
    expect(rewritten.pipelines).toBeGreaterThan(0);
  });

  it('keys on the source bytes, not the name: a renamed photo is a cache hit', async () => {
    const bytes = await readFile(path.join(fixture.issue.imagesDir, 'een.jpg'));
    await writeFile(path.join(fixture.issue.imagesDir, 'drie.jpg'), bytes);
    await writeFile(
      path.join(fixture.issue.dir, 'artikel.md'),
      `---\ntitle: Een artikel\n---\n\n${figure('drie.jpg')}`,
    );
    fixture.issue = await loadIssue(fixture.issue.dir);
    const renamed = await run(['epub']);
    expect(renamed.pipelines).toBe(0);
    expect(path.basename(renamed.result.images.get('drie.jpg')!.epub!.path)).toMatch(/^drie-[0-9a-f]{8}-1600\.jpg$/);
  });
});
