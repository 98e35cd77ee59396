/**
 * Structure-tree repairs and preflight checks on small hand-built documents: the shapes
 * Chromium does not happen to write today (MCIDs straight in an LI, loose list content, a
 * circular role map, a standard font) but that the code must still get right.
 */
import { type PDFDict, PDFDocument, PDFRef, PDFString, StandardFonts } from '@cantoo/pdf-lib';
import { build } from '../helpers/tagged-doc.ts';
import { describe, expect, it } from 'vitest';
import { checkPdf } from '../../scripts/check/pdf-ua.ts';
import { finishPdf } from '../../scripts/pdf/finish/index.ts';
import { asArray, asDict, asName, N } from '../../scripts/pdf-read/objects.ts';
import { ParentTree } from '../../scripts/pdf-read/parent-tree.ts';
import { kidsOf, walkElements } from '../../scripts/pdf-read/tree.ts';

const meta = { title: 'Proef', language: 'nl', creators: ['Redactie'], modDate: new Date('2022-06-01T00:00:00Z') };

async function structureOf(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const context = doc.context;
  const root = asDict(context, doc.catalog.get(N('StructTreeRoot')))!;
  return { doc, context, root, parentTree: ParentTree.read(context, root) };
}

describe('structure repairs', () => {
  it('moves MCIDs held straight by an LI into a new LBody and re-points the ParentTree', async () => {
    let li!: PDFRef;
    let lbl!: PDFRef;
    const input = await build(
      '/Lbl <</MCID 0>> BDC 0 0 5 5 re f EMC /LI <</MCID 1>> BDC 10 0 5 5 re f EMC',
      () => [0, [lbl, li]],
      (t) => {
        const list = t.elem('L', t.document);
        li = t.elem('LI', list, { Pg: t.pageRef });
        lbl = t.elem('Lbl', li, { Pg: t.pageRef, K: 0 });
        t.setKids(t.document, [list]);
        t.setKids(list, [li]);
        t.setKids(li, [lbl, 1]);
      },
    );
    const before = await checkPdf(input, 'li.pdf');
    expect(before.failures.filter((f) => f.checkpoint === '09-005').map((f) => f.message)).toEqual([
      'LI contains content; a list item holds only Lbl and LBody',
    ]);

    const finished = await finishPdf(input, meta);
    const { context, root, parentTree } = await structureOf(finished);
    let lbody: { elem: PDFDict; ref: PDFRef | undefined } | undefined;
    walkElements(context, root, (elem, ref, ancestors) => {
      if (asName(context, elem.get(N('S'))) === 'LBody') {
        lbody = { elem, ref };
        expect(asName(context, ancestors[ancestors.length - 1]!.get(N('S')))).toBe('LI');
      }
    });
    expect(lbody?.ref).toBeDefined();
    const kids = kidsOf(context, lbody!.elem);
    expect(kids).toHaveLength(1);
    expect(kids[0]).toMatchObject({ kind: 'mcid', mcid: 1 });
    const owner = parentTree.mcidOwner(0, 1);
    expect(owner instanceof PDFRef && owner.objectNumber).toBe(lbody!.ref!.objectNumber);
    expect((await checkPdf(finished, 'li.pdf')).failures).toEqual([]);
  });

  it('wraps loose content of an L in LI > LBody', async () => {
    let para!: PDFRef;
    const input = await build(
      '/P <</MCID 0>> BDC 0 0 5 5 re f EMC',
      () => [0, [para]],
      (t) => {
        const list = t.elem('L', t.document);
        para = t.elem('P', list, { Pg: t.pageRef, K: 0 });
        t.setKids(t.document, [list]);
        t.setKids(list, [para]);
      },
    );
    expect((await checkPdf(input, 'l.pdf')).failures.map((f) => f.checkpoint)).toContain('09-005');
    const finished = await finishPdf(input, meta);
    const { context, root } = await structureOf(finished);
    const path: string[] = [];
    walkElements(context, root, (elem) => path.push(asName(context, elem.get(N('S')))!));
    expect(path).toEqual(['Document', 'L', 'LI', 'LBody', 'P']);
    expect((await checkPdf(finished, 'l.pdf')).failures).toEqual([]);
  });

  it(
    'role-maps unknown types, drops remapped standard ' + 'types, and unlinks Link elements without an annotation',
    async () => {
      let aside!: PDFRef;
      let link!: PDFRef;
      const input = await build(
        '/Aside <</MCID 0>> BDC 0 0 5 5 re f EMC /Link <</MCID 1>> BDC 9 0 5 5 re f EMC',
        () => [0, [aside, link]],
        (t) => {
          aside = t.elem('Aside', t.document, { Pg: t.pageRef, K: 0 });
          link = t.elem('Link', t.document, { Pg: t.pageRef, K: 1 });
          t.setKids(t.document, [aside, link]);
          t.root.set(N('RoleMap'), t.doc.context.obj({ P: 'Span', Loop: 'Loop2', Loop2: 'Loop' }));
        },
      );
      const failures = (await checkPdf(input, 'roles.pdf')).failures;
      expect(failures).toContainEqual(expect.objectContaining({ checkpoint: '02-004', element: 'RoleMap /P' }));
      expect(failures).toContainEqual(expect.objectContaining({ checkpoint: '02-001', element: 'Aside' }));
      expect(failures).toContainEqual(
        expect.objectContaining({ checkpoint: '28-011', message: 'Link element has no OBJR to a Link annotation' }),
      );

      const finished = await finishPdf(input, meta);
      const { context, root } = await structureOf(finished);
      const roleMap = asDict(context, root.get(N('RoleMap')))!;
      expect(asName(context, roleMap.get(N('Aside')))).toBe('Sect');
      expect(roleMap.has(N('P'))).toBe(false);
      const types: string[] = [];
      walkElements(context, root, (elem) => types.push(asName(context, elem.get(N('S')))!));
      expect(types).toEqual(['Document', 'Aside', 'Span']);
      expect((await checkPdf(finished, 'roles.pdf')).failures).toEqual([]);
    },
  );
});

