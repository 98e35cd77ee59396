import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLACED_WIDTH_MM, pixelsFor, processImages } from '../../scripts/images/index.ts';
import type { ImageStageResult } from '../../scripts/images/types.ts';
import { figure, makeIssue, photo, type TestIssue } from './fixtures.ts';

describe('placed widths', () => {
  it('are the print stylesheet numbers, in pixels at 300 ppi', () => {
    expect(PLACED_WIDTH_MM).toEqual({ wide: 180, column: 86, portrait: 70, cover: 210 });
    expect(pixelsFor(PLACED_WIDTH_MM.column)).toBe(1016);
    expect(pixelsFor(PLACED_WIDTH_MM.wide)).toBe(2126);
    expect(pixelsFor(PLACED_WIDTH_MM.portrait)).toBe(827);
    expect(pixelsFor(PLACED_WIDTH_MM.cover)).toBe(2480);
  });
});

describe('print and EPUB variants', () => {
  let fixture: TestIssue;
  let result: ImageStageResult;

  beforeAll(async () => {
    fixture = await makeIssue({
      markdown: [
        figure('landscape.jpg', 'kolom'),
        figure('landscape.jpg', 'breed'),
        figure('landscape.jpg', 'portret'),
        figure('portrait.jpg', 'portret'),
        figure('rotated.jpg', 'kolom'),
        figure('cutout.png', 'kolom'),
        figure('opaque.png', 'kolom'),
        figure('small.jpg', 'breed'),
        '![bare image in the text](bare.jpg)\n',
      ].join(''),
      images: {
        'landscape.jpg': await photo({ width: 3000, height: 2000 }),
        'portrait.jpg': await photo({ width: 2000, height: 3000 }),
        'rotated.jpg': await photo({ width: 3000, height: 2000, orientation: 6 }),
        'cutout.png': await photo({ width: 1200, height: 800, alpha: true }),
        'opaque.png': await photo({ width: 1200, height: 800, format: 'png' }),
        'small.jpg': await photo({ width: 600, height: 400 }),
        'bare.jpg': await photo({ width: 1500, height: 1000 }),
      },
    });
    result = await processImages(fixture.issue, {
      outDir: fixture.outDir,
      editions: ['epub', 'print'],
      cacheDir: fixture.cacheDir,
    });
  }, 120_000);
  afterAll(() => fixture?.cleanup());

  const image = (name: string) => {
    const found = result.images.get(name);
    if (!found) throw new Error(`no result for ${name}`);
    return found;
  };

  it('makes one print variant per placement, at the placed width and 300 ppi', async () => {
    const print = image('landscape.jpg').print!;
    expect(Object.keys(print).sort()).toEqual(['column', 'portrait', 'wide']);
    expect(print.column!.width).toBe(1016);
    expect(print.wide!.width).toBe(2126);
    expect(print.portrait!.width).toBe(827);
    expect(print.column!.height).toBe(Math.round((1016 * 2000) / 3000));
    const metadata = await sharp(print.column!.path).metadata();
    expect([metadata.width, metadata.height]).toEqual([print.column!.width, print.column!.height]);
    expect(metadata.density).toBe(300);
    expect(metadata.format).toBe('jpeg');
    expect(metadata.space).toBe('srgb');
    expect(metadata.hasProfile).toBe(true);
  });

  it('sets a bare image in the column', () => {
    expect(Object.keys(image('bare.jpg').print!)).toEqual(['column']);
    expect(image('bare.jpg').print!.column!.width).toBe(1016);
  });

  it('never upscales: a small source keeps its size and a lower ppi', async () => {
    const wide = image('small.jpg').print!.wide!;
    expect(wide.width).toBe(600);
    expect((await sharp(wide.path).metadata()).density).toBe(Math.round(600 / (180 / 25.4)));
    expect(image('small.jpg').epub!.width).toBe(600);
  });

  it('limits EPUB images to 1600 px on the long edge, as baseline JPEG', async () => {
    for (const [name, size] of [
      ['landscape.jpg', [1600, 1067]],
      ['portrait.jpg', [1067, 1600]],
      ['rotated.jpg', [1067, 1600]],
    ] as const) {
      const epub = image(name).epub!;
      expect(Math.max(epub.width, epub.height), name).toBeLessThanOrEqual(1600);
      // Rounding of the height may differ by a pixel; the long edge is exact.
      expect(Math.abs(epub.width - size[0]) + Math.abs(epub.height - size[1]), name).toBeLessThanOrEqual(1);
      const metadata = await sharp(epub.path).metadata();
      expect(metadata.format, name).toBe('jpeg');
      expect(metadata.isProgressive, name).toBe(false);
      expect(epub.mediaType).toBe('image/jpeg');
    }
  });

  it('turns a photo by its EXIF orientation', async () => {
    const rotated = image('rotated.jpg');
    expect([rotated.width, rotated.height]).toEqual([2000, 3000]);
    const metadata = await sharp(rotated.print!.column!.path).metadata();
    expect(metadata.height).toBeGreaterThan(metadata.width);
    expect(metadata.orientation ?? 1).toBe(1);
  });

  it('keeps transparency as PNG, but makes an opaque PNG a JPEG', async () => {
    const cutout = image('cutout.png');
    expect(cutout.epub!.mediaType).toBe('image/png');
    expect(cutout.print!.column!.mediaType).toBe('image/png');
    const metadata = await sharp(cutout.epub!.path).metadata();
    expect(metadata.format).toBe('png');
    expect(metadata.hasAlpha).toBe(true);
    expect(image('opaque.png').epub!.mediaType).toBe('image/jpeg');
  });
});

