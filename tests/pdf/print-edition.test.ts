/**
 * The print edition of the shipped issue, read back from the PDF itself: contents page
 * numbers, running heads, figure alt text, hyphenation, and the PDF/UA preflight.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadIssue, type Issue } from '../../scripts/issue/load.ts';
import { shortTitle } from '../../scripts/issue/format.ts';
import { checkPdf } from '../../scripts/check/pdf-ua.ts';
import { launchChromium } from '../../scripts/pdf/browser.ts';
import { printPdf } from '../../scripts/pdf/print.ts';
import { root } from '../helpers/cli.ts';
import { openPdf, pageLines, walkStruct, type StructNode } from '../helpers/pdf.ts';

const buildDir = inject('issueBuild');

describe('print edition of the shipped issue', () => {
  let issue: Issue;
  let pdf: PDFDocumentProxy;
  let contentsNumbers: Map<string, number>;
  let startPages: Map<string, number>;

  beforeAll(async () => {
    issue = await loadIssue(path.join(root, 'manuscript'));
    pdf = await openPdf(path.join(buildDir, `${issue.meta.slug}.pdf`));
    // What the contents page says, read as printed text: "<page><kicker><title>".
    const contents = (await pageLines(pdf, 2)).map((line) => line.text);
    contentsNumbers = new Map();
    for (const article of issue.articles) {
      const index = contents.findIndex((line) => line.includes(article.data.title));
      const number = contents
        .slice(Math.max(0, index - 2), index + 1)
        .join(' ')
        .match(/^\s*(\d+)|\s(\d+)\s/);
      if (index >= 0 && number) contentsNumbers.set(article.id, Number(number[1] ?? number[2]));
    }
    // Where each article really starts: the page whose text holds its title first.
    startPages = new Map();
    for (let page = 3; page <= pdf.numPages; page++) {
      const text = (await pageLines(pdf, page))
        .map((line) => line.text)
        .join(' ')
        .replace(/\s+/g, ' ');
      for (const article of issue.articles) {
        if (!startPages.has(article.id) && text.includes(article.data.title)) startPages.set(article.id, page);
      }
    }
  });

  afterAll(async () => {
    await pdf?.destroy();
  });

  it('lists every article on the contents page with the page it really starts on', () => {
    expect(contentsNumbers.size).toBe(issue.articles.length);
    for (const article of issue.articles)
      expect(contentsNumbers.get(article.id), article.id).toBe(startPages.get(article.id));
  });

  it('puts each article’s running head on its pages and none on the cover or contents', async () => {
    const ids = issue.articles.map((article) => article.id);
    for (const [index, id] of ids.entries()) {
      const first = startPages.get(id)!;
      const last = index + 1 < ids.length ? startPages.get(ids[index + 1]!)! - 1 : pdf.numPages;
      const head = shortTitle(issue.articles[index]!);
      for (let page = first; page <= last; page++) {
        const top = (await pageLines(pdf, page))
          .filter((line) => line.y > 780)
          .map((line) => line.text)
          .join(' ');
        expect(top, `page ${page} (${id})`).toContain(head);
        expect(top, `page ${page} (${id})`).toContain('Wendbaar #06');
      }
    }
    for (const page of [1, 2]) {
      const top = (await pageLines(pdf, page))
        .filter((line) => line.y > 780)
        .map((line) => line.text)
        .join(' ');
      expect(top).not.toContain('Wendbaar #06 · juni 2022');
    }
  });

  it('numbers pages at the foot, except the cover', async () => {
    for (const page of [3, 10, pdf.numPages]) {
      const foot = (await pageLines(pdf, page)).filter((line) => line.y < 60).map((line) => line.text.trim());
      expect(foot, `page ${page}`).toContain(String(page));
    }
  });

  it('gives every figure the alt text written in the manuscript', async () => {
    const expected = new Set<string>([issue.meta.cover!.alt]);
    for (const article of issue.articles) visit(article.tree, 'image', (node) => void expected.add(node.alt ?? ''));
    const found: string[] = [];
    for (let page = 1; page <= pdf.numPages; page++) {
      const tree = (await (await pdf.getPage(page)).getStructTree()) as StructNode | null;
      walkStruct(tree, (node) => {
        if (node.role === 'Figure' && node.alt) found.push(node.alt);
      });
    }
    expect(new Set(found)).toEqual(expected);
  });

  it('hyphenates running text at visible line ends, with Dutch breaks', async () => {
    const hyphenated: string[] = [];
    for (let page = 3; page <= pdf.numPages; page++) {
      for (const line of await pageLines(pdf, page)) if (/\p{Ll}-$/u.test(line.text)) hyphenated.push(line.text);
    }
    expect(hyphenated.length).toBeGreaterThan(50);
  });

  it('keeps the manuscript’s words: every article’s first paragraph is in the PDF text', async () => {
    let all = '';
    for (let page = 1; page <= pdf.numPages; page++)
      all += `${(await pageLines(pdf, page)).map((line) => line.text).join(' ')} `;
    const normalise = (text: string) => text.replace(/[\u00AD-]\s*/g, '').replace(/\s+/g, ' ');
    const haystack = normalise(all);
    for (const article of issue.articles) {
      const paragraph = article.tree.children.find((node) => node.type === 'paragraph');
      if (!paragraph) continue;
      const words = normalise(toString(paragraph)).split(' ').slice(0, 8).join(' ');
      expect(haystack, article.id).toContain(words);
    }
  });

  it('keeps links live: the contents page jumps to each article, web links keep their address', async () => {
    const contents = await (await pdf.getPage(2)).getAnnotations();
    const internal = contents.filter((annotation) => annotation.subtype === 'Link' && annotation.dest);
    expect(internal.length).toBeGreaterThanOrEqual(issue.articles.length);
    const html = readFileSync(path.join(buildDir, 'print/index.html'), 'utf8');
    // Compared as URLs: the PDF holds `https://ind.nl/` for `https://ind.nl`.
    const external = new Set(
      [...html.matchAll(/<a href="((?:https?|mailto):[^"]+)"/g)].map((match) => new URL(match[1]!).href),
    );
    const annotated = new Set<string>();
    for (let page = 1; page <= pdf.numPages; page++) {
      for (const annotation of await (await pdf.getPage(page)).getAnnotations())
        if (annotation.url) annotated.add(new URL(annotation.url).href);
    }
    expect(external.size).toBeGreaterThan(3);
    expect([...external].filter((url) => !annotated.has(url))).toEqual([]);
  });

  it("lands where each article starts: every contents link, and every article's bookmark, in order", async () => {
    const pageOf = async (dest: unknown) => {
      const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : (dest as unknown[] | null);
      return explicit ? (await pdf.getPageIndex(explicit[0] as { num: number; gen: number })) + 1 : undefined;
    };
    const links = (await (await pdf.getPage(2)).getAnnotations()).filter((annotation) => annotation.dest);
    const linked = await Promise.all(links.map((link) => pageOf(link.dest)));
    const starts = issue.articles.map((article) => startPages.get(article.id));
    expect(starts.every((page) => page !== undefined)).toBe(true);
    expect(starts.filter((page) => !linked.includes(page))).toEqual([]);
    // The bookmarks: each article's title once, in the issue's order, on its first page.
    const flat: { title: string; dest: unknown }[] = [];
    const walk = (items: { title: string; dest: unknown; items: never[] }[] | null) => {
      for (const item of items ?? []) {
        flat.push(item);
        walk(item.items);
      }
    };
    walk((await pdf.getOutline()) as never);
    const normal = (text: string) => text.replace(/\s+/g, ' ').trim();
    const marks = await Promise.all(
      issue.articles.map(async (article) => {
        const item = flat.find((entry) => normal(entry.title) === normal(article.data.title));
        return item ? await pageOf(item.dest) : undefined;
      }),
    );
    expect(marks).toEqual(starts);
  });

  it('draws nothing that is not seen: the cover photo on the cover only, no image on the contents page', () => {
    const list = spawnSync('pdfimages', ['-list', path.join(buildDir, `${issue.meta.slug}.pdf`)], { encoding: 'utf8' });
    expect(list.status, list.stderr).toBe(0);
    // Rows after the two header lines: page, num, type, width, height, …, object id, generation, …
    const images = list.stdout
      .trim()
      .split('\n')
      .slice(2)
      .map((row) => row.trim().split(/\s+/));
    const onPage = (page: number) => images.filter((row) => Number(row[0]) === page);
    expect(onPage(1).map((row) => `${row[3]}×${row[4]}`)).toEqual(['2480×3508']);
    expect(onPage(2)).toEqual([]);
    const coverObject = onPage(1)[0]![10];
    expect(images.filter((row) => row[10] === coverObject).map((row) => Number(row[0]))).toEqual([1]);
  });

  it('passes the PDF/UA preflight', async () => {
    const bytes = readFileSync(path.join(buildDir, `${issue.meta.slug}.pdf`));
    const result = await checkPdf(new Uint8Array(bytes), `${issue.meta.slug}.pdf`);
    expect(result.failures).toEqual([]);
  });

  it('needs the finishing step: Chromium’s own PDF of the same document fails the preflight', async () => {
    const browser = await launchChromium();
    try {
      const raw = await printPdf(browser, path.join(buildDir, 'print/index.html'));
      const { failures } = await checkPdf(raw, 'raw.pdf');
      const checkpoints = new Set(failures.map((failure) => failure.checkpoint));
      expect(checkpoints.has('06-002')).toBe(true); // no pdfuaid:part in XMP
      expect(failures.some((failure) => /outside tagged content|untagged/i.test(failure.message))).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
