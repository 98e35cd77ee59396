/**
 * Every print page in the EPUB and on the web, read back against the printed PDF: the page list
 * names every page of the print in order (cover and contents included), and the words right
 * after each page's marker (EPUB) and `#p17` anchor (web) are on that page. For the shipped
 * issue, the OIN-stelsel corpus, and the shipped issue after an edit that moves the page breaks.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fixtures, root } from '../helpers/cli.ts';
import { epubPagePlacement, webPagePlacement } from '../helpers/print-pages.ts';
import { edit } from '../helpers/temp-issue.ts';
import { outDir, persklaarAsync, tempDir } from '../hostile/helpers.ts';
import { oinIssueYaml } from './oin-stelsel-issue.ts';

const everyPage = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

async function expectEveryPageInPlace(out: string, slug: string): Promise<void> {
  const epub = await epubPagePlacement(out, slug);
  expect(epub.pageCount).toBeGreaterThan(2);
  expect(epub.listed).toEqual(everyPage(epub.pageCount));
  expect(epub.misplaced).toEqual([]);
  const web = await webPagePlacement(out, slug);
  expect(web.listed).toEqual(everyPage(web.pageCount));
  expect(web.misplaced).toEqual([]);
}

describe('Wendbaar #06: every print page', () => {
  it('is named in the EPUB page list and on the web, each marker where its page begins', async () => {
    await expectEveryPageInPlace(inject('issueBuild'), 'wendbaar-06');
  });

  it('keeps dc:source, the print edition the page list refers to', async () => {
    const { openEpub } = await import('../epub/read-epub.ts');
    const epub = await openEpub(path.join(inject('issueBuild'), 'wendbaar-06.epub'));
    const opf = await epub.text(epub.names.find((name) => name.endsWith('.opf'))!);
    expect(opf).toMatch(/<dc:source[^>]*>[^<]+<\/dc:source>/);
  });
});

describe('an edit that moves the page breaks', () => {
  let dir: string;
  let out: string;
  let before: string;
  beforeAll(async () => {
    const base = tempDir('persklaar-pages-');
    dir = path.join(base, 'manuscript');
    cpSync(path.join(root, 'manuscript'), dir, { recursive: true });
    cpSync(path.join(root, 'images'), path.join(base, 'images'), { recursive: true });
    out = outDir();
    const first = await persklaarAsync(['build', dir, '--out', out]);
    expect(first.status, first.stderr).toBe(0);
    before = readFileSync(path.join(out, 'web', 'erik-pool.html'), 'utf8');
    // A paragraph near the start of an article pushes the rest of it down a column or more.
    const added = 'Een alinea die later is toegevoegd, lang genoeg om de rest van het artikel te verschuiven. '.repeat(
      12,
    );
    edit(path.join(dir, 'erik-pool.md'), (text) =>
      text.replace('\n## Het goede gesprek aangaan', `\n${added}\n\n## Het goede gesprek aangaan`),
    );
    const second = await persklaarAsync(['build', dir, '--out', out]);
    expect(second.status, second.stderr).toBe(0);
  }, 240_000);

  it('moves the markers with the text', async () => {
    const after = readFileSync(path.join(out, 'web', 'erik-pool.html'), 'utf8');
    const following = (html: string) => html.slice(html.indexOf('id="p6"'), html.indexOf('id="p6"') + 300);
    expect(following(after)).not.toEqual(following(before));
    await expectEveryPageInPlace(out, 'wendbaar-06');
  });
});

describe('OIN-stelsel: every print page', () => {
  it('is named in the EPUB page list and on the web, each marker where its page begins', async () => {
    const dir = path.join(tempDir('persklaar-corpus-'), 'oin-stelsel');
    cpSync(path.join(fixtures, 'corpus', 'oin-stelsel'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'issue.yaml'), oinIssueYaml);
    const out = outDir();
    const build = await persklaarAsync(['build', dir, '--out', out]);
    expect(build.status, build.stderr).toBe(0);
    await expectEveryPageInPlace(out, 'oin-stelsel');
  }, 240_000);
});
