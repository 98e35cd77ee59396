/**
 * A document that spans several files links as its own tools allowed: footnotes made by hand
 * (`<sup>[1](#f1)</sup>` to `<a name="f1">` or `<p id="f2">`), a fragment alone naming a heading
 * or the title of another chapter, `other.md#x` to an id on raw HTML, a raw `<a href>` to another
 * chapter and a near miss. Every link arrives in every edition; only those whose anchor exists
 * nowhere become text, and lint reports exactly those.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefereesPass } from '../corpus/editions.ts';
import { type CliResult, fixtures } from '../helpers/cli.ts';
import { danglingLinks, epubDocuments, pdfInternalLinks, webEdition } from '../helpers/links.ts';
import { openPdf, pageLines } from '../helpers/pdf.ts';
import { outDir, persklaarAsync, tempDir } from '../hostile/helpers.ts';

const slug = 'koppelingen-01';

/** `file:line` of each of the build's (text-format) messages with `ruleId`. */
function reportLines(report: string, ruleId: string): string[] {
  const found: string[] = [];
  let file = '';
  for (const line of report.split('\n')) {
    if (/\.md$/.test(line)) file = path.basename(line);
    const message = new RegExp(`^(\\d+):\\d+\\S*\\s+warning\\s.*\\s${ruleId}\\s`).exec(line);
    if (message) found.push(`${file}:${message[1]}`);
  }
  return found;
}

describe('links between the files of one document', () => {
  let dir: string;
  let out: string;
  let build: CliResult;
  let lint: CliResult;
  beforeAll(async () => {
    dir = path.join(tempDir('persklaar-links-'), 'links-across');
    cpSync(path.join(fixtures, 'links-across'), dir, { recursive: true });
    out = outDir();
    [build, lint] = await Promise.all([
      persklaarAsync(['build', dir, '--out', out]),
      persklaarAsync(['lint', dir, '--format', 'json']),
    ]);
  }, 120_000);

  it('sets as text only the links whose anchor exists nowhere, and lint reports exactly those', () => {
    expect(build.status).toBe(0);
    const warned = (ruleId: string) => reportLines(build.stderr, ruleId);
    expect(warned('anchor-exists')).toEqual(['eerste.md:14', 'tweede.md:17']);
    expect(warned('anchor-near-miss')).toEqual(['eerste.md:12']);
    const linted = JSON.parse(lint.stdout) as { file: string; line: number; ruleId: string }[];
    const reported = (ruleId: string) =>
      linted
        .filter((message) => message.ruleId === ruleId)
        .map((m) => `${path.basename(m.file)}:${m.line}`)
        .sort();
    expect(reported('anchor-exists')).toEqual(warned('anchor-exists'));
    expect(reported('anchor-near-miss')).toEqual(warned('anchor-near-miss'));
  });

  it('web edition: every link leads to a page and an id that exist, across chapters', () => {
    const pages = webEdition(out);
    expect(danglingLinks(pages)).toEqual([]);
    const first = pages.get('eerste.html')!;
    for (const href of [
      '#f1',
      '#f2',
      'tweede.html#melding-transactie',
      'derde.html',
      'tweede.html#kader-id',
      'tweede.html#oud-anker',
      'tweede.html#overzicht-van-de-keten',
    ])
      expect(first).toContain(`href="${href}"`);
    expect(pages.get('derde.html')).toContain('href="eerste.html#f1"');
    // Raw HTML links as well: to another chapter, and the one that leads nowhere as its text.
    expect(pages.get('tweede.html')).toContain('<a href="eerste.html#achtergrond">de achtergrond</a> en niets.');
    expect(first).toContain('<a id="f1">1</a>');
    // The one unresolved link is its text.
    expect(first).toContain('gaat: nergens.</p>');
    expect(first).not.toContain('bestaat-niet');
  });

  it('PDF: every internal link annotation leads to the page its target is printed on', async () => {
    const pdf = await openPdf(path.join(out, `${slug}.pdf`));
    const links = await pdfInternalLinks(pdf);
    const textOf = async (page: number) => (await pageLines(pdf, page)).map((line) => line.text).join(' ');
    const landing = async (name: string) => {
      const link = links.find((each) => each.name === name);
      expect(link, name).toBeDefined();
      return textOf(link!.target!);
    };
    expect(links.filter((link) => link.target === undefined)).toEqual([]);
    expect(await landing('art-tweede--melding-transactie')).toContain('Melding transactie');
    expect(await landing('art-tweede--oud-anker')).toContain('oud anker');
    expect(await landing('art-tweede--kader-id')).toContain('Een kader met een eigen id');
    expect(await landing('art-eerste--f1')).toContain('Een voetnoot gemaakt met een anker');
    expect(await landing('art-eerste--f2')).toContain('Een voetnoot als alinea met een id');
    expect(await landing('art-derde')).toContain('Bomos gebruiken');
    const fromOtherChapters = links.filter((link) => link.page !== link.target);
    expect(fromOtherChapters.length).toBeGreaterThanOrEqual(8);
  });

  it('EPUB: every link leads to a chapter and an id that exist (no RSC-012), and the referees pass', async () => {
    const documents = await epubDocuments(path.join(out, `${slug}.epub`));
    expect(danglingLinks(documents)).toEqual([]);
    expect(documents.get('OEBPS/eerste.xhtml')).toContain('href="tweede.xhtml#melding-transactie"');
    await expectRefereesPass(out, slug);
  }, 240_000);
});