describe('annotations outside the structure tree', () => {
  it('get /Tabs /S on their page and their target as /Contents, and are still reported as untagged', async () => {
    let para!: PDFRef;
    const input = await build(
      '/P <</MCID 0>> BDC 0 0 5 5 re f EMC',
      () => [0, [para]],
      (t) => {
        para = t.elem('P', t.document, { Pg: t.pageRef, K: 0 });
        t.setKids(t.document, [para]);
        const context = t.doc.context;
        const annot = context.register(
          context.obj({
            Type: 'Annot',
            Subtype: 'Link',
            Rect: [0, 0, 5, 5],
            A: { S: 'URI', URI: PDFString.of('https://example.org/a') },
          }),
        );
        t.page.set(N('Annots'), context.obj([annot]));
      },
    );
    const before = (await checkPdf(input, 'annot.pdf')).failures.map((f) => f.checkpoint);
    expect(before).toEqual(expect.arrayContaining(['28-008', '28-004', '28-011']));

    const finished = await finishPdf(input, meta);
    const { doc, context } = await structureOf(finished);
    const page = doc.getPages()[0]!.node;
    expect(asName(context, page.get(N('Tabs')))).toBe('S');
    const annot = asDict(context, asArray(context, page.get(N('Annots')))!.get(0))!;
    expect(annot.get(N('Contents'))?.toString()).toBe('(https://example.org/a)');
    const after = (await checkPdf(finished, 'annot.pdf')).failures;
    expect(after).toEqual([
      {
        checkpoint: '28-011',
        page: 1,
        element: 'Link annotation to https://example.org/a',
        message: 'the link annotation is not in the structure tree as an OBJR of a Link element',
      },
    ]);
  });
});

describe('preflight on hand-built documents', () => {
  it(
    'reports circular role maps, non-embedded fonts, ' + 'missing Tabs, language, title display and bookmarks',
    async () => {
      const doc = await PDFDocument.create();
      const font = await doc.embedFont(StandardFonts.Helvetica);
      const page = doc.addPage([300, 300]);
      page.drawText('Kop', { x: 10, y: 280, size: 12, font });
      const context = doc.context;
      const rootRef = context.register(context.obj({ Type: 'StructTreeRoot' }));
      const h1 = context.register(context.obj({ Type: 'StructElem', S: 'H1', P: rootRef }));
      const loop = context.register(context.obj({ Type: 'StructElem', S: 'Loop', P: rootRef }));
      (context.lookup(rootRef) as PDFDict).set(N('K'), context.obj([h1, loop]));
      (context.lookup(rootRef) as PDFDict).set(N('RoleMap'), context.obj({ Loop: 'Loop2', Loop2: 'Loop' }));
      doc.catalog.set(N('StructTreeRoot'), rootRef);
      doc.catalog.set(N('ViewerPreferences'), context.obj({ DisplayDocTitle: false }));
      const annot = context.register(
        context.obj({
          Type: 'Annot',
          Subtype: 'Link',
          Rect: [0, 0, 10, 10],
          A: { S: 'URI', URI: PDFString.of('https://example.org/') },
        }),
      );
      page.node.set(N('Annots'), context.obj([annot]));
      const bytes = await doc.save({ useObjectStreams: false });

      const { failures } = await checkPdf(bytes, 'plain.pdf');
      const codes = new Set(failures.map((f) => f.checkpoint));
      for (const code of [
        'UA1:7.1-MarkInfo',
        '11-001',
        '07-002',
        '06-001',
        '02-003',
        '01-005',
        '28-008',
        '28-011',
        '28-004',
        '31-009',
        'bookmarks',
      ]) {
        expect(codes, code).toContain(code);
      }
      expect(failures).toContainEqual({
        checkpoint: '31-009',
        page: 1,
        element: 'font Helvetica',
        message: 'font Helvetica is not embedded',
      });
      expect(failures).toContainEqual(
        expect.objectContaining({
          checkpoint: '01-005',
          page: 1,
          message: expect.stringMatching(/^text "Kop" outside tagged content/),
        }),
      );
    },
  );
});
