/**
 * process: the image stage. Every photo the issue uses is made into the files each edition
 * needs, from the cache where possible, and placed in the edition's folder. A drawing (SVG)
 * is sanitised and placed as SVG instead (`drawing.ts`): it never reaches sharp.
 *
 * Sources are never written. Each unique source file is read and hashed once, however often
 * and under whatever names it is used; its variants are made from one decoded master. All
 * problems with photos are collected and thrown together as one InputError.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Issue } from '../issue/load.ts';
import { InputError } from '../util/errors.ts';
import { ImageCache, placeFile, type CachedVariant } from './cache.ts';
import { isDrawingSource, processDrawing } from './drawing.ts';
import { collectImages } from '../issue/image-references.ts';
import { decodeMaster, encodeVariant, probe, type Master } from './encode.ts';
import { createLimiter, type Limiter } from './limit.ts';
import { SourceHashes, sharpEngine, type SourceStats } from './source-hashes.ts';
import type { PrintPlacement } from './placements.ts';
import { ImageProblem, reportProblem } from './report.ts';
import { resolveImagePath } from '../issue/image-path.ts';
import { resolveCacheDir } from '../issue/location.ts';
import { emptySummary } from './summary.ts';
import type {
  Edition,
  ImageReference,
  ImageStageOptions,
  ImageStageResult,
  ProcessedImage,
  SharpFactory,
  Variant,
  WebImage,
} from './types.ts';
import { EXTENSIONS, MEDIA_TYPES, outputName, planVariants, type SourceFacts, type VariantSpec } from './variants.ts';

interface Context {
  /** sharp, loaded on the first photo that needs image work (a warm build needs none). */
  sharp: () => Promise<SharpFactory>;
  hashes: SourceHashes;
  cache: ImageCache;
  editions: readonly Edition[];
  outDirs: Partial<Record<Edition, string>>;
  /** Photos in flight: bounds memory (each holds its file and one decoded master). */
  perImage: Limiter;
  /** sharp jobs at once: bounds CPU threads. */
  perJob: Limiter;
  /** Identifies the encoder build; part of every cache key. */
  engine: string;
  summary: ImageStageResult['summary'];
}

interface Source {
  path: string;
  references: ImageReference[];
}

export async function processImages(issue: Issue, options: ImageStageOptions): Promise<ImageStageResult> {
  const editions = [...new Set(options.editions)];
  const outDirs = outputFolders(options.outDir, editions);
  const jobs = Math.max(1, options.concurrency ?? availableParallelism());
  const cache = new ImageCache(options.cacheDir ?? path.join(resolveCacheDir(), 'images'));
  let loading: Promise<SharpFactory> | undefined;
  const context: Context = {
    sharp: () => (loading ??= options.sharp ? Promise.resolve(options.sharp) : loadSharp(jobs)),
    cache,
    hashes: await SourceHashes.read(cache.root),
    editions,
    outDirs,
    perImage: createLimiter(jobs),
    perJob: createLimiter(jobs),
    engine: await sharpEngine(cache.root),
    summary: emptySummary(),
  };

  const references = collectImages(issue);
  const problems = new Map<ImageReference, string>();
  const sources = new Map<string, Source>();
  const resolutions = await Promise.all(
    references.map((reference) => resolveImagePath(reference.name, issue.imagesDir, reference.baseDir, issue.dir)),
  );
  references.forEach((reference, index) => {
    const resolution = resolutions[index]!;
    if (!resolution.ok) {
      problems.set(reference, resolution.reason);
      return;
    }
    const source = sources.get(resolution.path) ?? { path: resolution.path, references: [] };
    source.references.push(reference);
    sources.set(resolution.path, source);
  });

  const processed = new Map<string, ProcessedImage>();
  await Promise.all(
    [...sources.values()].map((source) =>
      (async () => {
        try {
          processed.set(
            source.path,
            isDrawingSource(source.path)
              ? await processDrawing(
                  { ...source, size: (await statSource(source.path)).size },
                  editions,
                  outDirs,
                  options.pictureDrawing,
                )
              : await processSource(source, context),
          );
        } catch (error) {
          if (!(error instanceof ImageProblem)) throw error;
          for (const reference of source.references) problems.set(reference, error.message);
        }
      })(),
    ),
  );

  if (problems.size > 0) {
    // Reported in reading order, whatever order the parallel work finished in.
    const files: VFile[] = [];
    const lines: string[] = [];
    for (const reference of references) {
      const reason = problems.get(reference);
      if (reason === undefined) continue;
      lines.push(reportProblem(reference, reason));
      if (!files.includes(reference.file)) files.push(reference.file);
    }
    // The files carry the messages for the reporter; the summary repeats them for anyone
    // who only sees the error (a test, a stack trace).
    throw new InputError(files, lines.join('\n'));
  }

  await context.hashes.write();
  const images = new Map<string, ProcessedImage>();
  for (const source of sources.values()) {
    const image = processed.get(source.path)!;
    for (const reference of source.references) images.set(reference.name, { ...image, name: reference.name });
  }
  return { images, summary: context.summary };
}

