import sharp, { type Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processImages } from '../../scripts/images/index.ts';
import type { ImageStageResult } from '../../scripts/images/types.ts';
import { figure, makeIssue, type TestIssue } from './fixtures.ts';

const RED = { r: 200, g: 40, b: 40 };

async function solid(transform: (image: Sharp) => Sharp): Promise<Buffer> {
  return transform(sharp({ create: { width: 1200, height: 800, channels: 3, background: RED } }))
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function meanColour(file: string): Promise<[number, number, number]> {
  const { channels } = await sharp(file).stats();
  return [channels[0]!.mean, channels[1]!.mean, channels[2]!.mean];
}

describe('colour', () => {
  let fixture: TestIssue;
  let result: ImageStageResult;

  beforeAll(async () => {
    const cmyk = await solid((image) => image.toColourspace('cmyk'));
    const p3 = await solid((image) => image.withIccProfile('p3'));
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    fixture = await makeIssue({
      markdown: figure('cmyk.jpg') + figure('p3.jpg'),
      images: { 'cmyk.jpg': cmyk, 'p3.jpg': p3 },
    });
    result = await processImages(fixture.issue, {
      outDir: fixture.outDir,
      editions: ['web', 'epub', 'print'],
      cacheDir: fixture.cacheDir,
    });
  }, 120_000);
  afterAll(() => fixture?.cleanup());

  it('turns a CMYK JPEG into sRGB in every edition, keeping its colour', async () => {
    const image = result.images.get('cmyk.jpg')!;
    for (const variant of [
      image.epub!,
      image.print!.column!,
      ...image.web!.fallback,
      ...image.web!.sources.flatMap((source) => source.variants),
    ]) {
      const metadata = await sharp(variant.path).metadata();
      expect(metadata.space, variant.path).toBe('srgb');
      expect(metadata.channels, variant.path).toBe(3);
    }
    const [r, g, b] = await meanColour(image.epub!.path);
    expect(r).toBeGreaterThan(150);
    expect(g).toBeLessThan(100);
    expect(b).toBeLessThan(100);
  });

  it('converts a tagged wide-gamut photo to sRGB values', async () => {
    const image = result.images.get('p3.jpg')!;
    const [r, g, b] = await meanColour(image.epub!.path);
    // Within JPEG noise of the sRGB colour it was made from, not the raw P3 numbers.
    expect(Math.abs(r - RED.r)).toBeLessThan(8);
    expect(Math.abs(g - RED.g)).toBeLessThan(8);
    expect(Math.abs(b - RED.b)).toBeLessThan(8);
  });

  it('embeds an sRGB profile for print only', async () => {
    const image = result.images.get('cmyk.jpg')!;
    expect((await sharp(image.print!.column!.path).metadata()).hasProfile).toBe(true);
    expect((await sharp(image.epub!.path).metadata()).hasProfile).toBe(false);
  });
});
