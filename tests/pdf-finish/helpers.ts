/**
 * Reading PDFs back the way other software does (pdf.js), for the finishing-step tests.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { root } from '../helpers/cli.ts';

export const fixtureDir = path.join(root, 'tests/fixtures/pdf');

/** Prints a file the way the build does: goto file:// (not setContent), tagged, with outline. */
export async function render(browser: Browser, file: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return new Uint8Array(
      await page.pdf({ tagged: true, outline: true, preferCSSPageSize: true, printBackground: true }),
    );
  } finally {
    await page.close();
  }
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  return getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
}

export async function pageTexts(doc: PDFDocumentProxy): Promise<string[]> {
  const out: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    out.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  return out;
}

export interface TextPlacement {
  text: string;
  /** The innermost marked-content tag around the text ('Artifact', 'P', … or none). */
  tag: string | undefined;
  /** Whether an MCID-bearing sequence encloses it (pdf.js gives those an id). */
  tagged: boolean;
}

/** Each page's text items with the marked content pdf.js sees around them. */
export async function markedText(doc: PDFDocumentProxy, pageNumber: number): Promise<TextPlacement[]> {
  const content = await (await doc.getPage(pageNumber)).getTextContent({ includeMarkedContent: true });
  const stack: { tag: string; id: string | null }[] = [];
  const out: TextPlacement[] = [];
  for (const item of content.items) {
    if ('type' in item) {
      // pdf.js also gives the tag name, which its published type leaves out.
      const tag = (item as { tag?: string }).tag ?? '';
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps')
        stack.push({ tag, id: item.id ?? null });
      else if (item.type === 'endMarkedContent') stack.pop();
      continue;
    }
    if (!item.str.trim()) continue;
    out.push({ text: item.str, tag: stack[stack.length - 1]?.tag, tagged: stack.some((f) => f.id !== null) });
  }
  return out;
}

export interface StructNode {
  role?: string;
  alt?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

export function walk(
  node: StructNode | null | undefined,
  visit: (node: StructNode, parent: StructNode | undefined) => void,
  parent?: StructNode,
): void {
  if (!node) return;
  visit(node, parent);
  for (const child of node.children ?? []) walk(child, visit, node);
}

export async function structTrees(doc: PDFDocumentProxy): Promise<(StructNode | null)[]> {
  const trees: (StructNode | null)[] = [];
  for (let n = 1; n <= doc.numPages; n++)
    trees.push((await (await doc.getPage(n)).getStructTree()) as StructNode | null);
  return trees;
}

/** Bookmarks with the 0-based page each one jumps to. */
export async function outlinePages(doc: PDFDocumentProxy): Promise<{ title: string; page: number }[]> {
  const out: { title: string; page: number }[] = [];
  const visit = async (items: Awaited<ReturnType<PDFDocumentProxy['getOutline']>>): Promise<void> => {
    for (const item of items ?? []) {
      const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
      const target = dest?.[0];
      const page =
        target && typeof target === 'object' ? await doc.getPageIndex(target as { num: number; gen: number }) : -1;
      out.push({ title: item.title, page });
      await visit(item.items);
    }
  };
  await visit(await doc.getOutline());
  return out;
}

export interface LinkInfo {
  page: number;
  url: string | undefined;
  dest: unknown;
  contents: string | undefined;
}

export async function links(doc: PDFDocumentProxy): Promise<LinkInfo[]> {
  const out: LinkInfo[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    for (const a of await (await doc.getPage(n)).getAnnotations()) {
      if (a.subtype !== 'Link') continue;
      out.push({
        page: n,
        url: a.url as string | undefined,
        dest: a.dest,
        contents: (a.contentsObj as { str?: string } | undefined)?.str || undefined,
      });
    }
  }
  return out;
}
