/**
 * Test fixtures for the image stage: small issues in a temporary folder, photos made with
 * sharp on the spot, and a sharp factory that counts the pipelines it creates.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp, { type Exif } from 'sharp';
import { loadIssue, type Issue } from '../../scripts/issue/load.ts';
import type { SharpFactory } from '../../scripts/images/types.ts';

export const CAMERA_EXIF: Exif = {
  IFD0: {
    Make: 'Canon',
    Model: 'Canon EOS R5',
    // libvips drops a trailing " (…)" when writing; the extra suffix keeps "(ANP)" in the source.
    Artist: 'Sjoerd van der Hucht',
    Copyright: '(C) 2022 Sjoerd van der Hucht (ANP) (ASCII)',
  },
  IFD2: { BodySerialNumber: '032021001234', LensModel: 'RF24-105mm F4 L IS USM' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '52/1 4/1 4296/100',
    GPSLongitudeRef: 'E',
    GPSLongitude: '4/1 19/1 630/100',
    GPSMapDatum: 'WGS-84',
  },
};

export interface PhotoOptions {
  width: number;
  height: number;
  exif?: Exif;
  alpha?: boolean;
  format?: 'jpeg' | 'png';
  colourspace?: 'cmyk';
  /** EXIF orientation of the stored pixels (6: rotate 90° clockwise to view). */
  orientation?: number;
}

/** A smooth photo-like image (noise scaled up), small on disk and quick to make. */
export async function photo(options: PhotoOptions): Promise<Buffer> {
  const seed = await sharp({
    create: {
      width: 60,
      height: 40,
      channels: options.alpha ? 4 : 3,
      background: { r: 120, g: 90, b: 60, alpha: 0.5 },
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .png()
    .toBuffer();
  let pipeline = sharp(seed).resize(options.width, options.height, { fit: 'fill' });
  if (options.alpha) pipeline = pipeline.ensureAlpha(0.5);
  if (options.colourspace) pipeline = pipeline.toColourspace(options.colourspace);
  if (options.exif) pipeline = pipeline.withExif(options.exif);
  if (options.orientation) pipeline = pipeline.withMetadata({ orientation: options.orientation });
  return (options.format ?? (options.alpha ? 'png' : 'jpeg')) === 'png'
    ? pipeline.png().toBuffer()
    : pipeline.jpeg({ quality: 80 }).toBuffer();
}

/** A valid PNG header that declares `width` × `height` pixels but carries almost no data. */
export function pixelBomb(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface TestIssueOptions {
  /** Article text after the front matter. */
  markdown: string;
  images?: Record<string, Buffer>;
  /** issue.yaml `cover.image`. */
  cover?: string;
}

export interface TestIssue {
  root: string;
  issue: Issue;
  cacheDir: string;
  outDir: { web: string; epub: string; print: string };
  cleanup: () => Promise<void>;
}

/** An issue folder `root/issue` with `root/issue/images/`, loaded with the real loader. */
export async function makeIssue(options: TestIssueOptions): Promise<TestIssue> {
  const root = await mkdtemp(path.join(tmpdir(), 'persklaar-images-'));
  const dir = path.join(root, 'issue');
  await mkdir(path.join(dir, 'images'), { recursive: true });
  for (const [name, bytes] of Object.entries(options.images ?? {})) {
    await mkdir(path.dirname(path.join(dir, 'images', name)), { recursive: true });
    await writeFile(path.join(dir, 'images', name), bytes);
  }
  const cover = options.cover ? `cover:\n  image: ${options.cover}\n  alt: Een portret\n` : '';
  await writeFile(
    path.join(dir, 'issue.yaml'),
    `title: Testnummer\ndate: 2022-06\nlanguage: nl\nslug: test-01\n${cover}articles:\n  - artikel.md\n`,
  );
  await writeFile(path.join(dir, 'artikel.md'), `---\ntitle: Een artikel\n---\n\n${options.markdown}`);
  return {
    root,
    issue: await loadIssue(dir),
    cacheDir: path.join(root, 'cache'),
    outDir: { web: path.join(root, 'out/web'), epub: path.join(root, 'out/epub'), print: path.join(root, 'out/print') },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

export function figure(image: string, placement = 'kolom'): string {
  return `:::figuur{plaatsing="${placement}"}\n![Een foto](${image})\n\nBijschrift\n:::\n\n`;
}

/** The real sharp, counting every pipeline it creates. */
export function countingSharp(): { sharp: SharpFactory; count: () => number } {
  let pipelines = 0;
  return {
    sharp: (input, options) => {
      pipelines++;
      return sharp(input, options);
    },
    count: () => pipelines,
  };
}
