/**
 * encode: the sharp pipelines. A photo is probed (header only, plus an opacity check when it
 * has an alpha channel), decoded once into an oriented sRGB master no wider than any variant
 * needs, and every variant is resized and encoded from that master. So a camera file is
 * decoded once per build, not once per variant, and only one master per photo in flight is
 * held in memory.
 */
import { creditExif, readCredit, type Credit } from './metadata.ts';
import { ImageProblem } from './report.ts';
import type { SharpFactory } from './types.ts';
import { MASTER_MAX_WIDTH, type SourceFacts, type VariantSpec } from './variants.ts';

/** Refuse to decode more pixels than this: a 40 kB file may declare 30000 × 30000. */
export const MAX_INPUT_PIXELS = 100_000_000;

const INPUT = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' } as const;

export async function probe(sharp: SharpFactory, bytes: Buffer): Promise<SourceFacts> {
  // The header alone, without the pixel limit, so a pixel bomb is reported with its size.
  const metadata = await decoding(bytes, () => sharp(bytes, { limitInputPixels: false, failOn: 'error' }).metadata());
  const pixels = metadata.width * metadata.height;
  if (!(pixels > 0)) throw new ImageProblem('the file declares no image size; it is damaged');
  if (pixels > MAX_INPUT_PIXELS) {
    throw new ImageProblem(
      `the image is too large: ${metadata.width} × ${metadata.height} pixels ` +
        `is over the ${MAX_INPUT_PIXELS / 1e6}-megapixel limit; export it smaller`,
    );
  }
  // Many PNGs carry an alpha channel that is opaque everywhere; those are photos, not cut-outs.
  const alpha = metadata.hasAlpha && !(await decoding(bytes, () => sharp(bytes, INPUT).stats())).isOpaque;
  const credit: Credit = readCredit(metadata.exif);
  return { width: metadata.autoOrient.width, height: metadata.autoOrient.height, alpha, credit };
}

export interface Master {
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
}

export async function decodeMaster(sharp: SharpFactory, bytes: Buffer, facts: SourceFacts): Promise<Master> {
  const pipeline = sharp(bytes, { ...INPUT, autoOrient: true })
    .resize({ width: MASTER_MAX_WIDTH, withoutEnlargement: true })
    // From the embedded profile (CMYK, Adobe RGB, P3 …) or a default for its space, to sRGB.
    .toColourspace('srgb');
  if (facts.alpha) pipeline.ensureAlpha();
  else pipeline.removeAlpha();
  const { data, info } = await decoding(bytes, () =>
    pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true }),
  );
  return { data, width: info.width, height: info.height, channels: info.channels === 4 ? 4 : 3 };
}

export interface Encoded {
  data: Buffer;
  width: number;
  height: number;
}

export async function encodeVariant(
  sharp: SharpFactory,
  master: Master,
  spec: VariantSpec,
  credit: Credit,
): Promise<Encoded> {
  const { width, height, channels } = master;
  const pipeline = sharp(master.data, { raw: { width, height, channels } });
  if ('box' in spec.resize)
    pipeline.resize({ width: spec.resize.box, height: spec.resize.box, fit: 'inside', withoutEnlargement: true });
  else pipeline.resize({ width: spec.resize.width, withoutEnlargement: true });
  // Without withExif sharp writes no metadata at all; with it, only what is given here.
  const exif = creditExif(credit);
  if (exif) pipeline.withExif(exif);
  if (spec.embedProfile) pipeline.withIccProfile('srgb');
  if (spec.density) pipeline.withDensity(spec.density);
  switch (spec.format) {
    case 'jpeg':
      pipeline.jpeg(spec.encoder);
      break;
    case 'png':
      pipeline.png(spec.encoder);
      break;
    case 'webp':
      pipeline.webp(spec.encoder);
      break;
    case 'avif':
      pipeline.avif(spec.encoder);
      break;
  }
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * Runs a step that decodes the source; a failure there is the photo's fault and becomes an
 * ImageProblem for the editor. Failures encoding from a master (already decoded) are ours.
 */
async function decoding<T>(bytes: Buffer, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new ImageProblem(explain(bytes, error));
  }
}

function explain(bytes: Buffer, error: unknown): string {
  const detail = error instanceof Error ? error.message.split('\n')[0]!.trim() : String(error);
  const format = sniff(bytes);
  if (/pixel limit/i.test(detail))
    return `the image is over the ${MAX_INPUT_PIXELS / 1e6}-megapixel limit; export it smaller`;
  if (format === 'HEIC') return 'HEIC photos are not supported; export the photo as JPEG';
  if (format === undefined)
    return 'the file is not an image in a supported format (JPEG, PNG, WebP, AVIF, TIFF or GIF)';
  return `the file is damaged: it starts as a ${format} but cannot be decoded (${detail})`;
}

/** Recognises a format by its first bytes, to tell a damaged photo from a file that is none. */
function sniff(bytes: Buffer): string | undefined {
  const ascii = (start: number, end: number) => bytes.subarray(start, end).toString('latin1');
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'JPEG';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'PNG';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'WebP';
  if (ascii(0, 3) === 'GIF') return 'GIF';
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return 'TIFF';
  if (ascii(4, 8) === 'ftyp') return /^(avif|avis)$/.test(ascii(8, 12)) ? 'AVIF' : 'HEIC';
  return undefined;
}
