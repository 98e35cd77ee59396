/**
 * The PDF/UA-1 finishing step on real Chromium output: the raw print fails the preflight for
 * the reasons we know Chromium leaves, the finished file passes, and everything other software
 * reads (structure, alt text, outline, links, text, pixels) survives the edit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDict, PDFDocument, PDFName, PDFRef } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPdf, type CheckFailure } from '../../scripts/check/pdf-ua.ts';
import { launchChromium } from '../../scripts/pdf/browser.ts';
import { finishPdfWithReport, type FinishMeta, type FinishReport } from '../../scripts/pdf/finish/index.ts';
import { asDict, asNumber, asText, N, pageContentBytes, refKey } from '../../scripts/pdf-read/objects.ts';
import { PageMemo } from '../../scripts/pdf/finish/page-memo.ts';
import { ParentTree } from '../../scripts/pdf-read/parent-tree.ts';
import { kidsOf, walkElements } from '../../scripts/pdf-read/tree.ts';
import {
  fixtureDir,
  links,
  markedText,
  openPdf,
  outlinePages,
  pageTexts,
  render,
  structTrees,
  walk,
} from './helpers.ts';

const meta: FinishMeta = {
  title: 'Wendbaar #06 — proefnummer',
  language: 'nl',
  creators: ['Redactie Wendbaar', 'Anne de Auteur'],
  subject: 'Proef voor de PDF/UA-afwerking',
  keywords: ['toegankelijkheid', 'PDF/UA'],
  producer: 'Persklaar test',
  modDate: new Date('2022-06-01T10:00:00Z'),
};

/** A long issue made of the sample article many times over, for the timing check. */
function longIssueHtml(): string {
  const sample = readFileSync(path.join(fixtureDir, 'sample.html'), 'utf8');
  const article = /<article>([\s\S]*?)<\/article>/.exec(sample)![1]!;
  const filler = `<p>${'Een lange alinea over de inhoud van dit nummer, die de bladzijden vult. '.repeat(40)}</p>`;
  const articles = Array.from(
    { length: 16 },
    (_, i) =>
      `<article>${article.replaceAll('id="', `id="r${i}-`).replaceAll('href="#', `href="#r${i}-`)}${filler}</article>`,
  ).join('\n');
  return sample
    .replace('<head>', `<head><base href="${pathToFileURL(fixtureDir).href}/">`)
    .replace(/<article>[\s\S]*?<\/article>/, articles)
    .replace('href="#lijsten"', 'href="#r0-lijsten"');
}

const byCheckpoint = (failures: CheckFailure[], checkpoint: string) =>
  failures.filter((f) => f.checkpoint === checkpoint);

