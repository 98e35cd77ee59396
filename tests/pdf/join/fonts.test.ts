/**
 * One embedded font per face in the joined document (`scripts/pdf/join/fonts/`): each part
 * embeds its own subset of every face it uses; the join merges them. What a reader sees does
 * not change: every page draws and reads as the part it came from.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDict, type PDFDocument, PDFRawStream } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asArray, asName, asNumber, N, streamBytes } from '../../../scripts/pdf-read/objects.ts';
import { closeOrKill, launchForPrint } from '../../../scripts/pdf/browser.ts';
import { mergeGlyphs } from '../../../scripts/pdf/join/fonts/merge-glyphs.ts';
import { parseToUnicode } from '../../../scripts/pdf-read/text.ts';
import { cidWidths } from '../../../scripts/pdf-read/widths.ts';
import { writeToUnicode } from '../../../scripts/pdf/join/fonts/to-unicode.ts';
import { joinParts, type PrintedPart } from '../../../scripts/pdf/join/index.ts';
import { LINK_PREFIX, partsHtml, printParts } from './parts.ts';
import { pdfinfoPages, popplerPages, readPdf } from './read.ts';

/** The embedded TrueType fonts: name without subset tag → how many, and their programs. */
function embedded(doc: PDFDocument): Map<string, Uint8Array[]> {
  const fonts = new Map<string, Uint8Array[]>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || asName(doc.context, object.get(N('Type'))) !== 'FontDescriptor') continue;
    const file = doc.context.lookup(object.get(N('FontFile2')));
    if (!(file instanceof PDFRawStream)) continue;
    const name = asName(doc.context, object.get(N('FontName')))!.replace(/^[A-Z]{6}\+/, '');
    fonts.set(name, [...(fonts.get(name) ?? []), streamBytes(file)]);
  }
  return fonts;
}

/** Each face's drawn glyphs (those with text): code → width and text. */
function glyphsOf(doc: PDFDocument): Map<string, Map<number, { width: number; text: string }>> {
  const { context } = doc;
  const faces = new Map<string, Map<number, { width: number; text: string }>>();
  for (const [, font] of context.enumerateIndirectObjects()) {
    if (!(font instanceof PDFDict) || asName(context, font.get(N('Subtype'))) !== 'Type0') continue;
    const cidFont = context.lookup(asArray(context, font.get(N('DescendantFonts')))!.get(0)) as PDFDict;
    const widths = cidWidths(context, cidFont);
    const fallback = asNumber(context, cidFont.get(N('DW'))) ?? 1000;
    const toUnicode = context.lookup(font.get(N('ToUnicode'))) as PDFRawStream;
    const glyphs = new Map<number, { width: number; text: string }>();
    for (const [code, text] of parseToUnicode(streamBytes(toUnicode)).map)
      glyphs.set(code, { width: widths.get(code) ?? fallback, text });
    const face = asName(context, font.get(N('BaseFont')))!.replace(/^[A-Z]{6}\+/, '');
    faces.set(face, new Map([...(faces.get(face) ?? []), ...glyphs]));
  }
  return faces;
}

/** Each page as poppler draws it, as raw pixels. */
async function drawn(file: string, dir: string): Promise<Buffer[]> {
  mkdirSync(dir, { recursive: true });
  const result = spawnSync('pdftoppm', ['-r', '60', '-png', file, path.join(dir, 'page')]);
  if (result.status !== 0) throw new Error(String(result.stderr));
  const files = readdirSync(dir).sort();
  return Promise.all(files.map((name) => sharp(path.join(dir, name)).raw().toBuffer()));
}

const root = path.resolve(import.meta.dirname, '../../..');

