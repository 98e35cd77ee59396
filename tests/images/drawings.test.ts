/**
 * The image stage and drawings: an SVG never reaches sharp (no librsvg raster in any edition);
 * every edition gets one sanitised SVG file, every print placement the same one; a photo beside
 * it is made as before.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processImages } from '../../scripts/images/index.ts';
import { InputError } from '../../scripts/util/errors.ts';
import { root } from '../helpers/cli.ts';
import { countingSharp, figure, makeIssue, photo, type TestIssue } from './fixtures.ts';

const drawio = readFileSync(path.join(root, 'tests/fixtures/drawings/drawio-labels.svg'));
const fixtures: TestIssue[] = [];
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((fixture) => fixture.cleanup()));
});

describe('a drawing in the image stage', () => {
  it('is sanitised into one SVG per edition, with no sharp pipeline; the photo beside it is made as before', async () => {
    const fixture = await makeIssue({
      markdown: `${figure('schema.svg', 'breed')}${figure('schema.svg', 'kolom')}${figure('foto.jpg')}`,
      images: { 'schema.svg': drawio, 'foto.jpg': await photo({ width: 1200, height: 800 }) },
    });
    fixtures.push(fixture);
    const counting = countingSharp();
    const { images } = await processImages(fixture.issue, {
      outDir: fixture.outDir,
      editions: ['web', 'epub', 'print'],
      cacheDir: fixture.cacheDir,
      sharp: counting.sharp,
    });
    const drawing = images.get('schema.svg')!;
    expect({ width: drawing.width, height: drawing.height }).toEqual({ width: 441, height: 221 });
    const files = [drawing.web!.fallback[0]!, drawing.epub!, drawing.print!.wide!, drawing.print!.column!];
    expect(files.map((variant) => variant.mediaType)).toEqual(Array(4).fill('image/svg+xml'));
    expect(drawing.web!.sources).toEqual([]);
    expect(drawing.print!.wide).toBe(drawing.print!.column);
    for (const variant of files) {
      expect(readFileSync(variant.path, 'utf8')).toMatch(/^<svg [^>]*>.*Beheermodel en relaties tussen stelsels/s);
    }
    // Only the photo's: its probe and master, and its variants (12 web, 1 EPUB, 1 print).
    const photoOnly = countingSharp();
    const fresh = await makeIssue({
      markdown: figure('foto.jpg'),
      images: { 'foto.jpg': await photo({ width: 1200, height: 800 }) },
    });
    fixtures.push(fresh);
    await processImages(fresh.issue, {
      outDir: fresh.outDir,
      editions: ['web', 'epub', 'print'],
      cacheDir: fresh.cacheDir,
      sharp: photoOnly.sharp,
    });
    expect(counting.count()).toBe(photoOnly.count());
  });

  it('with labels an EPUB may not hold goes into the EPUB as the picturer’s PNG, and into the rest as SVG', async () => {
    const fixture = await makeIssue({
      markdown: figure('rijk.svg'),
      images: { 'rijk.svg': readFileSync(path.join(root, 'tests/fixtures/drawings/drawio-rich-labels.svg')) },
    });
    fixtures.push(fixture);
    const asked: { width: number; height: number; longEdge: number }[] = [];
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const { images } = await processImages(fixture.issue, {
      outDir: fixture.outDir,
      editions: ['web', 'epub', 'print'],
      cacheDir: fixture.cacheDir,
      pictureDrawing: async (svg, size, longEdge) => {
        expect(svg).toContain('<font color="#c8102e">');
        asked.push({ ...size, longEdge });
        return { png, width: 1600, height: 336 };
      },
    });
    const drawing = images.get('rijk.svg')!;
    expect(asked).toEqual([{ width: 481, height: 101, longEdge: 1600 }]);
    expect(drawing.epub).toMatchObject({ width: 1600, height: 336, mediaType: 'image/png' });
    expect(path.basename(drawing.epub!.path)).toMatch(/^rijk-[0-9a-f]{8}-1600\.png$/);
    expect(readFileSync(drawing.epub!.path)).toEqual(png);
    expect(drawing.print!.column!.mediaType).toBe('image/svg+xml');
    expect(drawing.web!.fallback[0]!.mediaType).toBe('image/svg+xml');
  });

  it('that cannot be made safe is refused at each line that uses it; one made safe warns there', async () => {
    const xxe = '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"/>';
    const fixture = await makeIssue({
      markdown: `${figure('xxe.svg')}${figure('schema.svg')}`,
      images: { 'xxe.svg': Buffer.from(xxe), 'schema.svg': drawio },
    });
    fixtures.push(fixture);
    const error = await processImages(fixture.issue, {
      outDir: fixture.outDir,
      editions: ['print'],
      cacheDir: fixture.cacheDir,
    }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(InputError);
    const messages = fixture.issue.articles[0]!.file.messages.map((message) => ({
      line: message.line,
      fatal: message.fatal,
      reason: message.reason,
    }));
    expect(messages).toEqual([
      {
        line: 12,
        fatal: false,
        reason: expect.stringMatching(
          /^Drawing `schema\.svg` was made safe; removed: xlink:href="https:\/\/www\.drawio/,
        ),
      },
      {
        line: 6,
        fatal: true,
        reason: expect.stringMatching(
          /^Cannot read image `xxe\.svg`: the drawing cannot be made safe: it declares entities in a DOCTYPE/,
        ),
      },
    ]);
  });
});
