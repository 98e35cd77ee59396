/**
 * The press edition of the shipped issue, built by the real command (`--only press`) and read
 * back with pdf-lib, pdf.js and poppler: PDF/X-4 boxes and identification, the marks and the
 * bleed seen in rendered corners, the same pages and contents numbers as the accessible PDF,
 * and the preflight, which must also reject a copy without its output intent.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFNumber, PDFRawStream, type PDFRef } from 'pdf-lib';
import { inflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { checkPress } from '../../scripts/check/press/index.ts';
import { persklaar } from '../helpers/cli.ts';
import { openPdf, pageLines } from '../helpers/pdf.ts';

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const BLEED = 3 * MM;

const accessibleDir = inject('issueBuild');
const out = mkdtempSync(path.join(tmpdir(), 'persklaar-press-'));
const pressFile = path.join(out, 'wendbaar-06-press.pdf');
const accessibleFile = path.join(accessibleDir, 'wendbaar-06.pdf');

type Box = [number, number, number, number];

function box(page: PDFDict, name: string): Box | undefined {
  const value = page.lookupMaybe(PDFName.of(name), PDFArray);
  return value?.asArray().map((item) => (item as PDFNumber).asNumber()) as Box | undefined;
}

/** A grey-level crop of page `page` rendered at 144 dpi by poppler (1 pt = 2 px). */
async function corner(
  page: number,
  x: number,
  y: number,
  size: number,
): Promise<{ at: (px: number, py: number) => number; size: number }> {
  const prefix = path.join(out, `corner-${page}-${x}-${y}`);
  execFileSync('pdftoppm', [
    '-r',
    '144',
    '-gray',
    '-png',
    '-singlefile',
    '-f',
    String(page),
    '-l',
    String(page),
    '-x',
    String(x),
    '-y',
    String(y),
    '-W',
    String(size),
    '-H',
    String(size),
    pressFile,
    prefix,
  ]);
  const { data, info } = await sharp(`${prefix}.png`).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { at: (px, py) => data[Math.round(py) * info.width * info.channels + Math.round(px) * info.channels]!, size };
}

