/**
 * What the EPUB of the shipped issue must contain: the nav in issue.yaml's order, the
 * manuscript's alt text on every image, the print page-list and its source, the package
 * metadata (language, creators, rights, cover, accessibility), and the same bytes every time.
 */
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Image } from 'mdast';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { creators, rightsStatement } from '../../scripts/epub/metadata.ts';
import { buildShipped, prepareShipped, shippedIssue, startPages, type ShippedBuild } from './fixture.ts';
import { elements, nav, openEpub, texts, type OpenedEpub } from './read-epub.ts';

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

describe('EPUB of the shipped issue', () => {
  let build: ShippedBuild;
  let epub: OpenedEpub;
  let opf: string;
  let navDoc: string;
  beforeAll(async () => {
    build = await buildShipped(await prepareShipped(), 'wendbaar-06.epub');
    epub = await openEpub(build.file);
    opf = await epub.text('OEBPS/content.opf');
    navDoc = await epub.text('OEBPS/toc.xhtml');
  });
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(
      [build?.dir, ...dirs].filter((dir) => dir !== undefined).map((dir) => rm(dir, { recursive: true, force: true })),
    );
  });

  it('is a 14-article issue (the shipped manuscript, not a fixture)', () => {
    expect(build.issue.articles).toHaveLength(14);
  });

  it('nav, NCX and spine list the articles in the order of issue.yaml', async () => {
    const listed = (parse(await readFile(path.join(shippedIssue, 'issue.yaml'), 'utf8')) as { articles: string[] })
      .articles;
    const asManuscripts = (hrefs: string[]) => hrefs.map((href) => href.replace(/\.xhtml$/, '.md'));
    const toc = nav(navDoc, 'toc');
    expect(toc).toMatch(/role="doc-toc"/);
    expect(asManuscripts(elements(toc!, 'a').map((link) => link.href!))).toEqual(listed);

    const ncx = await epub.text('OEBPS/toc.ncx');
    expect(asManuscripts(elements(ncx, 'content').map((content) => content.src!))).toEqual(listed);

    const hrefById = new Map(elements(opf, 'item').map((item) => [item.id!, item.href!]));
    const spine = elements(opf, 'itemref').map((itemref) => hrefById.get(itemref.idref!)!);
    expect(spine.slice(0, 2)).toEqual(['cover.xhtml', 'toc.xhtml']);
    expect(asManuscripts(spine.slice(2))).toEqual(listed);
  });

  it('has a landmarks nav pointing at the cover, the contents and the first article', () => {
    const landmarks = nav(navDoc, 'landmarks');
    expect(landmarks).toBeDefined();
    expect(elements(landmarks!, 'a').map((link) => [link['epub:type'], link.href])).toEqual([
      ['cover', 'cover.xhtml'],
      ['toc', 'toc.xhtml#toc'],
      ['bodymatter', 'voorwoord.xhtml'],
    ]);
  });

  it('every <img> carries the alt text written in the manuscript (cover: issue.yaml)', async () => {
    const cover = elements(await epub.text('OEBPS/cover.xhtml'), 'img');
    expect(cover.map((img) => img.alt)).toEqual([build.issue.meta.cover!.alt]);
    let count = cover.length;
    for (const article of build.issue.articles) {
      const written: string[] = [];
      visit(article.tree, 'image', (node: Image) => void written.push(node.alt ?? ''));
      const imgs = elements(await epub.text(`OEBPS/${article.id}.xhtml`), 'img');
      expect(
        imgs.map((img) => img.alt),
        article.id,
      ).toEqual(written);
      count += imgs.length;
    }
    // Every image in the package is one of those, sharp's EPUB variant (≤ 1600 px) by a stable name.
    const packed = epub.names.filter((name) => name.startsWith('OEBPS/images/'));
    expect(packed.length).toBeGreaterThan(0);
    expect(packed.length).toBeLessThanOrEqual(count);
    for (const name of packed) expect(name).toMatch(/^OEBPS\/images\/[a-z0-9-]+-[0-9a-f]{8}-\d{1,4}\.jpg$/);
    for (const image of build.images.values())
      expect(Math.max(image.epub!.width, image.epub!.height)).toBeLessThanOrEqual(1600);
  });

  it('has a page-list with an entry for each article start, each pointing at its page-break marker', async () => {
    const pageList = nav(navDoc, 'page-list');
    expect(pageList).toMatch(/role="doc-pagelist"/);
    const entries = elements(pageList!, 'a').map((link) => link.href!);
    expect(texts(pageList!, 'a')).toEqual(entries.map((href) => href.split('#page-')[1]));
    for (const article of build.issue.articles)
      expect(entries).toContain(`${article.id}.xhtml#page-${startPages[article.id]}`);
    for (const href of entries) {
      const [file, id] = href.split('#');
      const marker = elements(await epub.text(`OEBPS/${file}`), 'span').find((span) => span.id === id);
      expect(marker, href).toMatchObject({
        role: 'doc-pagebreak',
        'epub:type': 'pagebreak',
        'aria-label': id!.replace('page-', ''),
      });
    }
    // The article's start marker comes before its title.
    const coos = await epub.text('OEBPS/coos-maas.xhtml');
    expect(coos.indexOf('id="page-8"')).toBeLessThan(coos.indexOf('<h1'));
  });

  it('declares the print edition as the page-list source (dc:source refined by source-of)', () => {
    const source = /<dc:source id="([^"]+)">([^<]+)<\/dc:source>/.exec(opf);
    expect(source?.[2]).toContain('Wendbaar #06');
    expect(opf).toContain(`<meta refines="#${source![1]}" property="source-of">pagination</meta>`);
  });

  it('is Dutch throughout: package, dc:language and every content document', async () => {
    expect(opf).toMatch(/<package [^>]*xml:lang="nl"/);
    expect(texts(opf, 'dc:language')).toEqual(['nl']);
    for (const name of epub.names.filter((entry) => entry.endsWith('.xhtml'))) {
      expect(await epub.text(name), name).toMatch(/<html [^>]*xml:lang="nl" lang="nl"/);
    }
  });

  it('names each creator, the rights from the colophon and the cover image', () => {
    expect(texts(opf, 'dc:creator')).toEqual(creators(build.issue));
    expect(texts(opf, 'dc:creator')).toEqual([
      'Jeroen van den Nieuwenhuizen',
      'Helene de Bruin',
      'Marleen Kamminga',
      'Jannita Robberse',
    ]);
    const [rights] = texts(opf, 'dc:rights');
    expect(rights).toBe(rightsStatement(build.issue));
    expect(rights).toMatch(/^© 2022 Ministerie van Justitie en Veiligheid\. .*Fotografie: Sjoerd van der Hucht\./);
    expect(rights).not.toContain('@');
    const cover = elements(opf, 'item').filter((item) => item.properties === 'cover-image');
    expect(cover).toHaveLength(1);
    expect(cover[0]!.href).toMatch(/^images\/cover-karen-van-den-bremen-/);
  });

  it('carries EPUB Accessibility 1.1 metadata', () => {
    const values = (property: string) =>
      [...opf.matchAll(new RegExp(`<meta property="${property}"[^>]*>([^<]+)</meta>`, 'g'))].map((match) => match[1]);
    expect(values('schema:accessMode')).toEqual(['textual', 'visual']);
    expect(values('schema:accessModeSufficient')).toContain('textual');
    expect(values('schema:accessibilityFeature')).toEqual(
      expect.arrayContaining([
        'alternativeText',
        'pageBreakMarkers',
        'pageNavigation',
        'structuralNavigation',
        'tableOfContents',
        'readingOrder',
      ]),
    );
    expect(values('schema:accessibilityHazard')).toEqual(['none']);
    expect(opf).toMatch(/<meta property="schema:accessibilitySummary" xml:lang="nl">Dit tijdschrift [^<]+<\/meta>/);
    expect(values('dcterms:conformsTo')).toEqual(['EPUB Accessibility 1.1 - WCAG 2.1 Level AA']);
  });

  it('uses fixed times: dcterms:modified and every zip entry from SOURCE_DATE_EPOCH', () => {
    expect(opf).toContain('<meta property="dcterms:modified">2022-06-01T00:00:00Z</meta>');
    for (const file of Object.values(epub.raw.files))
      expect(file.date.toISOString(), file.name).toBe('2022-06-01T00:00:00.000Z');
  });

  it('starts with an uncompressed mimetype entry (OCF)', async () => {
    const bytes = await readFile(build.file);
    expect(bytes.subarray(30, 38).toString('latin1')).toBe('mimetype');
    expect(bytes.readUInt16LE(8)).toBe(0); // compression method: stored
    expect(bytes.subarray(38, 58).toString('latin1')).toBe('application/epub+zip');
  });

  it('two builds (fresh image folders, same SOURCE_DATE_EPOCH) have the same sha256', async () => {
    const again = await buildShipped(await prepareShipped(), 'wendbaar-06-again.epub');
    dirs.push(again.dir);
    expect(path.dirname(again.file)).not.toBe(path.dirname(build.file));
    expect(await sha256(again.file)).toBe(await sha256(build.file));
  });
});
