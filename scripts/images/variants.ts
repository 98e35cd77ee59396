/**
 * variants: which files each edition needs of one photo, and the options that make them.
 *
 * A variant is fully described by its spec; the spec, the source bytes and the versions of
 * sharp and libvips make its cache key. Anything that changes the pixels or the encoding must
 * therefore be in the spec (or bump PIPELINE_REVISION), or the cache would serve stale files.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Credit } from './metadata.ts';
import { effectivePpi, MAX_PRINT_PIXELS, PLACED_WIDTH_MM, pixelsFor, type PrintPlacement } from './placements.ts';
import type { Edition, Variant } from './types.ts';

/** Bump when process.ts changes how pixels are made in a way the spec does not show. */
export const PIPELINE_REVISION = 1;

/** Web srcset widths (CSS pixels up to a 2× screen for the widest layout), capped at the source. */
export const WEB_WIDTHS = [480, 800, 1200, 1600] as const;
/** EPUB reading systems gain nothing from more; many choke on much more. */
export const EPUB_LONG_EDGE = 1600;

/**
 * Every variant is made from one decoded, oriented, sRGB "master" per photo, no wider than
 * the widest print placement. Its size depends only on the source, so a variant's pixels are
 * the same whichever editions a build asks for (and the cache key stays honest).
 */
export const MASTER_MAX_WIDTH = MAX_PRINT_PIXELS;

export type OutputFormat = 'jpeg' | 'png' | 'webp' | 'avif';

/** What a source is, as far as planning needs: sizes after EXIF orientation. */
export interface SourceFacts {
  width: number;
  height: number;
  /** Has transparency that matters: it keeps an alpha channel that is not fully opaque. */
  alpha: boolean;
  credit: Credit;
}

export type Slot =
  | { edition: 'web'; kind: 'avif' | 'webp' | 'fallback'; width: number }
  | { edition: 'epub' }
  | { edition: 'print'; placement: PrintPlacement };

export interface VariantSpec {
  slot: Slot;
  /** Resize to this width, or to fit inside a square box of this many pixels. */
  resize: { width: number } | { box: number };
  format: OutputFormat;
  encoder: Record<string, unknown>;
  /** Pixels per inch recorded in the file (print), so layout software sizes it right. */
  density?: number;
  /** Print embeds the sRGB ICC profile: prepress converts from a known space, not a guess. */
  embedProfile: boolean;
  key: string;
}

// Encoder settings. Quality ~82 is visually lossless for photos at print size.
const PRINT_JPEG = { quality: 82, mozjpeg: true };
// Baseline on purpose: some e-readers decode progressive JPEG slowly or not at all. mozjpeg's
// trellis quantisation and tables are kept; only its progressive scans are left out.
const EPUB_JPEG = {
  quality: 82,
  progressive: false,
  optimiseCoding: true,
  trellisQuantisation: true,
  overshootDeringing: true,
  quantisationTable: 3,
};
const WEB_JPEG = { quality: 80, mozjpeg: true };
const PNG = { compressionLevel: 9, adaptiveFiltering: true };
const WEBP = { quality: 76, effort: 4 };
// Effort 2, not the default 4: a fifth of the time for a few percent more bytes.
const AVIF = { quality: 52, effort: 2, chromaSubsampling: '4:2:0' };

export interface PlanRequest {
  editions: readonly Edition[];
  /** Print placements the layout uses this photo in. */
  placements: ReadonlySet<PrintPlacement>;
}

export function planVariants(
  sourceHash: string,
  facts: SourceFacts,
  request: PlanRequest,
  engine: string,
): VariantSpec[] {
  const specs: Omit<VariantSpec, 'key'>[] = [];
  const flat: OutputFormat = facts.alpha ? 'png' : 'jpeg';
  if (request.editions.includes('web')) {
    const widths = [...new Set(WEB_WIDTHS.map((width) => Math.min(width, facts.width)))];
    for (const kind of ['avif', 'webp', 'fallback'] as const) {
      for (const width of widths) {
        const format = kind === 'fallback' ? flat : kind;
        specs.push({
          slot: { edition: 'web', kind, width },
          resize: { width },
          format,
          encoder: encoderFor(format, 'web'),
          embedProfile: false,
        });
      }
    }
  }
  if (request.editions.includes('epub')) {
    specs.push({
      slot: { edition: 'epub' },
      resize: { box: EPUB_LONG_EDGE },
      format: flat,
      encoder: encoderFor(flat, 'epub'),
      embedProfile: false,
    });
  }
  if (request.editions.includes('print')) {
    for (const placement of [...request.placements].sort()) {
      const mm = PLACED_WIDTH_MM[placement];
      // Never upscale: a smaller source keeps its size and prints at a lower effective ppi.
      const width = Math.min(pixelsFor(mm), facts.width);
      specs.push({
        slot: { edition: 'print', placement },
        resize: { width },
        format: flat,
        encoder: encoderFor(flat, 'print'),
        density: effectivePpi(width, mm),
        embedProfile: true,
      });
    }
  }
  return specs.map((spec) => ({ ...spec, key: variantKey(sourceHash, spec, engine) }));
}

function encoderFor(format: OutputFormat, edition: Edition): Record<string, unknown> {
  switch (format) {
    case 'avif':
      return AVIF;
    case 'webp':
      return WEBP;
    case 'png':
      return PNG;
    case 'jpeg':
      return edition === 'print' ? PRINT_JPEG : edition === 'epub' ? EPUB_JPEG : WEB_JPEG;
  }
}

function variantKey(sourceHash: string, spec: Omit<VariantSpec, 'key'>, engine: string): string {
  const { slot: _slot, ...making } = spec;
  // The slot names the use, not the pixels: two slots with equal specs share one file.
  const description = JSON.stringify({
    revision: PIPELINE_REVISION,
    engine,
    master: MASTER_MAX_WIDTH,
    source: sourceHash,
    ...making,
  });
  return createHash('sha256').update(description).digest('hex');
}

export const MEDIA_TYPES: Record<OutputFormat, Variant['mediaType']> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
};

export const EXTENSIONS: Record<OutputFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif' };

/** Stable, content-addressed and URL-safe: `Erik Pool.JPG` → `erik-pool-1a2b3c4d-800.webp`. */
export function outputName(source: string, key: string, width: number, format: OutputFormat): string {
  return `${fileStem(source)}-${key.slice(0, 8)}-${width}.${EXTENSIONS[format]}`;
}

/** A source's name made safe for a URL: `Erik Pool.JPG` → `erik-pool`. */
export function fileStem(source: string): string {
  const stem = path
    .basename(source, path.extname(source))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem || 'image';
}
