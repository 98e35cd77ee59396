/**
 * Reading back where an edition says each print page begins, against the printed PDF: the EPUB's
 * page-list and its markers, the web edition's `#p17` anchors, and the text pdf.js reads on each
 * page of the PDF. A marker is in place when the first words after it are on its page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeXml, nav, openEpub } from '../epub/read-epub.ts';
import { openPdf, pageLines } from './pdf.ts';

export interface PagePlacement {
  /** Print pages in the PDF. */
  pageCount: number;
  /** The page-list's labels, in its order. */
  listed: number[];
  /** Pages whose marker is followed by words that are not on that page (with those words). */
  misplaced: string[];
}

/** Letters and digits only, lower case: what the print and the text both spell the same. */
export function letters(text: string): string {
  return (
    text
      .normalize('NFKD')
      // Modifier letters too: a font may map a quote's glyph to one (‘ read as ʻ U+02BB).
      .replace(/[^\p{L}\p{N}]+|\p{Lm}+/gu, '')
      .toLowerCase()
  );
}

/** The text of every page of the PDF, as letters. */
export async function pdfPageLetters(file: string): Promise<string[]> {
  const document = await openPdf(file);
  const pages: string[] = [];
  for (let page = 1; page <= document.numPages; page++) {
    pages.push(letters((await pageLines(document, page)).map((line) => line.text).join(' ')));
  }
  return pages;
}

/** The first `count` words of readable text after `index` in a piece of markup. */
export function wordsAfter(markup: string, index: number, count = 3): string[] {
  const rest = markup
    .slice(index)
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return decodeXml(rest)
    .split(/\s+/)
    .filter((word) => letters(word) !== '')
    .slice(0, count);
}

/** Where the EPUB's page-list entries lead, checked against the PDF's pages. */
export async function epubPagePlacement(out: string, slug: string): Promise<PagePlacement> {
  const epub = await openEpub(path.join(out, `${slug}.epub`));
  const navName = epub.names.find((name) => /toc\.xhtml$/.test(name))!;
  const pageList = nav(await epub.text(navName), 'page-list') ?? '';
  const entries = [...pageList.matchAll(/<a href="([^"#]+)#([^"]+)">(\d+)<\/a>/g)].map(([, file, id, label]) => ({
    file: path.posix.join(path.posix.dirname(navName), file!),
    id: id!,
    page: Number(label),
  }));
  const pages = await pdfPageLetters(path.join(out, `${slug}.pdf`));
  const misplaced: string[] = [];
  for (const entry of entries) {
    const xhtml = await epub.text(entry.file);
    const at = xhtml.indexOf(`id="${entry.id}"`);
    const words = at === -1 ? [] : wordsAfter(xhtml, xhtml.indexOf('>', at) + 1);
    if (words.length === 0 || !pages[entry.page - 1]?.includes(letters(words.join(''))))
      misplaced.push(`${entry.page}: ${words.join(' ')} (${entry.file}#${entry.id})`);
  }
  return { pageCount: pages.length, listed: entries.map((entry) => entry.page), misplaced };
}

/** The web edition's `#p17` anchors, checked the same way. */
export async function webPagePlacement(out: string, slug: string): Promise<PagePlacement> {
  const pages = await pdfPageLetters(path.join(out, `${slug}.pdf`));
  const found = new Map<number, string[]>();
  const webDir = path.join(out, 'web');
  const { readdirSync } = await import('node:fs');
  for (const name of readdirSync(webDir).filter((each) => each.endsWith('.html'))) {
    const html = readFileSync(path.join(webDir, name), 'utf8');
    for (const match of html.matchAll(/<span class="print-page" id="p(\d+)"[^>]*>/g))
      found.set(Number(match[1]), wordsAfter(html, match.index! + match[0].length));
  }
  const listed = [...found.keys()].sort((a, b) => a - b);
  const misplaced = listed
    .filter((page) => !pages[page - 1]?.includes(letters(found.get(page)!.join(''))))
    .map((page) => `${page}: ${found.get(page)!.join(' ')}`);
  return { pageCount: pages.length, listed, misplaced };
}
