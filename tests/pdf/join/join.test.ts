/**
 * Parts printed one by one and joined (scripts/pdf/join/) read, to poppler, pdf.js, pdf-lib,
 * the page map, the finishing and the referee, as one print of the whole: pages and folios in
 * order, one outline, one structure tree whose marked content matches the pages, named
 * destinations and links between parts that land where they should.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PDFDocument } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPdf } from '../../../scripts/check/pdf-ua.ts';
import { closeOrKill, launchForPrint } from '../../../scripts/pdf/browser.ts';
import { finishDocument } from '../../../scripts/pdf/finish/index.ts';
import { joinParts, type PrintedPart } from '../../../scripts/pdf/join/index.ts';
import { readStartPages } from '../../../scripts/pdf/page-map.ts';
import { dropDestinations, readDestinations } from '../../../scripts/pdf/placement/measure.ts';
import { links, openPdf, outlinePages } from '../../pdf-finish/helpers.ts';
import { LINK_PREFIX, partsHtml, printParts } from './parts.ts';
import {
  destinationPages,
  elementIds,
  outlineFaults,
  pdfinfoPages,
  popplerPages,
  readPdf,
  structureFaults,
  structureTop,
} from './read.ts';

const options = { linkPrefix: LINK_PREFIX };
const named = (pdfs: Uint8Array[], names = ['een', 'twee', 'drie']): PrintedPart[] =>
  pdfs.map((pdf, index) => ({ name: `the article ${names[index]}`, pdf }));

describe('joining parts printed one by one', () => {
  let work: string;
  let parts: PrintedPart[];
  let stray: PrintedPart;
  /** The second part printed again, after the others, in the same renderer. */
  let reprinted: PrintedPart;
  /** The second part with ids of its own, to join beside the first. */
  let secondTable: PrintedPart;
  let joined: Uint8Array;
  let doc: PDFDocument;
  let partDocs: PDFDocument[];
  /** Each part's first page in the joined document (0-based). */
  let offsets: number[];

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'persklaar-join-'));
    const browser = await launchForPrint();
    try {
      parts = named(await printParts(browser, work, partsHtml([1, 3, 4])));
      // A fourth part whose link names an id that no part has.
      const [strayHtml] = partsHtml([1, 1, 1], { idPrefix: 'los-' });
      const [strayPdf] = await printParts(browser, work, [strayHtml!], 'stray');
      stray = { name: 'the article vier', pdf: strayPdf! };
      const [againPdf] = await printParts(browser, work, [partsHtml([1, 3, 4])[1]!], 'again');
      reprinted = { name: parts[1]!.name, pdf: againPdf! };
      const [tablePdf] = await printParts(browser, work, [partsHtml([1, 3, 4], { idPrefix: 'nog-' })[1]!], 'table');
      secondTable = { name: 'the article vijf', pdf: tablePdf! };
    } finally {
      await closeOrKill(browser);
    }
    for (const [index, part] of parts.entries()) writeFileSync(path.join(work, `part-${index + 1}.pdf`), part.pdf);
    doc = await joinParts(parts, options);
    joined = await doc.save({ useObjectStreams: false });
    writeFileSync(path.join(work, 'joined.pdf'), joined);
    doc = await readPdf(joined);
    partDocs = await Promise.all(parts.map((part) => readPdf(part.pdf)));
    offsets = partDocs.map((_, index) => partDocs.slice(0, index).reduce((sum, part) => sum + part.getPageCount(), 0));
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('holds every part’s pages in order, their folios continuing', () => {
    const counts = parts.map((_, index) => pdfinfoPages(path.join(work, `part-${index + 1}.pdf`)));
    // The parts' folios start at 1, 3 and 4: the parts are two, one and two pages long.
    expect(counts).toEqual([2, 1, 2]);
    expect(pdfinfoPages(path.join(work, 'joined.pdf'))).toBe(5);
    const partTexts = counts.flatMap((count, index) => popplerPages(path.join(work, `part-${index + 1}.pdf`), count));
    const texts = popplerPages(path.join(work, 'joined.pdf'), 5);
    expect(texts).toEqual(partTexts);
    const folios = texts.map((text) => text.trim().split('\n').at(-1)!.trim());
    expect(folios).toEqual(['1', '2', '3', '4', '5']);
    expect(texts[0]).toContain('Het eerste stuk');
    expect(texts[2]).toContain('Het tweede stuk');
    expect(texts[4]).toContain('Het doel');
  });

  it('has one outline: every part’s headings in order, each leading to its page', async () => {
    const outline = await outlinePages(await openPdf(joined));
    const expected = [];
    for (const [index, part] of parts.entries()) {
      for (const item of await outlinePages(await openPdf(part.pdf)))
        expected.push({ ...item, page: item.page + offsets[index]! });
    }
    expect(outline).toEqual(expected);
    expect(outline).toEqual([
      { title: 'Het eerste stuk', page: 0 },
      { title: 'Verder in het eerste stuk', page: 1 },
      { title: 'Het tweede stuk', page: 2 },
      { title: 'Het derde stuk', page: 3 },
      { title: 'Het doel', page: 4 },
    ]);
    expect(outlineFaults(doc)).toEqual([]);
  });

  it('links from one part to another as inside one document, to the right page', async () => {
    const pdf = await openPdf(joined);
    const found = await links(pdf);
    expect(found.filter((link) => link.url?.startsWith(LINK_PREFIX))).toEqual([]);
    const pageOf = async (dest: unknown) => {
      const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : (dest as unknown[]);
      return pdf.getPageIndex(explicit![0] as { num: number; gen: number });
    };
    const targets = await Promise.all(found.map(async (link) => [link.page, link.dest, await pageOf(link.dest)]));
    // As Chromium writes a link inside a document: a named destination.
    expect(targets).toEqual([
      [1, 'doel-drie', 4],
      [1, 'een-verder', 1],
      [3, 'twee', 2],
    ]);
  });

  it('keeps every part’s named destinations, as the catalog’s /Dests, on their pages', () => {
    const expected = new Map<string, number>();
    partDocs.forEach((part, index) => {
      for (const [name, page] of destinationPages(part)) expected.set(name, page + offsets[index]!);
    });
    expect(destinationPages(doc)).toEqual(expected);
    expect([...expected.keys()].sort()).toEqual(['doel-drie', 'een-verder', 'twee']);
  });

  it('is read by the page map and the placement’s measure as a single print', async () => {
    const facts = readStartPages(doc, { twee: 'twee', drie: 'doel-drie' });
    expect(facts).toEqual({ pageCount: 5, startPages: { twee: 3, drie: 5 } });
    const printed = readDestinations(
      doc,
      () => true,
      () => false,
    );
    expect([...printed.spots].map(([name, spot]) => [name, spot.page]).sort()).toEqual([
      ['doel-drie', 5],
      ['een-verder', 2],
      ['twee', 3],
    ]);
    const copy = await readPdf(joined);
    dropDestinations(copy, (name) => name === 'twee');
    expect([...destinationPages(copy).keys()].sort()).toEqual(['doel-drie', 'een-verder']);
  });

  it('has one structure tree: one Document holding the parts’ elements, matching every page', () => {
    const top = partDocs.flatMap((part) => structureTop(part).kids);
    expect(structureTop(doc)).toEqual({ top: ['Document'], kids: top });
    expect(top).toHaveLength(3);
    expect(structureFaults(doc)).toEqual([]);
    // Each part alone is as consistent as the join: the check reads what it should.
    for (const part of partDocs) expect(structureFaults(part)).toEqual([]);
  });

  it('passes the referee and qpdf once finished', async () => {
    const finished = await finishDocument(await joinParts(parts, options), {
      title: 'Drie stukken',
      language: 'nl',
      creators: ['Redactie'],
      modDate: new Date('2024-01-01T00:00:00Z'),
    });
    const file = path.join(work, 'finished.pdf');
    writeFileSync(file, finished.bytes);
    expect((await checkPdf(finished.bytes, 'finished.pdf')).failures).toEqual([]);
    const qpdf = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(qpdf.stdout + qpdf.stderr).not.toMatch(/WARNING/i);
    expect(qpdf.status).toBe(0);
  });

  it('gives the same bytes for the same parts, whatever was joined before', async () => {
    const first = await (await joinParts(parts, options)).save();
    await joinParts([...parts].reverse(), options);
    const again = await (await joinParts(parts, options)).save();
    expect(Buffer.compare(first, again)).toBe(0);
    expect(Buffer.compare(first, await (await joinParts([...parts].reverse(), options)).save())).not.toBe(0);
  });

  it('names table headers once each, in the joined tree’s order, whatever renderer printed them', async () => {
    // Chromium names a header cell by its renderer's node counter, which runs on from print to print.
    const raw = elementIds(partDocs[1]!);
    expect(raw.ids).toHaveLength(2);
    expect(elementIds(await readPdf(reprinted.pdf)).ids).not.toEqual(raw.ids);
    const twice = elementIds(await joinParts([parts[1]!, secondTable], options));
    expect(twice.ids).toEqual(['id000001', 'id000002', 'id000003', 'id000004']);
    expect([...twice.treeTypes]).toEqual(twice.ids.map((id) => [id, 'TH']));
    expect(twice.headers.length).toBeGreaterThan(0);
    for (const header of twice.headers) expect(twice.treeTypes.has(header)).toBe(true);
    const withReprint = await (await joinParts([parts[0]!, reprinted, parts[2]!], options)).save();
    expect(Buffer.compare(withReprint, await (await joinParts(parts, options)).save())).toBe(0);
  });

  it('refuses a link to an id that no part has, naming the part and the fragment', async () => {
    await expect(joinParts([...parts, stray], options)).rejects.toThrow(
      'the article vier links to #los-doel-drie, which is a destination in no part',
    );
  });
});
