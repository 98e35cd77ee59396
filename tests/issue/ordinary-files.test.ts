/**
 * Ordinary Markdown, as other tools write it, just works: no front matter (the first `#`
 * heading is the title, printed once), images beside the manuscript in `media/`, file names
 * with spaces and brackets, and an issue.yaml with only the required fields — and nothing
 * shows a placeholder for what it leaves out.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIssue } from '../../scripts/issue/load.ts';
import { openEpub } from '../epub/read-epub.ts';
import { openPdf, pageLines } from '../helpers/pdf.ts';
import { outDir, persklaarAsync, tempDir } from '../hostile/helpers.ts';
import { photo } from '../images/fixtures.ts';
import type { CliResult } from '../helpers/cli.ts';

const chapter = 'ch02_Het beheer van [=COR=].md';

async function ordinaryIssue(): Promise<string> {
  const dir = tempDir('persklaar-ordinary-');
  mkdirSync(path.join(dir, 'media'));
  writeFileSync(path.join(dir, 'media', 'schema.png'), await photo({ width: 900, height: 500, format: 'png' }));
  writeFileSync(
    path.join(dir, 'issue.yaml'),
    'title: Architectuur\ndate: 2026-03\nlanguage: nl\nslug: ' +
      `architectuur\narticles:\n  - inleiding.md\n  - "${chapter}"\n`,
  );
  writeFileSync(
    path.join(dir, 'inleiding.md'),
    '# Inleiding tot het stelsel\n\nDit document beschrijft het stelsel; zie [de ' +
      'uitgifte](<ch02_Het beheer van [=COR=].md#uitgifte>).\n\n## Waarom\n\nOmdat het kan.\n',
  );
  writeFileSync(
    path.join(dir, chapter),
    '# Het beheer van de *COR*\n\nZie het schema.\n\n![Schema van het ' +
      'beheer](media/schema.png "Het beheer in één schema")\n\n## Uitgifte\n\nTekst.\n',
  );
  return dir;
}

describe('an article without front matter', () => {
  it('takes its title from the first `#` heading and leaves that heading out of the body', async () => {
    const issue = await loadIssue(await ordinaryIssue());
    expect(issue.articles.map((each) => [each.data.title, each.data.kind])).toEqual([
      ['Inleiding tot het stelsel', 'feature'],
      ['Het beheer van de COR', 'feature'],
    ]);
    const headings = issue.articles.flatMap((each) => each.tree.children.filter((node) => node.type === 'heading'));
    expect(headings.map((node) => (node.type === 'heading' ? node.depth : 0))).toEqual([2, 2]);
    // Ids name pages and files in every edition: a file name with spaces and brackets gets a slug.
    expect(issue.articles.map((each) => each.id)).toEqual(['inleiding', 'ch02_het-beheer-van-cor']);
  });

  it('takes a front matter title before the heading, and the file name as a last resort, with a warning', async () => {
    const dir = await ordinaryIssue();
    writeFileSync(path.join(dir, 'inleiding.md'), '---\nkind: foreword\n---\n\nAlleen tekst, geen kop.\n');
    const issue = await loadIssue(dir);
    expect(issue.articles[0]!.data).toMatchObject({ title: 'Inleiding', kind: 'foreword' });
    expect(issue.articles[0]!.file.messages.map((message) => [message.line, message.fatal, message.ruleId])).toEqual([
      [1, false, 'article-title'],
    ]);
  });
});

describe('an issue of ordinary files, built', () => {
  let dir: string;
  let out: string;
  let build: CliResult;
  let lint: CliResult;
  beforeAll(async () => {
    dir = await ordinaryIssue();
    out = outDir();
    build = await persklaarAsync(['build', dir, '--out', out]);
    lint = await persklaarAsync(['lint', dir, '--format', 'json']);
  }, 240_000);

  it('builds every edition, and the linter finds the image where the build found it', () => {
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    expect(JSON.parse(lint.stdout).filter((message: { severity: string }) => message.severity === 'error')).toEqual([]);
  });

  it('prints the title once on the web page, and shows the image from media/', () => {
    const html = readFileSync(path.join(out, 'web', 'ch02_het-beheer-van-cor.html'), 'utf8');
    expect(html.match(/<h1\b/g)).toHaveLength(1);
    expect(html).toMatch(/<h1[^>]*>Het beheer van de COR<\/h1>/);
    expect(html).not.toContain('Het beheer van de <em>COR</em></h2>');
    expect(html).toMatch(/<img [^>]*alt="Schema van het beheer"/);
  });

  it('links to an article whose file name has spaces and brackets, in every edition', async () => {
    expect(readFileSync(path.join(out, 'web', 'inleiding.html'), 'utf8')).toContain(
      '<a href="ch02_het-beheer-van-cor.html#uitgifte">de uitgifte</a>',
    );
    expect(readFileSync(path.join(out, 'print', 'index.html'), 'utf8')).toMatch(
      /<a href="#art-ch02-het-beheer-van-cor--uitgifte">de uitgifte<\/a>/,
    );
    const epub = await openEpub(path.join(out, 'architectuur.epub'));
    expect(await epub.text('OEBPS/inleiding.xhtml')).toContain(
      '<a href="ch02_het-beheer-van-cor.xhtml#uitgifte">de uitgifte</a>',
    );
  });

  it('shows no `#00`, no empty publisher and no empty rights where issue.yaml says nothing', async () => {
    for (const page of ['index.html', 'inleiding.html'])
      expect(readFileSync(path.join(out, 'web', page), 'utf8')).not.toMatch(/#0|#undefined/);
    const print = readFileSync(path.join(out, 'print', 'index.html'), 'utf8');
    expect(print).not.toMatch(/#0|cover-publisher"><\/p>/);
    const pdf = await openPdf(path.join(out, 'architectuur.pdf'));
    const cover = (await pageLines(pdf, 1)).map((line) => line.text).join('\n');
    expect(cover).toContain('Architectuur');
    expect(cover).not.toContain('#');
    const epub = await openEpub(path.join(out, 'architectuur.epub'));
    const opf = await epub.text('OEBPS/content.opf');
    expect(opf).not.toMatch(/<dc:(\w+)[^>]*>\s*<\/dc:\1>/);
    expect(opf).not.toContain('<dc:rights');
  });

  it('sees a changed image beside the manuscript as a change to build', async () => {
    expect((await persklaarAsync(['build', dir, '--out', out, '--only', 'web'])).stdout).toMatch(/^Unchanged/);
    writeFileSync(path.join(dir, 'media', 'schema.png'), await photo({ width: 700, height: 500, format: 'png' }));
    expect((await persklaarAsync(['build', dir, '--out', out, '--only', 'web'])).stdout).toMatch(/^Built web/);
  });

  it(
    'finds an image beside the manuscript first, and ' + 'names a missing one at its line in lint and build alike',
    async () => {
      const broken = await ordinaryIssue();
      writeFileSync(path.join(broken, 'inleiding.md'), '# Inleiding\n\nTekst.\n\n![Een schema](media/weg.png)\n');
      const built = await persklaarAsync(['build', broken, '--out', outDir(), '--only', 'web']);
      const linted = await persklaarAsync(['lint', broken, '--format', 'json']);
      expect(built.status).toBe(1);
      expect(built.stderr).toMatch(
        new RegExp(
          /\n5:1\S*\s+error\s+Cannot read image `media\/weg\.png`/.source +
            /: the file does not exist in images\/ nor beside the manuscript/.source,
        ),
      );
      expect(linted.status).toBe(1);
      expect(
        JSON.parse(linted.stdout).filter((message: { ruleId: string }) => message.ruleId === 'image-missing'),
      ).toEqual([
        expect.objectContaining({ line: 5, severity: 'error', message: expect.stringContaining('media/weg.png') }),
      ]);
    },
  );
});
