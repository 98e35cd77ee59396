/**
 * The image stage's contract with the editions. An edition asks for the variant of a
 * manuscript image (`erik-pool.jpg`) it needs and gets files already written, with sizes.
 */
import type { Sharp, SharpOptions } from 'sharp';
import type { ImageReference } from '../issue/image-references.ts';
import type { Placement } from '../markdown/placement.ts';

export type { ImageReference };

export type Edition = 'web' | 'epub' | 'print';

export interface Variant {
  /** Absolute path of the written file. */
  path: string;
  width: number;
  height: number;
  mediaType: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/avif' | 'image/svg+xml';
}

export interface WebImage {
  /** Intrinsic size of the fallback (for width/height attributes against layout shift). */
  width: number;
  height: number;
  /** Modern formats first: AVIF, then WebP; each a srcset over several widths. */
  sources: { type: 'image/avif' | 'image/webp'; variants: Variant[] }[];
  /** The JPEG (or PNG) `<img>` fallback: srcset over the same widths, `src` the middle one. */
  fallback: Variant[];
}

export interface ProcessedImage {
  /** The name as written in the manuscript or issue.yaml, e.g. `erik-pool.jpg`. */
  name: string;
  /** Absolute path of the source in images/. */
  source: string;
  width: number;
  height: number;
  web?: WebImage;
  epub?: Variant;
  /** One print variant per placement the layout uses this image in. */
  print?: Partial<Record<Placement | 'cover', Variant>>;
}

export interface ImageStageResult {
  images: Map<string, ProcessedImage>;
  /** Per edition: bytes read, bytes written, milliseconds, cache hits and misses. */
  summary: Record<Edition, { bytesIn: number; bytesOut: number; ms: number; hits: number; misses: number }>;
}

export type EditionSummary = ImageStageResult['summary'][Edition];

/** Creates a sharp pipeline; injectable so tests can count pipelines or make them fail. */
export type SharpFactory = (input: Buffer, options?: SharpOptions) => Sharp;

export interface ImageStageOptions {
  /** One folder for every edition, or a folder per edition (required for each edition built). */
  outDir: string | Partial<Record<Edition, string>>;
  editions: readonly Edition[];
  /** Content-addressed cache; default `images/` in the one cache folder (`resolveCacheDir`). */
  cacheDir?: string;
  /** Default: the real sharp. */
  sharp?: SharpFactory;
  /** Images processed at once; default os.availableParallelism(). */
  concurrency?: number;
  /**
   * Makes the EPUB's PNG of a drawing whose labels an EPUB may not hold as SVG (`drawing.ts`).
   * Chromium draws it, as it prints it; never librsvg. Required only when such a drawing is built for the EPUB.
   */
  pictureDrawing?: DrawingPicturer;
}

/** A PNG of the SVG `svg`, `size` its CSS pixels, drawn at most `longEdge` pixels on its longer side. */
export type DrawingPicturer = (
  svg: string,
  size: { width: number; height: number },
  longEdge: number,
) => Promise<{ png: Buffer; width: number; height: number }>;
