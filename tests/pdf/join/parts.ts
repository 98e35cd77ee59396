/**
 * Three small articles, each its own HTML document, printed as the build will print them:
 * A4 with folios that continue from part to part, headings for the outline, a figure with alt
 * text, a list, a table, and a link from the first part to a heading in the third, written as
 * `linkPrefix` + id. The third part holds the hidden list of links that makes Chromium write
 * a named destination for that id.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { printPdf } from '../../../scripts/pdf/print.ts';

export const LINK_PREFIX = 'https://join.invalid/#';

const paragraphs = (words: string, times: number) =>
  Array.from(
    { length: times },
    (_, i) => `<p>${`${words} Alinea ${i + 1} loopt door tot de regel vol is. `.repeat(6)}</p>`,
  ).join('\n');

const square = (colour: string) =>
  `data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='60' height='40'><rect width='60' height='40' fill='${colour}'/></svg>`;

/** A part's document; `firstPage` is its first folio. */
function document(title: string, firstPage: number, body: string): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>${title}</title>
<style>
@page { size: A4; margin: 20mm; @bottom-center { content: counter(page); font: 10pt serif } }
@page :first { counter-set: page ${firstPage} }
body { font: 11pt/1.4 serif }
table { border-collapse: collapse } td, th { border: 1px solid black; padding: 2pt }
</style></head>
<body><article>${body}</article></body></html>`;
}

export interface PartsShape {
  /** Put before every id and fragment: sets of parts that can be joined together. */
  idPrefix?: string;
  /** How many times the filler paragraphs: longer parts for the timing. */
  length?: number;
}

/** The three parts' HTML, with the first folio of each (the test checks they are right). */
export function partsHtml(starts: [number, number, number], shape: PartsShape = {}): string[] {
  const id = shape.idPrefix ?? '';
  const filler = (words: string, times: number) => paragraphs(words, times * (shape.length ?? 1));
  const htmls = [
    document(
      'Deel een',
      starts[0],
      `<h1 id="een">Het eerste stuk</h1>
<p>Zie <a href="${LINK_PREFIX}doel-drie">het doel in deel drie</a> en <a href="#een-verder">verderop</a>.</p>
<figure><img alt="Een rode rechthoek" src="${square('red')}"><figcaption>Een bijschrift</figcaption></figure>
<ul><li>Appel</li><li>Peer</li></ul>
${filler('Eerste stuk.', 8)}
<h2 id="een-verder">Verder in het eerste stuk</h2>
${filler('Nog meer van het eerste stuk.', 4)}`,
    ),
    document(
      'Deel twee',
      starts[1],
      `<h1 id="twee">Het tweede stuk</h1>
<table><thead><tr><th>Naam</th><th>Getal</th></tr></thead><tbody><tr><td>A</td><td>1</td></tr><tr><td>B</td><td>2</td></tr></tbody></table>
<ol><li>Eerst</li><li>Dan</li></ol>
<p><a href="#twee">Terug naar boven</a></p>`,
    ),
    document(
      'Deel drie',
      starts[2],
      `<h1 id="drie">Het derde stuk</h1>
${filler('Derde stuk.', 12)}
<h2 id="doel-drie">Het doel</h2>
<p>Hier wijst de link uit deel een heen.</p>
<figure><img alt="Een blauwe rechthoek" src="${square('blue')}"></figure>
<nav style="display: none"><a href="#doel-drie">doel</a></nav>`,
    ),
  ];
  return htmls.map((html) =>
    html
      .replaceAll(' id="', ` id="${id}`)
      .replaceAll('href="#', `href="#${id}`)
      .replaceAll(LINK_PREFIX, `${LINK_PREFIX}${id}`),
  );
}

/** Writes and prints each document in `dir`, in order. */
export async function printParts(
  browser: Browser,
  dir: string,
  htmls: string[],
  prefix = 'part',
): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const [index, html] of htmls.entries()) {
    const file = path.join(dir, `${prefix}-${index + 1}.html`);
    writeFileSync(file, html);
    out.push(await printPdf(browser, file));
  }
  return out;
}