describe('PDF/UA finishing of a Chromium print', () => {
  let work: string;
  let raw: Uint8Array;
  let finished: Uint8Array;
  let report: FinishReport;
  let longRaw: Uint8Array;
  let flawedRaw: Uint8Array;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'persklaar-finish-'));
    const longFile = path.join(work, 'long.html');
    writeFileSync(longFile, longIssueHtml());
    const browser = await launchChromium();
    try {
      raw = await render(browser, path.join(fixtureDir, 'sample.html'));
      longRaw = await render(browser, longFile);
      flawedRaw = await render(browser, path.join(fixtureDir, 'flawed.html'));
    } finally {
      await browser.close();
    }
    ({ bytes: finished, report } = await finishPdfWithReport(raw, meta));
    writeFileSync(path.join(work, 'raw.pdf'), raw);
    writeFileSync(path.join(work, 'finished.pdf'), finished);
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  describe('the raw Chromium print fails the preflight', () => {
    let failures: CheckFailure[];
    beforeAll(async () => {
      failures = (await checkPdf(raw, 'raw.pdf')).failures;
    });

    it('for running heads, folios, ornaments and decorative images left unmarked', () => {
      const untagged = byCheckpoint(failures, '01-005');
      const messages = untagged.map((f) => `page ${f.page}: ${f.message}`);
      const last = report.pages;
      // Every page has its running head and folio; the interview's named page has its own head.
      expect(messages).toContainEqual(expect.stringMatching(/^page 1: text "Kop" outside tagged content/));
      expect(messages).toContainEqual(expect.stringMatching(/^page 1: text "1" outside tagged content/));
      expect(messages).toContainEqual(
        expect.stringMatching(new RegExp(`^page ${last}: text "Interview" outside tagged content`)),
      );
      expect(messages).toContainEqual(
        expect.stringMatching(new RegExp(`^page ${last}: text "${last}" outside tagged content`)),
      );
      expect(messages).toContainEqual(expect.stringMatching(/^page 1: text "❧" outside tagged content/));
      expect(messages).toContainEqual(expect.stringMatching(/^page 1: image \/X\d+ outside tagged content/));
      expect(messages).toContainEqual(expect.stringMatching(/^page \d+: \d+ × path fill .* outside tagged content/));
    });

    it('for missing XMP identification and title', () => {
      expect(byCheckpoint(failures, '06-001')).toHaveLength(1);
      expect(byCheckpoint(failures, '06-002')).toHaveLength(1);
      expect(byCheckpoint(failures, '06-003')).toHaveLength(1);
    });

    it(
      'for PDF 2.0 type names, list items without LBody, the ' +
        '<figure> Figure without Alt and links without Contents',
      () => {
        // A labelled <aside> comes out as Aside (an unlabelled one as NonStruct).
        expect(
          byCheckpoint(failures, '02-001')
            .map((f) => f.element)
            .sort(),
        ).toEqual(['Aside', 'Em', 'Strong']);
        const lists = byCheckpoint(failures, '09-005');
        expect(lists.length).toBeGreaterThanOrEqual(6);
        expect(lists[0]).toMatchObject({
          page: 1,
          element: 'LI “1. Eerste punt”',
          message: expect.stringContaining('LI contains NonStruct'),
        });
        expect(byCheckpoint(failures, '13-004')).toEqual([
          expect.objectContaining({
            page: expect.any(Number),
            element: expect.stringMatching(/^Figure “Een oranje tegel/),
            message: expect.stringContaining('groups other elements'),
          }),
        ]);
        // One per annotation: a link broken over lines has one annotation per line.
        const links = byCheckpoint(failures, '28-004');
        expect(new Set(links.map((f) => f.element))).toEqual(
          new Set([
            'Link annotation to https://example.org/wendbaar',
            'Link annotation to #begin',
            'Link annotation to #lijsten',
            'Link annotation to https://example.org/lang',
          ]),
        );
      },
    );

    it('for soft hyphens inside lines, which split words in the text', () => {
      expect(byCheckpoint(failures, 'ISO32000-1:14.8.2.2.3')).toEqual([
        expect.objectContaining({
          page: expect.any(Number),
          message: expect.stringMatching(/^\d+ soft hyphens? \(U\+00AD\) inside lines/),
        }),
      ]);
    });

    it('and for nothing that Chromium already gets right', () => {
      const known = new Set([
        '01-005',
        '02-001',
        '06-001',
        '06-002',
        '06-003',
        '09-005',
        '13-004',
        '28-004',
        'ISO32000-1:14.8.2.2.3',
      ]);
      expect(failures.filter((f) => !known.has(f.checkpoint))).toEqual([]);
    });
  });

  it('passes the preflight once finished', async () => {
    expect((await checkPdf(finished, 'finished.pdf')).failures).toEqual([]);
    expect(report.pages).toBeGreaterThanOrEqual(2);
    expect(report.artifacts).toMatchObject({ Header: report.pages, Footer: report.pages });
    expect(report.structure).toMatchObject({
      roleMapped: { Em: 'Span', Strong: 'Span', Aside: 'Sect' },
      figuresToDiv: 1,
      lbodiesAdded: 6,
      deadLinks: 0,
    });
    expect(report.structure!.linkContents).toBeGreaterThanOrEqual(5);
  });

  it('writes a 1.7 header, XMP with pdfuaid:part 1 and an Info dictionary in step with it', async () => {
    expect(Buffer.from(finished.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7');
    const doc = await PDFDocument.load(finished, { updateMetadata: false });
    expect(doc.getTitle()).toBe(meta.title);
    expect(doc.getAuthor()).toBe('Redactie Wendbaar, Anne de Auteur');
    expect(doc.getProducer()).toBe('Persklaar test');
    expect(doc.getModificationDate()?.toISOString()).toBe('2022-06-01T10:00:00.000Z');
    expect(doc.getCreationDate()?.toISOString()).toBe('2022-06-01T10:00:00.000Z');
    const catalog = doc.catalog;
    expect(asText(doc.context, catalog.get(N('Lang')))).toBe('nl');
    expect(
      asDict(doc.context, catalog.get(N('ViewerPreferences')))
        ?.get(N('DisplayDocTitle'))
        ?.toString(),
    ).toBe('true');
    expect(
      asDict(doc.context, catalog.get(N('MarkInfo')))
        ?.get(N('Marked'))
        ?.toString(),
    ).toBe('true');

    const pdf = await openPdf(finished);
    const { info, metadata } = (await pdf.getMetadata()) as unknown as {
      info: Record<string, unknown>;
      metadata: { get(name: string): unknown; getRaw(): string };
    };
    expect(info.PDFFormatVersion).toBe('1.7');
    expect(info.Title).toBe(meta.title);
    expect(metadata.get('dc:title')).toBe(meta.title);
    const xml = metadata.getRaw();
    expect(xml).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xml).toContain('xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"');
    expect(xml).toContain('<rdf:li xml:lang="x-default">Wendbaar #06 — proefnummer</rdf:li>');
    expect(xml).toMatch(/<dc:language>\s*<rdf:Bag>\s*<rdf:li>nl<\/rdf:li>/);
    expect(xml).toContain('<rdf:li>Anne de Auteur</rdf:li>');
    expect(xml).toContain('<xmp:ModifyDate>2022-06-01T10:00:00+00:00</xmp:ModifyDate>');
    await pdf.destroy();
  });

  it('keeps the structure tree: Figure alt from the HTML, lists as Lbl + LBody, roles resolved', async () => {
    const pdf = await openPdf(finished);
    const trees = await structTrees(pdf);
    expect(trees.every((tree) => tree !== null)).toBe(true);
    const figures: (string | undefined)[] = [];
    const listItemKids = new Set<string>();
    const roles = new Set<string>();
    for (const tree of trees) {
      walk(tree, (node, parent) => {
        if (node.role) roles.add(node.role);
        if (node.role === 'Figure') figures.push(node.alt);
        if (parent?.role === 'LI' && node.role) listItemKids.add(node.role);
      });
    }
    expect(figures).toEqual(['Een oranje tegel']);
    expect([...listItemKids].sort()).toEqual(['LBody', 'Lbl']);
    expect(roles).toContain('Caption');
    expect(roles).toContain('H3');
    expect(roles).toContain('Sect'); // the Aside, as pdf.js resolves it through the RoleMap
    await pdf.destroy();
  });

  it('keeps the ParentTree consistent with every MCID and OBJR in the tree, and /P pointers right', async () => {
    const doc = await PDFDocument.load(finished, { updateMetadata: false });
    const context = doc.context;
    const rootDict = asDict(context, doc.catalog.get(N('StructTreeRoot')))!;
    const tree = ParentTree.read(context, rootDict);
    let checked = 0;
    const problems: string[] = [];
    walkElements(context, rootDict, (elem, ref, ancestors) => {
      const parent = elem.get(N('P'));
      const expectedParent = ancestors[ancestors.length - 1];
      if (expectedParent && !(parent instanceof PDFRef && context.lookup(parent) === expectedParent))
        problems.push(`bad /P on ${elem.get(N('S'))}`);
      for (const kid of kidsOf(context, elem)) {
        if (kid.kind === 'mcid') {
          const key = asNumber(context, asDict(context, kid.page)?.get(N('StructParents')));
          const owner = key === undefined ? undefined : tree.mcidOwner(key, kid.mcid);
          if (!(owner instanceof PDFRef && ref && refKey(owner) === refKey(ref)))
            problems.push(`MCID ${kid.mcid} not owned by its element`);
          checked++;
        } else if (kid.kind === 'objr') {
          const key = asNumber(context, asDict(context, kid.obj)?.get(N('StructParent')));
          const owner = key === undefined ? undefined : tree.objectOwner(key);
          if (!(owner instanceof PDFRef && ref && refKey(owner) === refKey(ref)))
            problems.push('OBJR not owned by its element');
          checked++;
        }
      }
    });
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(40);
    // And no element lost its place: LBody elements hang under LI.
    let lbodies = 0;
    walkElements(context, rootDict, (elem, _ref, ancestors) => {
      if (elem.get(N('S'))?.toString() === '/LBody') {
        lbodies++;
        expect((ancestors[ancestors.length - 1] as PDFDict).get(N('S'))?.toString()).toBe('/LI');
      }
    });
    expect(lbodies).toBe(6);
  });

  it('marks running heads and folios as artifacts and keeps real text tagged (as pdf.js reads it)', async () => {
    const pdf = await openPdf(finished);
    const all: (Awaited<ReturnType<typeof markedText>>[number] & { page: number })[] = [];
    for (let n = 1; n <= pdf.numPages; n++)
      for (const placement of await markedText(pdf, n)) all.push({ ...placement, page: n });
    const find = (text: string) => all.find((p) => p.text.includes(text));
    expect(find('Kop')).toMatchObject({ page: 1, tag: 'Artifact', tagged: false });
    expect(all.filter((p) => p.page === 1 && p.text.trim() === '1').some((p) => p.tag === 'Artifact')).toBe(true);
    expect(find('Interview')).toMatchObject({ page: pdf.numPages, tag: 'Artifact' });
    expect(find('Wendbaar #06')).toMatchObject({ page: 1, tagged: true });
    expect(find('Eerste punt')).toMatchObject({ tagged: true });
    expect(find('Figuur 1.')).toMatchObject({ tagged: true });
    for (const placement of all) {
      expect(placement.tagged || placement.tag === 'Artifact', `page ${placement.page}: "${placement.text}"`).toBe(
        true,
      );
    }
    await pdf.destroy();
  });

  it('keeps bookmarks pointing at the pages their headings are on', async () => {
    const before = await openPdf(raw);
    const after = await openPdf(finished);
    const outline = await outlinePages(after);
    expect(outline).toEqual(await outlinePages(before));
    expect(outline.map((o) => o.title)).toEqual(['Wendbaar #06', 'Lijsten', 'Verder lezen', 'Gesprek']);
    const texts = await pageTexts(after);
    for (const { title, page } of outline) expect(texts[page], title).toContain(title);
    await before.destroy();
    await after.destroy();
  });

  it('keeps link annotations with their targets and gives them their link text as /Contents', async () => {
    const before = await openPdf(raw);
    const after = await openPdf(finished);
    const old = await links(before);
    const now = await links(after);
    expect(now.map(({ page, url, dest }) => ({ page, url, dest }))).toEqual(
      old.map(({ page, url, dest }) => ({ page, url, dest })),
    );
    // Soft hyphens (which Chromium writes as ActualText U+00AD) and the hyphen drawn at a line
    // break do not end up in the description; a link broken over lines has one annotation
    // per line, each described by the whole link text.
    const described = new Map(now.map((l) => [String(l.url ?? l.dest), l.contents]));
    expect(described).toEqual(
      new Map([
        ['https://example.org/wendbaar', 'externe link'],
        ['begin', 'het begin van dit nummer'],
        ['lijsten', 'zie de lijsten'],
        ['https://example.org/lang', 'het ontzettendlange artikel'],
      ]),
    );
    expect(now.every((l) => l.contents === described.get(String(l.url ?? l.dest)))).toBe(true);
    expect(now.filter((l) => l.url === 'https://example.org/lang').length).toBeGreaterThanOrEqual(2);
    await before.destroy();
    await after.destroy();
  });

  it('changes no text and no pixel', async () => {
    const before = await openPdf(raw);
    const after = await openPdf(finished);
    expect(await pageTexts(after)).toEqual(await pageTexts(before));
    expect(after.numPages).toBe(before.numPages);
    await before.destroy();
    await after.destroy();
    const pixels = (name: string): Buffer[] => {
      const prefix = path.join(work, `px-${name}`);
      const result = spawnSync('pdftoppm', ['-r', '36', '-gray', path.join(work, `${name}.pdf`), prefix]);
      expect(result.status).toBe(0);
      return Array.from({ length: report.pages }, (_, i) => readFileSync(`${prefix}-${i + 1}.pgm`));
    };
    const a = pixels('raw');
    const b = pixels('finished');
    for (let i = 0; i < a.length; i++) expect(b[i]!.equals(a[i]!), `page ${i + 1}`).toBe(true);
  });

  it('takes soft hyphens out of lines, and keeps those where a line breaks', () => {
    // The narrow paragraph breaks "ont­zet­tend­lan­ge" at some of its soft hyphens, not all.
    expect(report.softHyphens.removed).toBeGreaterThan(0);
    expect(report.softHyphens.kept).toBeGreaterThan(0);
    const layout = (name: string) =>
      spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', path.join(work, `${name}.pdf`), '-'], { encoding: 'utf8' })
        .stdout;
    const inside = /\u00ad(?=[^\s\u00ad\u2010-])/g;
    expect(layout('raw').match(inside)?.length).toBe(report.softHyphens.removed);
    expect(layout('finished').match(inside)).toBeNull();
    // Chromium's print reads "U+00AD U+2010" at the break (U+2010 is this font's hyphen); ours
    // reads the drawn hyphen as the soft hyphen, alone.
    expect(layout('raw').match(/\u00ad\u2010/g)?.length).toBe(report.softHyphens.kept);
    expect(layout('finished').match(/\u00ad(?=\s|$)/g)?.length).toBe(report.softHyphens.kept);
    expect(layout('finished')).not.toMatch(/\u00ad[-\u2010]/);
  });

  it('gives the same bytes for the same print when the date is fixed (reproducible builds)', async () => {
    const again = await finishPdfWithReport(raw, meta);
    expect(Buffer.from(again.bytes).equals(Buffer.from(finished))).toBe(true);
  });

  it('takes pages unchanged since the last print from the memo, to the same bytes', async () => {
    const file = path.join(work, 'finished-pages');
    const fresh = await finishPdfWithReport(longRaw, meta);
    const first = await PageMemo.read(file, 'v1');
    const once = await finishPdfWithReport(longRaw, { ...meta, memo: first });
    expect([first.hits, first.misses]).toEqual([0, fresh.report.pages]);
    await first.write(file);

    const second = await PageMemo.read(file, 'v1');
    const again = await finishPdfWithReport(longRaw, { ...meta, memo: second });
    expect([second.hits, second.misses]).toEqual([fresh.report.pages, 0]);
    expect(again.report.artifacts).toEqual(fresh.report.artifacts);
    expect(again.report.structure).toEqual(fresh.report.structure);
    expect(Buffer.from(once.bytes).equals(Buffer.from(fresh.bytes))).toBe(true);
    expect(Buffer.from(again.bytes).equals(Buffer.from(fresh.bytes))).toBe(true);

    // Another tool version, or a damaged file: nothing is remembered.
    expect((await PageMemo.read(file, 'v2')).get('any')).toBeUndefined();
    const other = await PageMemo.read(file, 'v2');
    await finishPdfWithReport(longRaw, { ...meta, memo: other });
    expect(other.hits).toBe(0);
    writeFileSync(file, readFileSync(file).subarray(0, 200));
    const damaged = await PageMemo.read(file, 'v1');
    await finishPdfWithReport(longRaw, { ...meta, memo: damaged });
    expect(damaged.hits).toBe(0);
  });

  it('takes pages over from the memo when the print names their resources otherwise', async () => {
    // As Chromium does when an object more or fewer early in the file renumbers the rest: the
    // same pages, each font under another name (here with an x added).
    const doc = await PDFDocument.load(longRaw, { updateMetadata: false });
    for (const page of doc.getPages()) {
      const fonts = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
      const names = fonts?.keys().map((name) => name.decodeText()) ?? [];
      for (const name of names) {
        fonts!.set(PDFName.of(`${name}x`), fonts!.get(PDFName.of(name))!);
        fonts!.delete(PDFName.of(name));
      }
      const content = Buffer.from(pageContentBytes(doc.context, page.node)).toString('latin1');
      const renamed = content.replace(/\/([A-Za-z]+\d+)(?=[\s/[<(])/g, (whole, name: string) =>
        names.includes(name) ? `/${name}x` : whole,
      );
      expect(renamed).not.toBe(content);
      page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(renamed)));
    }
    const renamedRaw = await doc.save({ useObjectStreams: false });

    const file = path.join(work, 'renamed-pages');
    const first = await PageMemo.read(file, 'v1');
    await finishPdfWithReport(longRaw, { ...meta, memo: first });
    await first.write(file);
    const second = await PageMemo.read(file, 'v1');
    const taken = await finishPdfWithReport(renamedRaw, { ...meta, memo: second });
    const fresh = await finishPdfWithReport(renamedRaw, meta);
    expect([second.hits, second.misses]).toEqual([fresh.report.pages, 0]);
    expect(Buffer.from(taken.bytes).equals(Buffer.from(fresh.bytes))).toBe(true);
  });

  it('finds nothing left to do in a finished file', async () => {
    const { report: second } = await finishPdfWithReport(finished, meta);
    expect(second.artifacts).toEqual({ Header: 0, Footer: 0, Pagination: 0, plain: 0 });
    expect(second.structure).toEqual({
      roleMapped: {},
      figuresToDiv: 0,
      lbodiesAdded: 0,
      listItemsAdded: 0,
      linkContents: 0,
      deadLinks: 0,
    });
  });

  it('is a structurally valid PDF for qpdf', () => {
    const result = spawnSync('qpdf', ['--check', path.join(work, 'finished.pdf')], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('No syntax or stream encoding errors found');
    expect(result.status).toBe(0);
  });

  it('finishes a 30-page print into one the preflight passes', async () => {
    // How long finishing takes is measured by `npm run bench`, against the print; a test only
    // says whether the result is right.
    const { bytes, report } = await finishPdfWithReport(longRaw, meta);
    expect(report.pages).toBeGreaterThanOrEqual(30);
    expect((await checkPdf(bytes, 'long.pdf')).failures).toEqual([]);
  });

  it('still reports what only an editor can fix: a skipped heading level and an image without alt', async () => {
    const { bytes } = await finishPdfWithReport(flawedRaw, { ...meta, title: 'Proef met fouten' });
    const { failures } = await checkPdf(bytes, 'flawed.pdf');
    expect(failures).toEqual([
      {
        checkpoint: '13-004',
        page: 1,
        element: 'Figure',
        message: 'Figure has no alternative text (Alt or ActualText)',
      },
      {
        checkpoint: '14-003',
        page: 1,
        element: 'H3 “Een kop die een niveau overslaat”',
        message: 'H3 follows H1: heading level 2 is skipped',
      },
    ]);
  });
});