describe('press edition of the shipped issue', () => {
  let press: PDFDocument;
  let accessible: PDFDocument;
  let pressText: PDFDocumentProxy;
  let accessibleText: PDFDocumentProxy;

  beforeAll(async () => {
    const result = persklaar(['build', 'manuscript', '--out', out, '--only', 'press']);
    expect(result.status, result.stderr).toBe(0);
    press = await PDFDocument.load(readFileSync(pressFile), { updateMetadata: false });
    accessible = await PDFDocument.load(readFileSync(accessibleFile), { updateMetadata: false });
    pressText = await openPdf(pressFile);
    accessibleText = await openPdf(accessibleFile);
  });

  afterAll(async () => {
    await pressText?.destroy();
    await accessibleText?.destroy();
    rmSync(out, { recursive: true, force: true });
  });

  it('writes only the press edition with --only press, and a plain build does not make it', () => {
    expect(readdirSync(out).sort()).toEqual(['press', 'wendbaar-06-press.pdf']);
    // The test run's build of the shipped issue, whose issue.yaml does not ask for it.
    expect(readdirSync(accessibleDir).filter((name) => name.includes('press'))).toEqual([]);
  });

  it('has a TrimBox of exactly A4, 3 mm of bleed and a MediaBox beyond it on every page', () => {
    for (const [index, page] of press.getPages().entries()) {
      const trim = box(page.node, 'TrimBox')!;
      const bleed = box(page.node, 'BleedBox')!;
      const media = box(page.node, 'MediaBox')!;
      expect(trim[2] - trim[0], `page ${index + 1}`).toBeCloseTo(A4.width, 2);
      expect(trim[3] - trim[1], `page ${index + 1}`).toBeCloseTo(A4.height, 2);
      for (let side = 0; side < 4; side++) {
        const outward = side < 2 ? -1 : 1;
        expect((bleed[side]! - trim[side]!) * outward).toBeCloseTo(BLEED, 2);
        expect((media[side]! - bleed[side]!) * outward).toBeGreaterThan(5 * MM);
      }
    }
  });

  it('has the same pages, start pages and contents numbers as the accessible PDF', async () => {
    expect(press.getPageCount()).toBe(accessible.getPageCount());
    const contents = async (doc: PDFDocumentProxy) => (await pageLines(doc, 2)).map((line) => line.text).join('\n');
    expect(await contents(pressText)).toBe(await contents(accessibleText));
    for (let page = 1; page <= accessible.getPageCount(); page++) {
      const [a, b] = await Promise.all([pageLines(accessibleText, page), pageLines(pressText, page)]);
      expect(
        b.map((line) => line.text),
        `page ${page}`,
      ).toEqual(a.map((line) => line.text));
    }
  });

  it('is PDF 1.6, identified as PDF/X-4 in XMP and Info, with a CMYK printer output intent', () => {
    const bytes = readFileSync(pressFile);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.6');
    const metadata = press.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream;
    const xmp = Buffer.from(metadata.contents).toString('utf8');
    expect(xmp).toMatch(/<pdfxid:GTS_PDFXVersion>PDF\/X-4<\/pdfxid:GTS_PDFXVersion>/);
    expect(xmp).toMatch(/<pdf:Trapped>False<\/pdf:Trapped>/);
    expect(xmp).toMatch(/<rdf:li xml:lang="x-default">Wendbaar #06 — juni 2022<\/rdf:li>/);
    expect(xmp).toMatch(/<xmp:CreateDate>2022-06-01T00:00:00\+00:00<\/xmp:CreateDate>/);
    const info = press.context.lookup(press.context.trailerInfo.Info) as PDFDict;
    expect(info.get(PDFName.of('Trapped'))).toBe(PDFName.of('False'));
    const intents = press.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    expect(intents.size()).toBe(1);
    const intent = intents.lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFX'));
    expect(intent.get(PDFName.of('OutputConditionIdentifier'))?.toString()).toBe('(CGATS TR 001)');
    const profile = intent.lookup(PDFName.of('DestOutputProfile')) as PDFRawStream;
    const icc = inflateSync(profile.contents);
    expect(icc.subarray(12, 16).toString('latin1')).toBe('prtr');
    expect(icc.subarray(16, 20).toString('latin1')).toBe('CMYK');
  });

  it('is a sound PDF to qpdf', () => {
    expect(execFileSync('qpdf', ['--check', pressFile], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors found',
    );
  });

  it('has no annotations, and every font embedded (pdffonts)', () => {
    for (const page of press.getPages()) expect(page.node.get(PDFName.of('Annots'))).toBeUndefined();
    // Not even as objects no page lists: the accessible PDF has its links, the press file none.
    const bytes = (file: string) => readFileSync(file).toString('latin1');
    expect(bytes(accessibleFile)).toMatch(/\/Subtype\s*\/Link/);
    expect(bytes(pressFile)).not.toMatch(/\/Subtype\s*\/Link/);
    const fonts = execFileSync('pdffonts', [pressFile], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(3);
    for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe('yes');
  });

  it('prints every photo at 250 ppi or more as placed (pdfimages)', () => {
    const rows = execFileSync('pdfimages', ['-list', pressFile], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const columns = row.trim().split(/\s+/);
      expect(Math.min(Number(columns[12]), Number(columns[13])), row).toBeGreaterThanOrEqual(250);
    }
  });

  it('draws crop marks outside the bleed in all four corners, and prints the cover into the bleed', async () => {
    const page = press.getPage(0).node;
    const media = box(page, 'MediaBox')!;
    const trim = box(page, 'TrimBox')!;
    const bleed = box(page, 'BleedBox')!;
    // Page coordinates (points) to pixels of the 144 dpi rendering, whose origin is the MediaBox's top left.
    const px = (x: number) => (x - media[0]) * 2;
    const py = (y: number) => (media[3] - y) * 2;
    const size = 100;
    for (const [tx, bx, dx] of [
      [trim[0], bleed[0], -1],
      [trim[2], bleed[2], 1],
    ] as const) {
      for (const [ty, by, dy] of [
        [trim[1], bleed[1], -1],
        [trim[3], bleed[3], 1],
      ] as const) {
        const x = Math.round(px(tx) - size / 2);
        const y = Math.round(py(ty) - size / 2);
        const crop = await corner(1, x, y, size);
        const local = (pageX: number, pageY: number) => crop.at(px(pageX) - x, py(pageY) - y);
        // The horizontal and vertical marks, a little beyond the bleed edge, along the trim lines.
        const markX = bx + dx * 4 * MM;
        const markY = by + dy * 4 * MM;
        expect(Math.min(...[-0.5, 0, 0.5].map((d) => local(markX, ty + d))), `mark along y=${ty}`).toBeLessThan(160);
        expect(Math.min(...[-0.5, 0, 0.5].map((d) => local(tx + d, markY))), `mark along x=${tx}`).toBeLessThan(160);
        // No mark inside the bleed: the photo there, not a line. Between the bleed edge and the mark, paper.
        expect(local(bx + dx * 1.2 * MM, by + dy * 1.2 * MM)).toBe(255);
        // The cover reaches the bleed edge (photo and colour bands; the teaser band at the foot is
        // nearly white): the corner of the bleed is not paper.
        expect(local(bx - dx * 0.5 * MM, by - dy * 0.5 * MM), `bleed corner ${tx},${ty}`).toBeLessThan(254);
      }
    }
  });

  it('passes the press preflight, and `persklaar check` rejects a copy without its output intent', async () => {
    const result = await checkPress(readFileSync(pressFile), 'press.pdf');
    expect(result.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    // 36 pages, a multiple of four: no page-count warning.
    expect(result.findings.map((finding) => finding.check)).toEqual([]);
    const passed = persklaar(['check', pressFile]);
    expect(passed.status, passed.stdout).toBe(0);
    expect(passed.stdout).toContain('PDF/X-4 press preflight passed (36 pages');

    const copy = await PDFDocument.load(readFileSync(pressFile), { updateMetadata: false });
    copy.catalog.delete(PDFName.of('OutputIntents'));
    const stripped = path.join(out, 'without-intent.pdf');
    writeFileSync(stripped, await copy.save());
    const rejected = persklaar(['check', stripped]);
    expect(rejected.status).toBe(1);
    expect(rejected.stdout).toContain('no OutputIntent with /S /GTS_PDFX');
  });

  it('names the page and the object of each fault the preflight finds in a spoiled copy', async () => {
    const copy = await PDFDocument.load(readFileSync(pressFile), { updateMetadata: false });
    const pages = copy.getPages();
    // Page 2: a letter-size trim. Page 3: a link. Page 4: RGB without its DefaultRGB.
    pages[1]!.node.set(PDFName.of('TrimBox'), copy.context.obj([0, 0, 612, 792]));
    pages[2]!.node.set(
      PDFName.of('Annots'),
      copy.context.obj([copy.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10] })]),
    );
    const resources = pages[3]!.node.lookup(PDFName.of('Resources'), PDFDict);
    resources.lookup(PDFName.of('ColorSpace'), PDFDict).delete(PDFName.of('DefaultRGB'));
    // Page 1: the cover's gradient (a shading pattern inside the tiling pattern Chromium paints
    // it with) in DeviceRGB, and no DefaultRGB there to say what it means.
    const cover = pages[0]!.node.lookup(PDFName.of('Resources'), PDFDict);
    const dictOf = (value: unknown) => {
      const object = copy.context.lookup(value as PDFRef);
      return object instanceof PDFRawStream ? object.dict : object instanceof PDFDict ? object : undefined;
    };
    const tiling = cover
      .lookup(PDFName.of('Pattern'), PDFDict)
      .entries()
      .map(([, value]) => dictOf(value)?.lookupMaybe(PDFName.of('Resources'), PDFDict))
      .find((resources) => resources?.has(PDFName.of('Pattern')))!;
    tiling.lookup(PDFName.of('ColorSpace'), PDFDict).delete(PDFName.of('DefaultRGB'));
    const [patternName, pattern] = tiling
      .lookup(PDFName.of('Pattern'), PDFDict)
      .entries()
      .find(([, value]) => dictOf(value)?.has(PDFName.of('Shading')))!;
    dictOf(pattern)!.lookup(PDFName.of('Shading'), PDFDict).set(PDFName.of('ColorSpace'), PDFName.of('DeviceRGB'));
    // A font that lost its embedded program, wherever it is used.
    const font = pages[2]!.node.lookup(PDFName.of('Resources'), PDFDict).lookup(PDFName.of('Font'), PDFDict);
    const [, first] = font.entries()[0]!;
    const descendant = copy.context
      .lookup(first, PDFDict)
      .lookup(PDFName.of('DescendantFonts'), PDFArray)
      .lookup(0, PDFDict);
    const descriptor = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict);
    const fontName = descendant.lookup(PDFName.of('BaseFont'), PDFName).decodeText();
    descriptor.delete(PDFName.of('FontFile2'));
    const result = await checkPress(await copy.save(), 'spoiled.pdf');
    const errors = result.findings.filter((finding) => finding.severity === 'error');
    expect(errors).toContainEqual(
      expect.objectContaining({ check: 'boxes', page: 2, object: 'TrimBox', message: expect.stringMatching(/not A4/) }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ check: 'annotations', page: 3, object: 'Link annotation' }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ check: 'colour', page: 4, message: expect.stringMatching(/without a DefaultRGB/) }),
    );
    expect(errors).toContainEqual(expect.objectContaining({ check: 'fonts', page: 3, object: `font ${fontName}` }));
    expect(errors).toContainEqual(
      expect.objectContaining({ check: 'colour', page: 1, object: `pattern /${patternName.decodeText()}` }),
    );
    // pdf-lib writes every file it saves as PDF 1.7: the one fault of the whole document.
    expect(errors.filter((finding) => finding.page === undefined)).toEqual([
      {
        severity: 'error',
        check: 'version',
        object: 'file header',
        message: 'the file is PDF 1.7; PDF/X-4 allows at most 1.6',
      },
    ]);
    const fontPages = errors.filter((finding) => finding.check === 'fonts').map((finding) => finding.page);
    expect(new Set(errors.map((finding) => finding.page))).toEqual(new Set([undefined, 1, 2, 3, 4, ...fontPages]));
  });

  it('leaves the accessible PDF to the PDF/UA preflight', () => {
    const result = persklaar(['check', accessibleFile]);
    expect(result.stdout).toContain('PDF/UA preflight');
  });
});