describe('one font per face in the joined document', () => {
  let work: string;
  let parts: PrintedPart[];
  let joinedFile: string;
  let joined: PDFDocument;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'persklaar-join-fonts-'));
    const browser = await launchForPrint();
    try {
      const pdfs = await printParts(browser, work, partsHtml([1, 3, 4]));
      parts = pdfs.map((pdf, index) => ({ name: `part ${index + 1}`, pdf }));
    } finally {
      await closeOrKill(browser);
    }
    for (const [index, part] of parts.entries()) writeFileSync(path.join(work, `part-${index + 1}.pdf`), part.pdf);
    joinedFile = path.join(work, 'joined.pdf');
    writeFileSync(joinedFile, await (await joinParts(parts, { linkPrefix: LINK_PREFIX })).save());
    joined = await readPdf(readFileSync(joinedFile));
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('embeds each face once, where the parts embedded it once each', async () => {
    const perPart = await Promise.all(parts.map(async (part) => embedded(await readPdf(part.pdf))));
    const faces = new Set(perPart.flatMap((fonts) => [...fonts.keys()]));
    // The parts share a face: otherwise there is nothing to merge.
    expect(perPart.filter((fonts) => fonts.has([...faces][0]!)).length).toBeGreaterThan(1);
    const fonts = embedded(joined);
    expect(new Set(fonts.keys())).toEqual(faces);
    for (const programs of fonts.values()) expect(programs).toHaveLength(1);
  });

  it('draws and reads every page as the part it came from', async () => {
    const counts = parts.map((_, index) => pdfinfoPages(path.join(work, `part-${index + 1}.pdf`)));
    const partTexts = counts.flatMap((count, index) => popplerPages(path.join(work, `part-${index + 1}.pdf`), count));
    expect(popplerPages(joinedFile, partTexts.length)).toEqual(partTexts);
    const partPixels: Buffer[] = [];
    for (const index of parts.keys())
      partPixels.push(...(await drawn(path.join(work, `part-${index + 1}.pdf`), path.join(work, `png-${index}`))));
    const joinedPixels = await drawn(joinedFile, path.join(work, 'png-joined'));
    expect(joinedPixels.length).toBe(partPixels.length);
    for (const [page, pixels] of joinedPixels.entries()) expect(Buffer.compare(pixels, partPixels[page]!)).toBe(0);
  });

  it('keeps the width and the text of every glyph a part drew, ligatures too', async () => {
    // The first part draws f and t apart, and so holds the ft ligature undrawn, with no width.
    const look = `<style>@font-face { font-family: Serif; src: url('serif.woff2'); } body { font: 12pt Serif }</style>`;
    copyFileSync(
      path.join(root, 'node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2'),
      path.join(work, 'serif.woff2'),
    );
    const texts = ['<p>Of tot, of niet.</p>', '<p>Heftig, drijft en officieel: software, 10\u2009000 keer.</p>'];
    const browser = await launchForPrint();
    let ligatures: PrintedPart[];
    try {
      const pdfs = await printParts(
        browser,
        work,
        texts.map((text) => `<!doctype html><html lang="nl"><head>${look}</head><body>${text}</body></html>`),
        'ligature',
      );
      ligatures = pdfs.map((pdf, index) => ({ name: `ligature ${index}`, pdf }));
    } finally {
      await closeOrKill(browser);
    }
    const merged = glyphsOf(await readPdf(await (await joinParts(ligatures, { linkPrefix: LINK_PREFIX })).save()));
    let checked = 0;
    for (const part of ligatures)
      for (const [face, glyphs] of glyphsOf(await readPdf(part.pdf)))
        for (const [code, glyph] of glyphs) {
          expect(merged.get(face)?.get(code), `${face} ${code}`).toEqual(glyph);
          checked++;
        }
    expect(checked).toBeGreaterThan(20);
    // The embedded program agrees with the widths: a space too, which only one part drew.
    const joinedDoc = await readPdf(await (await joinParts(ligatures, { linkPrefix: LINK_PREFIX })).save());
    const programs = embedded(joinedDoc);
    for (const [face, glyphs] of merged) {
      const advances = advancesOf(programs.get(face)![0]!);
      for (const [code, glyph] of glyphs) expect(advances[code], `${face} ${code}`).toBeCloseTo(glyph.width, 0);
    }
    const file = path.join(work, 'ligatures.pdf');
    writeFileSync(file, await (await joinParts(ligatures, { linkPrefix: LINK_PREFIX })).save());
    expect(popplerPages(file, 2)[1]).toContain('Heftig, drijft en officieel: software');
  });

  it('passes qpdf', () => {
    const qpdf = spawnSync('qpdf', ['--check', joinedFile], { encoding: 'utf8' });
    expect(qpdf.stdout + qpdf.stderr).not.toMatch(/WARNING/i);
    expect(qpdf.status).toBe(0);
  });

  it('leaves subsets apart that disagree about a glyph', async () => {
    const [program] = embedded(await readPdf(parts[0]!.pdf))
      .values()
      .next().value!;
    const changed = new Uint8Array(program!);
    // A byte inside the glyf table: the same glyph drawn otherwise.
    const glyf = findTable(changed, 'glyf');
    const loca = findTable(changed, 'loca');
    const head = findTable(changed, 'head');
    const long = new DataView(changed.buffer).getInt16(head.offset + 50) === 1;
    const view = new DataView(changed.buffer);
    const firstDrawn = Array.from({ length: 400 }, (_, gid) => gid).find((gid) => {
      const at = (index: number) =>
        long ? view.getUint32(loca.offset + index * 4) : view.getUint16(loca.offset + index * 2) * 2;
      return at(gid + 1) > at(gid);
    })!;
    const start = long
      ? view.getUint32(loca.offset + firstDrawn * 4)
      : view.getUint16(loca.offset + firstDrawn * 2) * 2;
    changed[glyf.offset + start + 4]! ^= 0xff;
    expect(mergeGlyphs([program!, program!])).toBeDefined();
    expect(mergeGlyphs([program!, changed])).toBeUndefined();
  });

  it('writes ToUnicode maps that read back as Chromium’s do', () => {
    const chromium = [
      '2 beginbfchar',
      '<0003> <0020>',
      '<0027> <0044>',
      'endbfchar',
      '2 beginbfrange',
      '<0044> <0046> <0061>',
      '<0050> <0051> [<0066006C> <0041>]',
      'endbfrange',
    ].join('\n');
    const { map } = parseToUnicode(Buffer.from(chromium, 'latin1'));
    expect(map).toEqual(
      new Map([
        [0x03, ' '],
        [0x27, 'D'],
        [0x44, 'a'],
        [0x45, 'b'],
        [0x46, 'c'],
        [0x50, 'fl'],
        [0x51, 'A'],
      ]),
    );
    // A character outside the first plane is two UTF-16 code units, written as both.
    map.set(0x60, '\u{1F600}');
    expect(writeToUnicode(map)).toContain('<0060> <D83DDE00>');
    expect(parseToUnicode(Buffer.from(writeToUnicode(map), 'latin1')).map).toEqual(map);
  });
});

/** Each glyph's advance in a TrueType program, in thousandths of the em. */
function advancesOf(font: Uint8Array): number[] {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const head = findTable(font, 'head');
  const hhea = findTable(font, 'hhea');
  const maxp = findTable(font, 'maxp');
  const hmtx = findTable(font, 'hmtx');
  const unitsPerEm = view.getUint16(head.offset + 18);
  const metrics = view.getUint16(hhea.offset + 34);
  return Array.from(
    { length: view.getUint16(maxp.offset + 4) },
    (_, gid) => (view.getUint16(hmtx.offset + Math.min(gid, metrics - 1) * 4) * 1000) / unitsPerEm,
  );
}

function findTable(font: Uint8Array, tag: string): { offset: number; length: number } {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  for (let index = 0; index < view.getUint16(4); index++) {
    const record = 12 + 16 * index;
    if (String.fromCharCode(...font.subarray(record, record + 4)) === tag)
      return { offset: view.getUint32(record + 8), length: view.getUint32(record + 12) };
  }
  throw new Error(`no ${tag} table`);
}
