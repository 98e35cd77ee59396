/**
 * Long addresses and long compounds in a justified column (tests/fixtures/long-urls), built by
 * the real command and read back from every edition: in print no line's word spaces are
 * stretched past the limit, and an address copied from the PDF is the address, with no
 * character added where it breaks; the web edition and the EPUB carry the same break
 * opportunities and pass their referees. After an edit elsewhere in the article, or later in a
 * paragraph than its stretched line, the lines already found are set ragged in the first print,
 * with the bytes a cold build makes.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleAnchor } from '../../scripts/pdf/document.ts';
import { readStartPages } from '../../scripts/pdf/page-map.ts';
import { lineWordSpaces, MAX_WORD_SPACE_EM } from '../../scripts/pdf/stretched-lines.ts';
import { expectRefereesPass } from '../corpus/editions.ts';
import { openEpub } from '../epub/read-epub.ts';
import { fixtures, type CliResult } from '../helpers/cli.ts';
import { edit } from '../helpers/temp-issue.ts';
import { openPdf } from '../helpers/pdf.ts';
import { outDir, persklaarAsync, tempDir } from '../hostile/helpers.ts';

const slug = 'lange-adressen';
const source = readFileSync(path.join(fixtures, 'long-urls', 'links.md'), 'utf8');
/** Every address the article writes out (links, bare addresses, the e-mail address). */
const addresses = [...new Set(source.match(/https:\/\/[^\s)\]]+[^\s)\].,]|[\w.]+@[\w.]+\.nl/g))];
/** The paths in its inline code. */
const paths = [...source.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

describe('long addresses and compounds in a justified column', () => {
  let dir: string;
  let out: string;
  let cache: string;
  let build: CliResult;
  beforeAll(async () => {
    dir = path.join(tempDir('persklaar-urls-'), 'long-urls');
    cpSync(path.join(fixtures, 'long-urls'), dir, { recursive: true });
    out = outDir();
    cache = tempDir('persklaar-urls-cache-');
    build = await persklaarAsync(['build', dir, '--out', out], { PERSKLAAR_CACHE_DIR: cache });
  }, 180_000);

  it('builds every edition', () => {
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
  });

  it('stretches no printed line past the limit, and sets ragged the lines justification would have stretched', async () => {
    const pdf = await PDFDocument.load(readFileSync(path.join(out, `${slug}.pdf`)), { updateMetadata: false });
    const { startPages } = readStartPages(pdf, { links: articleAnchor('links') });
    const lines = lineWordSpaces(pdf, startPages);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.filter((line) => line.wordSpace > MAX_WORD_SPACE_EM)).toEqual([]);
    // The article is made so that some lines would stretch even with break opportunities.
    const pageMap = JSON.parse(readFileSync(pageMapOf(cache), 'utf8')) as {
      stretched?: Record<string, { lines: string[] }>;
    };
    expect(pageMap.stretched?.links?.lines.length).toBeGreaterThan(0);
    const print = readFileSync(path.join(out, 'print', 'index.html'), 'utf8');
    expect(print).toMatch(/<br class="ragged-end">|<p class="ragged">/);
  });

  it('gives back every address whole when its text is copied from the PDF', async () => {
    const pdf = await openPdf(path.join(out, `${slug}.pdf`));
    let text = '';
    for (let page = 1; page <= pdf.numPages; page++) {
      const content = await (await pdf.getPage(page)).getTextContent();
      for (const item of content.items) if ('str' in item) text += item.str;
    }
    expect(addresses.length).toBe(6);
    expect(paths.length).toBe(2);
    expect([...addresses, ...paths].filter((address) => !text.includes(address))).toEqual([]);
    expect(text).not.toMatch(/[\u200b\u2010]/);
  });

  it('keeps every address a live link in the PDF, however many lines it takes', async () => {
    const pdf = await openPdf(path.join(out, `${slug}.pdf`));
    const linked = new Set<string>();
    for (let page = 1; page <= pdf.numPages; page++) {
      for (const annotation of await (await pdf.getPage(page)).getAnnotations())
        if (annotation.url) linked.add(decodeURI(annotation.url).replace(/^mailto:/, ''));
    }
    expect(addresses.filter((address) => !linked.has(address))).toEqual([]);
  });

  it('gives the web edition and the EPUB the same break opportunities', async () => {
    const web = readFileSync(path.join(out, 'web', 'links.html'), 'utf8');
    const epub = await openEpub(path.join(out, `${slug}.epub`));
    const chapter = await epub.text(epub.names.find((name) => /links.*\.xhtml$/.test(name))!);
    const opportunity = 'https://<wbr>oinregister.<wbr>logius.<wbr>nl/<wbr>api/<wbr>v1/<wbr>openapi.<wbr>json';
    expect(web).toContain(`>${opportunity}<`);
    expect(chapter).toContain(opportunity.replaceAll('<wbr>', '<wbr/>'));
    expect(web).toContain('<code>/etc/<wbr>persklaar/');
  });

  it('passes EPUBCheck, the PDF/UA preflight, the Nu Html Checker and axe', async () => {
    await expectRefereesPass(out, slug);
  }, 240_000);

  /** After `change`, a rebuild prints once and writes the bytes a cold build of the same text writes. */
  async function expectOnePrintAsCold(change: (text: string) => string): Promise<void> {
    edit(path.join(dir, 'links.md'), change);
    const warm = await persklaarAsync(['build', dir, '--out', out, '--verbose'], { PERSKLAAR_CACHE_DIR: cache });
    expect(warm.status, warm.stderr).toBe(0);
    expect(warm.stderr).toMatch(/\d+ pages, 1 print \(/);
    const coldOut = outDir();
    const cold = await persklaarAsync(['build', dir, '--out', coldOut], {
      PERSKLAAR_CACHE_DIR: tempDir('persklaar-urls-cache-'),
    });
    expect(cold.status, cold.stderr).toBe(0);
    for (const file of [`${slug}.pdf`, 'print/index.html'])
      expect(readFileSync(path.join(out, file)).equals(readFileSync(path.join(coldOut, file))), file).toBe(true);
  }

  it('after an edit in another paragraph sets the same lines ragged in one print, as a cold build does', async () => {
    await expectOnePrintAsCold((text) => text.replace('op de gedeelde schijf', 'op de centrale schijf'));
  }, 180_000);

  it('after an edit later in a paragraph with a stretched line sets that line ragged in one print, as a cold build does', async () => {
    // The paragraph's first line was found stretched; the edit is two lines further on.
    await expectOnePrintAsCold((text) => text.replace('tussen negen en vijf uur', 'tussen acht en vijf uur'));
  }, 180_000);
});

function pageMapOf(cache: string): string {
  const issues = path.join(cache, 'issues');
  return path.join(issues, readdirSync(issues)[0]!, 'page-map.json');
}