// Longer than 80 lines: a photo's quick way (no bytes read) and slow way share its hash, facts
// and variant look-up, which functions of their own would hand back and forth.
async function processSource(source: Source, context: Context): Promise<ProcessedImage> {
  const { cache, editions, summary } = context;
  const placements = new Set<PrintPlacement>(source.references.map((reference) => reference.placement));
  let shared = performance.now();
  // The quick way, with no bytes read: a photo known by its size, times and inode has its hash
  // remembered, and when its facts and every variant are in the cache nothing else is needed.
  const stats = await statSource(source.path);
  let hash = context.hashes.get(source.path, stats);
  const asked = hash && JSON.stringify([cache.root, hash, editions, [...placements], context.engine]);
  const before = asked ? foundBefore.get(asked) : undefined;
  let facts = before?.facts ?? (hash ? await cache.readSource<SourceFacts>(hash) : undefined);
  let found =
    before?.looked ??
    (hash && isFacts(facts)
      ? await lookUp(planVariants(hash, facts, { editions, placements }, context.engine), cache)
      : undefined);
  share(summary, editions, performance.now() - shared);

  if (!found || found.missing.length > 0) {
    // The slow way holds one of the image slots: the file and one decoded master in memory.
    found = await context.perImage(async () => {
      shared = performance.now();
      const bytes = await readSource(source.path);
      if (!hash) {
        hash = createHash('sha256').update(bytes).digest('hex');
        context.hashes.set(source.path, stats, hash);
        facts = await cache.readSource<SourceFacts>(hash);
      }
      if (!isFacts(facts)) {
        const sharp = await context.sharp();
        const probed = await context.perJob(() => probe(sharp, bytes));
        await cache.writeSource(hash, probed);
        facts = probed;
      }
      const known = facts;
      // Looked up already on the quick way when the hash and facts were known.
      const looked =
        found ?? (await lookUp(planVariants(hash, known, { editions, placements }, context.engine), cache));
      if (looked.missing.length === 0) return looked;
      const sharp = await context.sharp();
      const master: Master = await context.perJob(() => decodeMaster(sharp, bytes, known));
      share(summary, [...new Set(looked.missing.map((spec) => spec.slot.edition))], performance.now() - shared);
      await Promise.all(
        looked.missing.map((spec) =>
          context.perJob(async () => {
            const started = performance.now();
            const encoded = await encodeVariant(sharp, master, spec, known.credit);
            const info = { width: encoded.width, height: encoded.height, mediaType: MEDIA_TYPES[spec.format] };
            looked.made.set(spec.key, await cache.store(spec.key, EXTENSIONS[spec.format], encoded.data, info));
            summary[spec.slot.edition].ms += performance.now() - started;
          }),
        ),
      );
      // The master and the file go when this slot is given up, before the next photo is decoded.
      return looked;
    });
  }
  const { specs, made, missing } = found;
  shared = performance.now();
  const variants = await placeVariants(source.path, specs, made, context).catch((error: unknown) => {
    // A variant remembered from an earlier build may have left the cache since: looked up again.
    if (!before) throw error;
    foundBefore.delete(asked!);
    return undefined;
  });
  if (!variants) return processSource(source, context);
  share(summary, editions, performance.now() - shared);
  if (asked) foundBefore.set(asked, { facts: facts!, looked: { specs, made, missing: [] } });
  const madeNow = new Set(missing.map((spec) => spec.key));
  for (const spec of specs) {
    if (madeNow.has(spec.key)) summary[spec.slot.edition].misses++;
    else summary[spec.slot.edition].hits++;
    summary[spec.slot.edition].bytesOut += made.get(spec.key)!.bytes;
  }
  for (const edition of editions) summary[edition].bytesIn += stats.size;

  const image: ProcessedImage = {
    name: source.references[0]!.name,
    source: source.path,
    width: facts!.width,
    height: facts!.height,
  };
  const web: Record<'avif' | 'webp' | 'fallback', Variant[]> = { avif: [], webp: [], fallback: [] };
  specs.forEach((spec, index) => {
    const variant = variants[index]!;
    if (spec.slot.edition === 'web') web[spec.slot.kind].push(variant);
    else if (spec.slot.edition === 'epub') image.epub = variant;
    else (image.print ??= {})[spec.slot.placement] = variant;
  });
  if (editions.includes('web')) image.web = webImage(web);
  return image;
}

/** Each variant linked (or copied) from the cache into its edition's folder. */
function placeVariants(
  sourcePath: string,
  specs: VariantSpec[],
  made: Map<string, CachedVariant>,
  context: Context,
): Promise<Variant[]> {
  return Promise.all(
    specs.map(async (spec) => {
      const cached = made.get(spec.key)!;
      const file = path.join(
        context.outDirs[spec.slot.edition]!,
        outputName(sourcePath, spec.key, cached.width, spec.format),
      );
      await placeFile(cached, file);
      return { path: file, width: cached.width, height: cached.height, mediaType: cached.mediaType } satisfies Variant;
    }),
  );
}

