/**
 * Manuscripts the linter was not written against. `lint-unseen` is a realistic small issue
 * with a known set of defects put in on purpose, among clean text that also holds the traps
 * (code spans with fake links, a code block with a fake image, mailto:, autolinks, reference
 * links, a cross-article anchor with diacritics): the findings must be exactly these, at
 * these lines, and nothing else.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintIssue } from '../../scripts/lint/index.ts';
import { records } from '../../scripts/report/report.ts';
import { fixtures } from '../helpers/cli.ts';

async function found(dir: string): Promise<string[]> {
  const { files } = await lintIssue(dir);
  return records(files).map((record) => `${path.basename(record.file)}:${record.line} ${record.ruleId}`);
}

describe('an issue the linter has never seen', () => {
  it('finds every injected defect at its line, and nothing in the clean text', async () => {
    expect(await found(path.join(fixtures, 'lint-unseen/issue'))).toEqual([
      'inleiding.md:14 link-text-descriptive', // [Klik hier](…)
      'lotte-verbeek.md:28 heading-increment', // ## → ####
      'lotte-verbeek.md:30 spelling', // verantwoordelijkhied
      'lotte-verbeek.md:32 image-alt-missing', // ![](…)
      'lotte-verbeek.md:32 image-missing', // lotte-aan-het-werk.jpg is not in images/
      'lotte-verbeek.md:34 reference-defined', // [jaarverslag][jaarverslag] without definition
      'lotte-verbeek.md:34 local-file-exists', // brochure-procedure.pdf
      'lotte-verbeek.md:36 unknown-directive', // :::kadr
      'werkbezoek.md:10 image-alt-filename', // ![Foto van …]
      'werkbezoek.md:25 html-img-alt', // <img src="kaart-haven.png">
      // raw HTML <img> is a photo like any other, and kaart-haven.png is not in images/
      'werkbezoek.md:25 image-missing',
      'werkbezoek.md:31 no-placeholder-link', // [het fotoalbum](#)
      'werkbezoek.md:31 link-text-empty', // [](https://www.douane.nl/contact)
      // #een-vraag-over-prive, the heading is ‘Één vraag over ‘privé’’: linked there, with a warning
      'werkbezoek.md:33 anchor-near-miss',
      'concept-reportage.md:1 article-listed', // in the folder, not in issue.yaml
    ]);
  });

  it('finds nothing in the clean test issue another engineer wrote', async () => {
    expect(await found(path.join(fixtures, 'mini'))).toEqual([]);
  });
});

describe('the unedited source of Wendbaar #06 (a PDF conversion)', () => {
  it('finds its placeholder links, “KLIK HIER” texts, extra h1s and typos at their lines', async () => {
    const { mkdtempSync, mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const source = readFileSync(path.join(fixtures, 'seed/wendbaar-06-source.md'), 'utf8');
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'persklaar-seed-')), 'issue');
    mkdirSync(dir);
    const header = '---\ntitle: Bron\n---\n';
    writeFileSync(path.join(dir, 'bron.md'), header + source);
    writeFileSync(
      path.join(dir, 'issue.yaml'),
      'title: Bron\ndate: 2022-06\nlanguage: nl\nslug: bron\narticles:\n  - bron.md\n',
    );
    const { files } = await lintIssue(dir);
    const all = records(files);
    const lines = (ruleId: string) => all.filter((record) => record.ruleId === ruleId).map((record) => record.line - 3);

    // What to expect, read from the source with plain string tests rather than a Markdown parser.
    const sourceLines = source.split('\n');
    const numbered = (test: (line: string) => boolean) =>
      sourceLines.flatMap((line, index) => (test(line) ? [index + 1] : []));
    expect(lines('no-placeholder-link')).toEqual(numbered((line) => line.includes('](#)')));
    expect(lines('link-text-descriptive')).toEqual(numbered((line) => /\[KLIK HIER\]\(/.test(line)));
    const headings = numbered((line) => /^#{1,6} /.test(line));
    let previous = 1;
    const skips = headings.filter((line) => {
      const depth = /^#+/.exec(sourceLines[line - 1]!)![0].length;
      const wrong = depth === 1 || depth > previous + 1;
      previous = depth;
      return wrong;
    });
    expect(lines('heading-increment')).toEqual(skips);

    const unknown = new Set(
      all.filter((record) => record.ruleId === 'spelling').map((record) => /‘([^’]+)’/.exec(record.message)![1]),
    );
    for (const typo of [
      'gepassioneerdeheid',
      'kinderscherming',
      'kinderschermingszaken',
      'zonedig',
      'asiellzaken',
      'Terrorisbestrijding',
      'Wachlijsten',
      'justiabellen',
      'geoordekt',
      'ervaaarde',
      'familiefestjes',
    ]) {
      expect(unknown).toContain(typo);
    }
    expect(new Set(all.map((record) => record.ruleId))).toEqual(
      new Set(['spelling', 'heading-increment', 'no-placeholder-link', 'link-text-descriptive']),
    );
  });
});
