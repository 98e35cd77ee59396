/**
 * Following an edition's links back to where they lead: every internal link of the web edition
 * and of the EPUB to a file that exists and an id in it, every internal link of the PDF to its
 * destination page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openEpub } from '../epub/read-epub.ts';

/** Internal links of pages that lead to no file or no id: `from → href`. */
export function danglingLinks(pages: Map<string, string>): string[] {
  const idsOf = new Map([...pages].map(([name, markup]) => [name, new Set(idsIn(markup))]));
  const dangling: string[] = [];
  for (const [name, markup] of pages) {
    for (const [, href] of markup.matchAll(/<a\b[^>]*?\bhref="([^"]*)"/g)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href!) || href!.startsWith('assets/')) continue;
      const [file, fragment] = href!.split('#') as [string, string | undefined];
      const target = file === '' ? name : path.posix.join(path.posix.dirname(name), file);
      const ids = idsOf.get(target);
      const arrives = ids !== undefined && (fragment === undefined || ids.has(decodeURIComponent(fragment)));
      if (!arrives) dangling.push(`${name} → ${href}`);
    }
  }
  return dangling;
}

function idsIn(markup: string): string[] {
  return [...markup.matchAll(/\sid="([^"]+)"/g)].map((match) => decodeXml(match[1]!));
}

function decodeXml(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** The web edition's HTML pages by file name. */
export function webEdition(out: string): Map<string, string> {
  const dir = path.join(out, 'web');
  return new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith('.html'))
      .map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
  );
}

/** The EPUB's content documents by their name in the package. */
export async function epubDocuments(file: string): Promise<Map<string, string>> {
  const epub = await openEpub(file);
  const documents = new Map<string, string>();
  for (const name of epub.names.filter((each) => each.endsWith('.xhtml'))) documents.set(name, await epub.text(name));
  return documents;
}

/** Every internal link of the PDF: the page it is on, the destination's name and the page it leads to. */
export async function pdfInternalLinks(
  pdf: PDFDocumentProxy,
): Promise<{ page: number; name: string; target: number | undefined }[]> {
  const links: { page: number; name: string; target: number | undefined }[] = [];
  for (let page = 1; page <= pdf.numPages; page++) {
    for (const annotation of await (await pdf.getPage(page)).getAnnotations()) {
      if (annotation.subtype !== 'Link' || !annotation.dest) continue;
      const name = typeof annotation.dest === 'string' ? annotation.dest : JSON.stringify(annotation.dest);
      const destination = typeof annotation.dest === 'string' ? await pdf.getDestination(name) : annotation.dest;
      const reference = destination?.[0];
      const target = reference ? (await pdf.getPageIndex(reference)) + 1 : undefined;
      links.push({ page, name, target });
    }
  }
  return links;
}
