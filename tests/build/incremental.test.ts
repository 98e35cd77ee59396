/**
 * Incremental builds, through the real command: nothing changed → nothing built; a one-word
 * edit → one print of one part (its article), the unchanged pages' finishing taken from the
 * last build, and exactly the bytes a cold build (empty cache) makes of the same text;
 * `--only` builds one edition and leaves the others stale for the next build.
 */
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { epubcheck } from '../../scripts/check/epubcheck.ts';
import { edit } from '../helpers/temp-issue.ts';
import { miniIssue, outDir, persklaarAsync, snapshot, tempDir } from '../hostile/helpers.ts';

const outputs = [
  'proefnummer-01.pdf',
  'proefnummer-01.epub',
  'web/index.html',
  'web/voorwoord.html',
  'print/index.html',
];

describe('incremental builds', () => {
  let dir: string;
  let out: string;
  let cache: string;
  const build = (...extra: string[]) =>
    persklaarAsync(['build', dir, '--out', out, '--verbose', ...extra], { PERSKLAAR_CACHE_DIR: cache });
  /** A cold build of the same folder (fresh output, empty cache) makes the very same files. */
  const expectSameAsColdBuild = async () => {
    const coldOut = outDir();
    const cold = await persklaarAsync(['build', dir, '--out', coldOut], {
      PERSKLAAR_CACHE_DIR: tempDir('persklaar-cache-'),
    });
    expect(cold.status, cold.stderr).toBe(0);
    for (const file of outputs) {
      expect(readFileSync(path.join(out, file)).equals(readFileSync(path.join(coldOut, file))), file).toBe(true);
    }
  };

  beforeAll(async () => {
    dir = miniIssue();
    out = outDir();
    cache = tempDir('persklaar-cache-');
    const first = await build();
    expect(first.status, first.stderr).toBe(0);
  }, 120_000);

  it('builds nothing when nothing changed, and touches no output', async () => {
    const before = snapshot(out);
    const again = await build();
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('Unchanged: web, pdf, epub (nothing to build)\n');
    expect(snapshot(out)).toEqual(before);
  });

  it(
    'after a one-word edit prints once, reuses the finishing ' +
      'of unchanged pages, and makes what a cold build makes',
    async () => {
      // A word of the body: the title would change the contents page too.
      edit(path.join(dir, 'gesprek.md'), (text) => text.replace('een goed gesprek.', 'een goed onderhoud.'));
      const warm = await build();
      expect(warm.status, warm.stderr).toBe(0);
      expect(warm.stdout).toMatch(/^Built web, pdf, epub from 2 articles/);
      // Only the edited article's part is printed again; the front and the other article are kept.
      expect(warm.stderr).toMatch(/\d+ pages, 1 print \(\d+ ms, 1 part printed\)/);
      const remembered = Number(/(\d+) pages as in the last build/.exec(warm.stderr)?.[1]);
      expect(remembered).toBeGreaterThan(0);

      await expectSameAsColdBuild();
      expect(readFileSync(path.join(out, 'web/gesprek.html'), 'utf8')).toContain('onderhoud');
    },
  );

  it('after an edit that moves an article to another page prints again, and the EPUB page list follows', async () => {
    const before = readFileSync(path.join(out, 'proefnummer-01.epub'));
    const paragraph =
      '\n\n' +
      `${'Een alinea die het voorwoord een bladzijde langer maakt, zodat het gesprek later begint. '.repeat(30)}`;
    edit(path.join(dir, 'voorwoord.md'), (text) => text + paragraph.repeat(4));
    const warm = await build();
    expect(warm.status, warm.stderr).toBe(0);
    expect(warm.stderr).toMatch(/\d+ pages, 2 prints \(/);
    const after = readFileSync(path.join(out, 'proefnummer-01.epub'));
    expect(after.equals(before)).toBe(false);

    await expectSameAsColdBuild();
  });

  it('--only pdf builds the PDF alone; the next build makes only the editions still stale', async () => {
    edit(path.join(dir, 'voorwoord.md'), (text) =>
      text.replace('Dit is het voorwoord', 'Dit is het herziene voorwoord'),
    );
    const before = snapshot(out);
    const pdfOnly = await build('--only', 'pdf');
    expect(pdfOnly.status, pdfOnly.stderr).toBe(0);
    expect(pdfOnly.stdout).toMatch(/^Built pdf from 2 articles/);
    const after = snapshot(out);
    expect(after['web/voorwoord.html']).toEqual(before['web/voorwoord.html']);
    expect(after['proefnummer-01.epub']).toEqual(before['proefnummer-01.epub']);
    expect(after['proefnummer-01.pdf']).not.toEqual(before['proefnummer-01.pdf']);

    const rest = await build();
    expect(rest.status, rest.stderr).toBe(0);
    expect(rest.stdout).toMatch(/^Built web, epub from 2 articles in \d+ ms; unchanged: pdf/);
    expect(readFileSync(path.join(out, 'web/voorwoord.html'), 'utf8')).toContain('herziene voorwoord');
  });

  it('takes a photo rewritten in place, with its old size and modification time, for changed', async () => {
    const file = path.join(dir, 'images', 'portret.jpg');
    // A time the file system keeps exactly, so that it can be put back exactly.
    const anHourAgo = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
    utimesSync(file, anHourAgo, anHourAgo);
    expect((await build()).status).toBe(0);
    expect((await build()).stdout).toBe('Unchanged: web, pdf, epub (nothing to build)\n');
    const before = statSync(file);
    const bytes = readFileSync(file);
    // Other pixels, the same length: one byte of the compressed image data just before its end.
    bytes[bytes.length - 3]! ^= 0x01;
    writeFileSync(file, bytes);
    utimesSync(file, anHourAgo, anHourAgo);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(file).size).toBe(before.size);
    const again = await build();
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^Built web, pdf, epub from 2 articles/);
  });
});

describe('one edition on its own', () => {
  it('--only epub with no print made before: prints for the page list, writes a valid EPUB and no PDF', async () => {
    const dir = miniIssue();
    const out = outDir();
    const result = await persklaarAsync(['build', dir, '--out', out, '--only', 'epub'], {
      PERSKLAAR_CACHE_DIR: tempDir('persklaar-cache-'),
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Built epub from 2 articles/);
    expect(existsSync(path.join(out, 'proefnummer-01.pdf'))).toBe(false);
    expect(existsSync(path.join(out, 'print'))).toBe(false);
    const { messages } = await epubcheck(path.join(out, 'proefnummer-01.epub'));
    expect(messages.filter((message) => !['USAGE', 'INFO', 'SUPPRESSED'].includes(message.severity))).toEqual([]);
    const epub = await JSZip.loadAsync(readFileSync(path.join(out, 'proefnummer-01.epub')));
    const nav = await epub.file('OEBPS/toc.xhtml')?.async('string');
    expect(nav).toMatch(/epub:type="page-list"/);
  }, 120_000);
});
