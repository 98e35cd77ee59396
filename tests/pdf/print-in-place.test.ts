/**
 * Documents of one look printed in place of one another (`scripts/pdf/print.ts`): what
 * Chromium prints is what it prints from the document loaded on a page of its own (each page's
 * drawing, the fonts, the folios from `@page :first`, the title, the tagged structure), and a
 * document that links other stylesheets is loaded, not put in place.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDict, type PDFDocument } from '@cantoo/pdf-lib';
import type { Browser } from 'puppeteer';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { N, pageContentBytes } from '../../scripts/pdf-read/objects.ts';
import { closeOrKill, launchForPrint } from '../../scripts/pdf/browser.ts';
import { printPdf } from '../../scripts/pdf/print.ts';
import { readPdf, structureTop } from './join/read.ts';

const root = path.resolve(import.meta.dirname, '../..');
const FONT = 'source-serif-4-latin-400-normal.woff2';

const css = `@font-face { font-family: Serif; src: url('fonts/${FONT}'); }
@page { size: A5; margin: 15mm; @bottom-center { content: counter(page); font: 9pt Serif } }
body { font: 11pt/1.4 Serif }
img { width: 40mm }`;

/** A document of the shared look: its first folio, its title, its own page rule and body. */
const documentHtml = (title: string, firstPage: number, body: string, sheet = 'assets/look.css') =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${title}</title>` +
  `<link rel="stylesheet" href="${sheet}"><style>@page :first { counter-set: page ${firstPage}; }</style>` +
  `</head><body>${body}</body></html>`;

const paragraphs = (words: string, count: number) =>
  Array.from({ length: count }, (_, i) => `<p>${`${words} ${i + 1}. `.repeat(30)}</p>`).join('');

const documents = {
  een: documentHtml('Een', 1, `<h1>Het eerste</h1>${paragraphs('Eerste stuk', 6)}`),
  twee: documentHtml(
    'Twee',
    4,
    `<h1>Het tweede</h1><figure><img src="images/blok.png" alt="Een grijs blok"></figure>` +
      `<table><tr><th>Naam</th><th>Getal</th></tr><tr><td>A</td><td>1</td></tr></table>${paragraphs('Tweede', 4)}`,
  ),
  ander: documentHtml('Ander', 9, `<h1>Een andere stijl</h1>${paragraphs('Anders', 2)}`, 'assets/other.css'),
};

/** What a reader and the referee see of a PDF: each page's drawing, the fonts, the tree's top, the title. */
function seen(doc: PDFDocument) {
  return {
    pages: doc.getPages().map((page) => Buffer.from(pageContentBytes(doc.context, page.node)).toString('latin1')),
    fonts: doc.context
      .enumerateIndirectObjects()
      .flatMap(([, object]) =>
        object instanceof PDFDict && object.get(N('BaseFont')) ? [String(object.get(N('BaseFont')))] : [],
      )
      .sort(),
    structure: structureTop(doc),
    title: doc.getTitle(),
  };
}

describe('printing documents of one look in place of one another', () => {
  let work: string;
  let browser: Browser;
  const file = (name: string) => path.join(work, `${name}.html`);

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'persklaar-in-place-'));
    mkdirSync(path.join(work, 'assets/fonts'), { recursive: true });
    mkdirSync(path.join(work, 'images'));
    copyFileSync(
      path.join(root, 'node_modules/@fontsource/source-serif-4/files', FONT),
      path.join(work, 'assets/fonts', FONT),
    );
    writeFileSync(path.join(work, 'assets/look.css'), css);
    writeFileSync(path.join(work, 'assets/other.css'), css.replace('11pt/1.4', '13pt/1.6'));
    await sharp({ create: { width: 300, height: 200, channels: 3, background: '#888' } })
      .png()
      .toFile(path.join(work, 'images/blok.png'));
    for (const [name, html] of Object.entries(documents)) writeFileSync(file(name), html);
    browser = await launchForPrint();
  });

  afterAll(async () => {
    if (browser) await closeOrKill(browser);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Each document printed after the others on one page: in place where the look allows. */
  async function inTurn(names: (keyof typeof documents)[]): Promise<PDFDocument[]> {
    const out: PDFDocument[] = [];
    for (const name of names) out.push(await readPdf(await printPdf(browser, file(name), { look: 'look' })));
    return out;
  }

  it('prints what the document loaded on its own page prints', async () => {
    const [, twee] = await inTurn(['een', 'twee']);
    // Put in place: the page still shows the first document's address.
    const addresses = (await browser.pages()).map((page) => path.basename(page.url()));
    expect(addresses).toContain('een.html');
    expect(addresses).not.toContain('twee.html');
    const alone = await readPdf(await printPdf(browser, file('twee')));
    expect(seen(twee!)).toEqual(seen(alone));
    // The folio from its own @page :first, the image drawn, the title its own.
    expect(twee!.getTitle()).toBe('Twee');
    expect(seen(twee!).pages[0]).toMatch(/\/[A-Za-z0-9]+ Do/);
    expect(twee!.getPageCount()).toBeGreaterThan(0);
  });

  it('loads a document that links other stylesheets instead of putting it in place', async () => {
    const [, ander] = await inTurn(['een', 'ander']);
    const alone = await readPdf(await printPdf(browser, file('ander')));
    expect(seen(ander!)).toEqual(seen(alone));
    const [, een] = await inTurn(['ander', 'een']);
    expect(seen(een!)).toEqual(seen(await readPdf(await printPdf(browser, file('een')))));
  });
});
