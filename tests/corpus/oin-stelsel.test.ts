/**
 * A real document written for another tool (Logius, *OIN-stelsel*, CC BY 4.0, ReSpec): chapters
 * with `#` titles and no front matter, images in media/, tables, file names with spaces and
 * brackets, `[=term=]` references. Copied as published, with only an issue.yaml added, it
 * builds; every edition passes its referee. The copy and its licence: tests/fixtures/corpus/.
 */
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../helpers/cli.ts';
import { holes, runtPages } from '../helpers/column-feet.ts';
import { outDir, persklaarAsync, tempDir } from '../hostile/helpers.ts';
import type { CliResult } from '../helpers/cli.ts';
import { editionTexts, expectRefereesPass, strayWords } from './editions.ts';
import { oinIssueYaml as issueYaml } from './oin-stelsel-issue.ts';

const corpus = path.join(fixtures, 'corpus', 'oin-stelsel');

describe('OIN-stelsel, as published, with only an issue.yaml added', () => {
  let dir: string;
  let out: string;
  let build: CliResult;
  beforeAll(async () => {
    dir = path.join(tempDir('persklaar-corpus-'), 'oin-stelsel');
    cpSync(corpus, dir, { recursive: true });
    writeFileSync(path.join(dir, 'issue.yaml'), issueYaml);
    out = outDir();
    build = await persklaarAsync(['build', dir, '--out', out]);
  }, 240_000);

  it('builds all three editions, saying at their lines what it repaired', () => {
    expect(build.stdout).toMatch(/^Built web, pdf, epub from 11 articles/);
    expect(build.status).toBe(0);
    // ReSpec's `#inleiding` is the chapter titled Inleiding, linked there; `#data` names a section
    // the source does not have either, and is set as its text.
    expect(build.stderr).not.toMatch(/missing anchor `#inleiding`/);
    expect(build.stderr).toMatch(
      /ch03_Businessarchitectuur\.md\n(?:.*\n)*?171:\d+\S*\s+warning\s+Link to missing anchor `#data`/,
    );
    expect(build.stderr).not.toMatch(/\berror\b/);
  });

  it('passes EPUBCheck, the PDF/UA preflight, the Nu Html ' +
    'Checker and axe; no image runs off a page or under text', async () => {
    await expectRefereesPass(out, 'oin-stelsel');
  }, 240_000);

  it('leaves no column short by more than a quarter on a page that does not end its chapter', async () => {
    expect(await holes(path.join(out, 'oin-stelsel.pdf'))).toEqual([]);
  });

  it('names every last page that holds next to nothing in the layout report', async () => {
    // A chapter that ends with a table running two rows onto a page of its own: placement has
    // nothing after the table to move, so the editor is told, at the table's line.
    const reported = [...build.stderr.matchAll(/Page (\d+): the article's last page holds next to nothing/g)].map(
      (match) => Number(match[1]),
    );
    for (const page of await runtPages(path.join(out, 'oin-stelsel.pdf'))) expect(reported).toContain(page);
  });

  it('shows no English label, no placeholder and no empty metadata element; [=term=] is set as its word', async () => {
    const texts = await editionTexts(out, 'oin-stelsel');
    expect(strayWords(texts)).toEqual([]);
    // (`[=SubOiN]`, a typo in the source that ReSpec would not read either, stays as written.)
    for (const [name, text] of texts) expect(text, name).not.toMatch(/\[=[^\]]*=\]/);
    expect(texts.get('web/ch05_het-beheer-van-suboins-in-de-cor.html')).toMatch(
      /<h1[^>]*>Het beheer van SubOINs in de COR<\/h1>/,
    );
  });
});
