import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processImages } from '../../scripts/images/index.ts';
import type { ImageStageResult } from '../../scripts/images/types.ts';
import { CAMERA_EXIF, figure, makeIssue, photo, type TestIssue } from './fixtures.ts';

describe('metadata in every output', () => {
  let fixture: TestIssue;
  let source: Buffer;
  let result: ImageStageResult;
  let outputs: string[];

  beforeAll(async () => {
    source = await photo({ width: 3000, height: 2000, exif: CAMERA_EXIF });
    fixture = await makeIssue({
      markdown: figure('pool.jpg', 'breed'),
      images: { 'pool.jpg': source },
      cover: 'pool.jpg',
    });
    result = await processImages(fixture.issue, {
      outDir: fixture.outDir,
      editions: ['web', 'epub', 'print'],
      cacheDir: fixture.cacheDir,
    });
    outputs = (
      await Promise.all(
        Object.values(fixture.outDir).map(async (dir) => (await readdir(dir)).map((name) => path.join(dir, name))),
      )
    ).flat();
  }, 120_000);
  afterAll(() => fixture?.cleanup());

  it('starts from a source that has GPS and camera data', async () => {
    const exif = exifReader((await sharp(source).metadata()).exif!);
    expect(exif.GPSInfo?.GPSLatitude).toBeDefined();
    expect(exif.Image?.Make).toBe('Canon');
  });

  it('writes every format for every edition', () => {
    const extensions = new Set(outputs.map((file) => path.extname(file)));
    expect([...extensions].sort()).toEqual(['.avif', '.jpg', '.webp']);
    // 4 widths × 3 formats, 1 EPUB, 2 print placements (wide and cover).
    expect(outputs).toHaveLength(12 + 1 + 2);
  });

  it('leaves no location, camera or XMP data in any output', async () => {
    for (const file of outputs) {
      const metadata = await sharp(file).metadata();
      expect(metadata.xmp, file).toBeUndefined();
      expect(metadata.iptc, file).toBeUndefined();
      if (!metadata.exif) continue;
      const exif = exifReader(metadata.exif);
      expect(exif.GPSInfo, file).toBeUndefined();
      expect(exif.Image?.GPSTag, file).toBeUndefined();
      expect(exif.Image?.Make, file).toBeUndefined();
      expect(exif.Image?.Model, file).toBeUndefined();
      expect(exif.Photo?.BodySerialNumber, file).toBeUndefined();
      expect(exif.Photo?.LensModel, file).toBeUndefined();
      expect(exif.Thumbnail, file).toBeUndefined();
    }
  });

  it('keeps Artist and Copyright, whole, in JPEG outputs', async () => {
    const jpegs = outputs.filter((file) => file.endsWith('.jpg'));
    expect(jpegs.length).toBeGreaterThan(0);
    for (const file of jpegs) {
      const exif = exifReader((await sharp(file).metadata()).exif!);
      expect(exif.Image?.Artist, file).toBe('Sjoerd van der Hucht');
      expect(exif.Image?.Copyright, file).toBe('(C) 2022 Sjoerd van der Hucht (ANP)');
    }
  });

  it('never touches the source', async () => {
    expect((await readFile(path.join(fixture.issue.imagesDir, 'pool.jpg'))).equals(source)).toBe(true);
  });

  it('reports the source in the result', () => {
    const image = result.images.get('pool.jpg')!;
    expect(image.source).toBe(path.join(fixture.issue.imagesDir, 'pool.jpg'));
    expect([image.width, image.height]).toEqual([3000, 2000]);
    expect(Object.keys(image.print ?? {}).sort()).toEqual(['cover', 'wide']);
  });
});