describe('web variants', () => {
  let fixture: TestIssue;
  let result: ImageStageResult;

  beforeAll(async () => {
    fixture = await makeIssue({
      markdown: figure('landscape.jpg') + figure('narrow.jpg') + figure('cutout.png'),
      images: {
        'landscape.jpg': await photo({ width: 2400, height: 1600 }),
        'narrow.jpg': await photo({ width: 1000, height: 700 }),
        'cutout.png': await photo({ width: 600, height: 400, alpha: true }),
      },
    });
    result = await processImages(fixture.issue, {
      outDir: fixture.outDir.web,
      editions: ['web'],
      cacheDir: fixture.cacheDir,
    });
  }, 120_000);
  afterAll(() => fixture?.cleanup());

  it('offers AVIF and WebP srcsets and a JPEG fallback over the same widths', async () => {
    const web = result.images.get('landscape.jpg')!.web!;
    expect(web.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
    for (const set of [...web.sources.map((source) => source.variants), web.fallback]) {
      expect(set.map((variant) => variant.width)).toEqual([480, 800, 1200, 1600]);
    }
    expect(web.fallback.every((variant) => variant.mediaType === 'image/jpeg')).toBe(true);
    expect([web.width, web.height]).toEqual([800, 533]);
    expect((await sharp(web.sources[0]!.variants[0]!.path).metadata()).compression).toBe('av1');
    expect((await sharp(web.sources[1]!.variants[0]!.path).metadata()).format).toBe('webp');
  });

  it('caps widths at the source width', () => {
    const web = result.images.get('narrow.jpg')!.web!;
    expect(web.fallback.map((variant) => variant.width)).toEqual([480, 800, 1000]);
  });

  it('falls back to PNG for a transparent image', () => {
    const web = result.images.get('cutout.png')!.web!;
    expect(web.fallback.map((variant) => [variant.width, variant.mediaType])).toEqual([
      [480, 'image/png'],
      [600, 'image/png'],
    ]);
  });

  it('names files stably after source, content and width', () => {
    const names = result.images.get('landscape.jpg')!.web!.fallback.map((variant) => variant.path.split('/').pop());
    for (const name of names) expect(name).toMatch(/^landscape-[0-9a-f]{8}-\d+\.jpg$/);
  });
});
