/**
 * Every common Markdown construct (tests/fixtures/constructs), designed per edition: plain
 * images with their title as caption (SVG and PNG drawings, a JPEG photo, raw HTML <img>),
 * tables, footnotes, quotes, code, task lists, nested lists, rules, headings # to ######.
 * Every edition passes its referee; in print nothing runs past its column or the page.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtures, withoutPlacementMarks } from '../helpers/cli.ts';
import type { CliResult } from '../helpers/cli.ts';
import { openPdf } from '../helpers/pdf.ts';
import { imagesFrom } from '../helpers/pdf-layout.ts';
import { openEpub } from '../epub/read-epub.ts';
import { outDir, persklaarAsync, tempDir } from '../hostile/helpers.ts';
import { editionTexts, expectRefereesPass, strayWords } from './editions.ts';

/** A drawing with a frame and a word in it: flat colours, as diagrams and screenshots are. */
async function drawing(width: number, height: number, word: string): Promise<Buffer> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" ` +
    `height="100%" fill="#e8eef4"/><rect x="10" y="10" width="${width - 20}" height="` +
    `${height - 20}" fill="none" stroke="#036" stroke-width="12"/><text x="50%" y="50%" font-size="` +
    `${Math.round(height / 8)}" text-anchor="middle" font-family="sans-serif">${word}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function constructsIssue(): Promise<string> {
  const dir = path.join(tempDir('persklaar-constructs-'), 'constructies');
  cpSync(path.join(fixtures, 'constructs'), dir, { recursive: true });
  mkdirSync(path.join(dir, 'media'), { recursive: true });
  writeFileSync(path.join(dir, 'media', 'breed.png'), await drawing(2400, 700, 'Breed schema'));
  writeFileSync(path.join(dir, 'media', 'hoog.png'), await drawing(700, 3200, 'Hoog'));
  writeFileSync(path.join(dir, 'media', 'klein.png'), await drawing(320, 200, 'Klein'));
  const photo = await sharp({
    create: { width: 1600, height: 1067, channels: 3, background: { r: 90, g: 120, b: 150 } },
  })
    .jpeg({ quality: 70 })
    .toBuffer();
  writeFileSync(path.join(dir, 'media', 'foto.jpg'), photo);
  return dir;
}

describe('every common Markdown construct', () => {
  let out: string;
  let build: CliResult;
  beforeAll(async () => {
    const dir = await constructsIssue();
    out = outDir();
    build = await persklaarAsync(['build', dir, '--out', out]);
  }, 240_000);

  it('builds every edition without a warning but the layout report’s', () => {
    expect(build.status).toBe(0);
    // A run of figures with no text after it to fill the column above them (the tall drawing
    // comes after the last paragraph of its section): placement has nothing to move, and says so.
    const findings = build.stderr.split('\n').filter((line) => /\b(warning|error)\b/.test(line));
    expect(findings.filter((line) => !/layout-hole/.test(line))).toEqual([]);
  });

  it('passes EPUBCheck, the PDF/UA preflight, the Nu Html ' +
    'Checker and axe; no image runs off a page or under text', async () => {
    await expectRefereesPass(out, 'constructies');
  }, 240_000);

  it('labels notes and task lists in Dutch, with no placeholder anywhere', async () => {
    const texts = await editionTexts(out, 'constructies');
    expect(strayWords(texts)).toEqual([]);
    const web = texts.get('web/alles.html')!;
    expect(web).toMatch(/<h2 class="footnotes-title" id="footnote-label">Noten<\/h2>/);
    expect(web).toContain('aria-label="Terug naar verwijzing 1"');
    expect(web).toMatch(/<input type="checkbox" checked disabled aria-label="gedaan">/);
    expect(web).toMatch(/<input type="checkbox" disabled aria-label="nog te doen">/);
  });

  it('makes EPUB footnotes doc-noteref and doc-footnote asides with back links', async () => {
    const epub = await openEpub(path.join(out, 'constructies.epub'));
    const chapter = await epub.text('OEBPS/alles.xhtml');
    expect(chapter).toMatch(
      /<a href="#user-content-fn-1" id="user-content-fnref-1"[^>]* role="doc-noteref" epub:type="noteref">1<\/a>/,
    );
    expect(chapter).toMatch(
      new RegExp(
        /<aside class="footnote" id="user-content-fn-1" role="doc-footnote" epub:type="footnote">/.source +
          /<p><span class="footnote-number">1\. <\/span>De eerste voetnoot\./.source,
      ),
    );
    expect(chapter).toMatch(
      /<a href="#user-content-fnref-1" aria-label="Terug naar verwijzing 1"[^>]*role="doc-backlink">/,
    );
  });

  it('sets an image with a title as a figure with that caption, and marks number columns', () => {
    const web = readFileSync(path.join(out, 'web', 'alles.html'), 'utf8');
    expect(web).toMatch(
      new RegExp(
        /<figure class="plain-figure"><img src="images\/stroom-[0-9a-f]{8}\.svg" /.source +
          /alt="Stroomschema van aanvraag via toetsing naar besluit" width="1200" height="400"[^>]*>/.source +
          /<figcaption>Van aanvraag naar besluit<\/figcaption><\/figure>/.source,
        's',
      ),
    );
    expect(web).toMatch(/<p class="plain-image"><picture>.*?alt="Een kleine groene rechthoek"/s);
    expect(web).toMatch(/<thead>\s*<tr>\s*<th align="left">Code<\/th>/);
    expect(web).toContain('<td align="right">€ 1.234,50</td>');
    expect(web).toContain('ReSpec-term COR en OIN.');
  });

  it('prints wide drawings across both columns and photos within one, never taller than the page', async () => {
    const print = withoutPlacementMarks(readFileSync(path.join(out, 'print', 'index.html'), 'utf8'));
    expect(print).toMatch(/<figure class="plain-figure span-wide"><img[^>]*alt="Een brede tekening/);
    expect(print).toMatch(/<figure class="plain-figure span-wide"><img src="images\/stroom-[0-9a-f]{8}\.svg"/);
    expect(print).toMatch(/<figure class="plain-figure"><img[^>]*alt="Een foto/);
    expect(print).toMatch(/<table class="span-wide">\s*<thead>\s*<tr>\s*<th>Veld/);
    const pdf = await openPdf(path.join(out, 'constructies.pdf'));
    const images = await imagesFrom(pdf);
    const widths = images.map((image) => Math.round(((image.x1 - image.x0) / 72) * 25.4));
    const heights = images.map((image) => Math.round(((image.y1 - image.y0) / 72) * 25.4));
    // A4 with 15 mm margins: the type area is 180 mm wide, a column 86 mm; no image is taller than 190 mm.
    expect(Math.max(...widths)).toBeLessThanOrEqual(180);
    // The wide PNG; the wide SVG drawing is drawn as vector, no image.
    expect(widths.filter((width) => width > 90).length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...heights)).toBeLessThanOrEqual(190);
    for (const image of images) expect(image.x0).toBeGreaterThanOrEqual((15 / 25.4) * 72 - 1);
  });
});
