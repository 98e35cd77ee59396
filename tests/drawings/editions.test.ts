/**
 * A draw.io drawing with HTML labels (`<foreignObject>` in a `<switch>`, a truncated `<text>`
 * fallback) built by the real command into every edition: the PDF draws it as vector with every
 * whole label as text inside its Figure, the web edition serves the SVG, the EPUB carries it,
 * and every referee passes (PDF/UA preflight, Nu, axe, EPUBCheck, Ace).
 */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefereesPass } from '../corpus/editions.ts';
import { ace } from '../epub/checkers.ts';
import { elements, openEpub } from '../epub/read-epub.ts';
import { openPdf, type StructNode, walkStruct } from '../helpers/pdf.ts';
import { fixtures } from '../helpers/cli.ts';
import { outDir, persklaarAsync, tempDir } from '../hostile/helpers.ts';

const SLUG = 'tekeningen-01';
const LABELS = [
  'Beheermodel en relaties tussen stelsels',
  'DK Overzicht van de digitale koppelingen',
  'Stelselcatalogus met alle afspraken',
];
/** The labels of the drawing with rich labels (`<font>`, `align`), which the EPUB holds as a PNG. */
const RICH_LABELS = ['Gegevensuitwisseling tussen organisaties', 'Basisregistraties en koppelvlakken'];
const ALT =
  'Schema: het beheermodel verbonden met het overzicht van de digitale koppelingen, daaronder de stelselcatalogus';

let out: string;
let stderr: string;
beforeAll(async () => {
  out = outDir();
  const issue = tempDir('persklaar-drawings-');
  cpSync(path.join(fixtures, 'drawings/issue'), issue, { recursive: true });
  const result = await persklaarAsync(['build', issue, '--out', out]);
  expect(result.status, result.stderr).toBe(0);
  stderr = result.stderr;
}, 180_000);

/** Each page's text with its line breaks as spaces, as a reader's search sees it. */
async function pageTexts(file: string): Promise<string[]> {
  const pdf = await openPdf(file);
  const texts: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    const text = content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : '')).join('');
    texts.push(text.replace(/\s+/g, ' '));
  }
  return texts;
}

describe('a drawing with HTML labels in the PDF', () => {
  it('has every whole label as text, twice (the figure and the plain image), and none of the fallbacks', async () => {
    const text = (await pageTexts(path.join(out, `${SLUG}.pdf`))).join(' ');
    for (const label of LABELS) expect(text.split(label).length - 1, label).toBe(2);
    for (const label of RICH_LABELS) expect(text.split(label).length - 1, label).toBe(1);
    expect(text).not.toMatch(/rel\.\.\.|Overzicht\.\.\.|Stelselcatalogus m\.\.\./);
  });

  it('is drawn as vector: the only image painted in the PDF is the cover photo', async () => {
    const pdf = await openPdf(path.join(out, `${SLUG}.pdf`));
    const painted: number[] = [];
    let paths = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      const { fnArray } = await (await pdf.getPage(number)).getOperatorList();
      const images = fnArray.filter((op) => op === OPS.paintImageXObject || op === OPS.paintInlineImageXObject);
      if (images.length > 0) painted.push(number);
      if (number > 1) paths += fnArray.filter((op) => op === OPS.constructPath).length;
    }
    expect(painted).toEqual([1]);
    expect(paths).toBeGreaterThan(10);
  });

  it('is a Figure with its alt text, and the labels are read inside it', async () => {
    const pdf = await openPdf(path.join(out, `${SLUG}.pdf`));
    let found = 0;
    for (let number = 2; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const figures: Set<string>[] = [];
      walkStruct((await page.getStructTree()) as StructNode, (node) => {
        if (node.role !== 'Figure' || node.alt !== ALT) return;
        const ids = new Set<string>();
        walkStruct(node, (inner) => {
          const content = inner as StructNode & { type?: string; id?: string };
          if (content.type === 'content' && content.id) ids.add(content.id);
        });
        figures.push(ids);
      });
      if (figures.length === 0) continue;
      found += figures.length;
      // The text between the Figure's marked-content start and its end.
      const items = (await page.getTextContent({ includeMarkedContent: true })).items;
      let inside = '';
      let open: string | undefined;
      for (const item of items) {
        if ('type' in item && item.type === 'beginMarkedContentProps') open = item.id ?? undefined;
        else if ('type' in item && item.type === 'endMarkedContent') open = undefined;
        else if ('str' in item && open && figures.some((ids) => ids.has(open!))) inside += `${item.str} `;
      }
      expect(inside.replace(/\s+/g, ' ')).toContain(LABELS[0]);
    }
    expect(found).toBe(1);
  });
});

describe('a drawing in the web edition and the EPUB', () => {
  it('is served as the sanitised SVG, an <img> with its size and alt text', () => {
    const page = readFileSync(path.join(out, 'web', 'stelsel.html'), 'utf8');
    const image = /<img src="(images\/stelsel-[0-9a-f]{8}\.svg)" alt="([^"]*)" width="441" height="221"/.exec(page);
    expect(image?.[2]).toBe(ALT);
    const svg = readFileSync(path.join(out, 'web', image![1]!), 'utf8');
    for (const label of LABELS) expect(svg).toContain(label);
    expect(svg).not.toMatch(/DOCTYPE|mxfile|drawio\.com/);
  });

  it('is an SVG image in the EPUB (a PNG when its labels are not XHTML), and EPUBCheck and Ace pass it', async () => {
    const epub = await openEpub(path.join(out, `${SLUG}.epub`));
    const opf = await epub.text('OEBPS/content.opf');
    const items = elements(opf, 'item').filter((item) => item['media-type'] === 'image/svg+xml');
    expect(items.map((item) => item.href)).toEqual([expect.stringMatching(/^images\/stelsel-[0-9a-f]{8}\.svg$/)]);
    const pictures = elements(opf, 'item').filter((item) => item['media-type'] === 'image/png');
    expect(pictures.map((item) => item.href)).toEqual([
      expect.stringMatching(/^images\/uitwisseling-[0-9a-f]{8}-\d+\.png$/),
    ]);
    const svg = await epub.text(`OEBPS/${items[0]!.href}`);
    for (const label of LABELS) expect(svg).toContain(label);
    const { outcome, violations } = await ace(path.join(out, `${SLUG}.epub`));
    expect(violations).toEqual([]);
    expect(outcome).toBe('pass');
  }, 120_000);

  it('passes every referee in every edition, and the link it lost is a warning naming the file', async () => {
    expect(stderr).toMatch(/stelsel\.md[\s\S]*warning\s+Drawing `stelsel\.svg` was made safe; removed: xlink:href=/);
    await expectRefereesPass(out, SLUG);
  }, 240_000);
});
