/**
 * drawing: an SVG source is a drawing, not a photo. It is never rasterised here: every edition
 * gets the sanitised SVG (`drawings/`), which Chromium prints as vector with its labels as real
 * text, the web edition serves as SVG and the EPUB carries as an SVG image (or, when its labels
 * are HTML an EPUB may not hold, as a PNG Chromium drew). A drawing that
 * cannot be made safe is refused at each place it is used; what sanitising removed is a
 * warning there.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Drawing, DrawingRefused, MAX_DRAWING_BYTES, sanitiseDrawing } from '../drawings/index.ts';
import { ImageProblem } from './report.ts';
import type { DrawingPicturer, Edition, ImageReference, ProcessedImage, Variant } from './types.ts';
import { EPUB_LONG_EDGE, fileStem } from './variants.ts';

export const DRAWING_MEDIA_TYPE = 'image/svg+xml';

/** A source the image stage treats as a drawing: SVG, by its name. */
export function isDrawingSource(file: string): boolean {
  return path.extname(file).toLowerCase() === '.svg';
}

export function isDrawing(variant: Pick<Variant, 'mediaType'> | undefined): boolean {
  return variant?.mediaType === DRAWING_MEDIA_TYPE;
}

export interface DrawingSource {
  path: string;
  size: number;
  references: ImageReference[];
}

/** Sanitises the drawing and writes it into each edition's folder; every print placement shares one file. */
export async function processDrawing(
  source: DrawingSource,
  editions: readonly Edition[],
  outDirs: Partial<Record<Edition, string>>,
  pictureDrawing?: DrawingPicturer,
): Promise<ProcessedImage> {
  if (source.size > MAX_DRAWING_BYTES) {
    throw new ImageProblem(
      `the drawing is larger than ${MAX_DRAWING_BYTES / 1024 / 1024} MB; simplify or export it smaller`,
    );
  }
  const drawing = await sanitised(await readFile(source.path));
  for (const reference of source.references) warnRemoved(reference, drawing.removed);
  const bytes = Buffer.from(drawing.svg, 'utf8');
  const name = `${fileStem(source.path)}-${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}.svg`;
  const variantIn = async (edition: Edition): Promise<Variant> => {
    const file = path.join(outDirs[edition]!, name);
    await writeInto(file, bytes);
    return { path: file, width: drawing.width, height: drawing.height, mediaType: DRAWING_MEDIA_TYPE };
  };
  const image: ProcessedImage = {
    name: source.references[0]!.name,
    source: source.path,
    width: drawing.width,
    height: drawing.height,
  };
  if (editions.includes('web')) {
    const variant = await variantIn('web');
    image.web = { width: variant.width, height: variant.height, sources: [], fallback: [variant] };
  }
  if (editions.includes('epub')) {
    image.epub =
      drawing.nonXhtml.length === 0
        ? await variantIn('epub')
        : await epubPicture(drawing, path.join(outDirs.epub!, name), pictureDrawing);
  }
  if (editions.includes('print')) {
    const variant = await variantIn('print');
    image.print = Object.fromEntries(source.references.map((reference) => [reference.placement, variant]));
  }
  return image;
}

/**
 * The EPUB's PNG of a drawing whose labels are HTML an EPUB may not hold (draw.io's `<font>`):
 * drawn by Chromium, as the print is, at the EPUB's long edge.
 */
async function epubPicture(drawing: Drawing, svgFile: string, pictureDrawing?: DrawingPicturer): Promise<Variant> {
  if (!pictureDrawing)
    throw new Error('The image stage needs a drawing picturer for a drawing the EPUB cannot hold as SVG');
  const size = { width: drawing.width, height: drawing.height };
  const picture = await pictureDrawing(drawing.svg, size, EPUB_LONG_EDGE);
  const file = svgFile.replace(/\.svg$/, `-${picture.width}.png`);
  await writeInto(file, picture.png);
  return { path: file, width: picture.width, height: picture.height, mediaType: 'image/png' };
}

async function writeInto(file: string, bytes: Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
}

async function sanitised(bytes: Buffer): Promise<Drawing> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImageProblem('the drawing is not UTF-8 text; save it as UTF-8 SVG');
  }
  try {
    return await sanitiseDrawing(text);
  } catch (error) {
    if (error instanceof DrawingRefused) throw new ImageProblem(`the drawing cannot be made safe: ${error.message}`);
    throw error;
  }
}

/**
 * One warning per place the drawing is used, said once however many editions ask for it
 * (the image stage runs once per group of editions, on the same manuscript files).
 */
function warnRemoved(reference: ImageReference, removed: readonly string[]): void {
  if (removed.length === 0) return;
  const reason = `Drawing \`${reference.name}\` was made safe; removed: ${removed.join('; ')}`;
  const start = reference.position?.start;
  const said = reference.file.messages.some(
    (message) => message.reason === reason && message.line === (start?.line ?? undefined),
  );
  if (said) return;
  reference.file.message(reason, { place: reference.position, ruleId: 'drawing-sanitised', source: 'persklaar' });
}