/**
 * A photo's description and variants as found in the cache, by the cache, the photo's hash and
 * what was asked of it, for the process: `watch` places the same photos after every edit
 * without reading a description again.
 */
const foundBefore = new Map<string, { facts: SourceFacts; looked: Looked }>();

interface Looked {
  specs: VariantSpec[];
  /** Cached (or newly made) variants by key. */
  made: Map<string, CachedVariant>;
  /** One spec per key not in the cache when looked up (made since, on the slow way). */
  missing: VariantSpec[];
}

/** Every variant of a photo looked up in the cache at once (one look per distinct key). */
async function lookUp(specs: VariantSpec[], cache: ImageCache): Promise<Looked> {
  const byKey = new Map(specs.map((spec) => [spec.key, spec]));
  const found = await Promise.all(
    [...byKey.values()].map(async (spec) => [spec.key, await cache.lookup(spec.key, EXTENSIONS[spec.format])] as const),
  );
  const made = new Map<string, CachedVariant>();
  const missing: VariantSpec[] = [];
  for (const [key, cached] of found) {
    if (cached) made.set(key, cached);
    else missing.push(byKey.get(key)!);
  }
  return { specs, made, missing };
}

/** A cached description is only trusted if it has the shape this version writes. */
function isFacts(value: SourceFacts | undefined): value is SourceFacts {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isInteger(value.width) &&
    Number.isInteger(value.height) &&
    typeof value.alpha === 'boolean' &&
    typeof value.credit === 'object' &&
    value.credit !== null
  );
}

function webImage(web: Record<'avif' | 'webp' | 'fallback', Variant[]>): WebImage {
  const byWidth = (a: Variant, b: Variant) => a.width - b.width;
  const fallback = [...web.fallback].sort(byWidth);
  const src = webSrc({ fallback });
  return {
    width: src.width,
    height: src.height,
    sources: [
      { type: 'image/avif', variants: [...web.avif].sort(byWidth) },
      { type: 'image/webp', variants: [...web.webp].sort(byWidth) },
    ],
    fallback,
  };
}

/** The fallback `<img src>`: the middle of the srcset widths (800 of 480–1600 when there are three). */
export function webSrc(web: Pick<WebImage, 'fallback'>): Variant {
  const variant = web.fallback[Math.floor((web.fallback.length - 1) / 2)];
  if (!variant) throw new Error('A web image has no fallback variants');
  return variant;
}

async function statSource(file: string): Promise<SourceStats> {
  try {
    const stats = await stat(file, { bigint: true });
    if (stats.isDirectory()) throw new ImageProblem('it is a folder, not a file');
    if (stats.size === 0n) throw new ImageProblem('the file is empty');
    return {
      size: Number(stats.size),
      mtimeNs: String(stats.mtimeNs),
      ctimeNs: String(stats.ctimeNs),
      ino: String(stats.ino),
    };
  } catch (error) {
    if (error instanceof ImageProblem) throw error;
    throw sourceProblem(error);
  }
}

async function readSource(file: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw sourceProblem(error);
  }
  if (bytes.length === 0) throw new ImageProblem('the file is empty');
  return bytes;
}

function sourceProblem(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return new ImageProblem('it is a folder, not a file');
  if (code === 'EACCES' || code === 'EPERM') return new ImageProblem('the file may not be read (permission denied)');
  if (code === 'ENOENT') return new ImageProblem('the file disappeared while the build was running');
  return error;
}

/** Shared work (reading, probing, decoding) is split over the editions it served. */
function share(summary: ImageStageResult['summary'], editions: readonly Edition[], ms: number): void {
  for (const edition of editions) summary[edition].ms += ms / editions.length;
}

function outputFolders(
  outDir: ImageStageOptions['outDir'],
  editions: readonly Edition[],
): Partial<Record<Edition, string>> {
  const folders: Partial<Record<Edition, string>> = {};
  for (const edition of editions) {
    const folder = typeof outDir === 'string' ? outDir : outDir[edition];
    if (!folder) throw new Error(`processImages: no output folder for the ${edition} edition`);
    folders[edition] = path.resolve(folder);
  }
  return folders;
}

/**
 * We run `jobs` sharp pipelines side by side; libvips threads per pipeline are set so the
 * total stays near the core count instead of jobs × cores. libvips' operation cache would
 * only hold on to decoded camera files we never ask for again.
 */
async function loadSharp(jobs: number): Promise<SharpFactory> {
  const { default: sharpModule } = await import('sharp');
  sharpModule.concurrency(Math.max(1, Math.floor(availableParallelism() / jobs)));
  sharpModule.cache(false);
  return (input, options) => sharpModule(input, options);
}
