import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintIssue } from '../../scripts/lint/index.ts';
import { records } from '../../scripts/report/report.ts';
import { at, bodyFindings, findings, makeIssue } from './helpers.ts';

describe('heading-increment', () => {
  it('reports a second h1 and skipped levels', async () => {
    const markdown = '# Tussenkop\n\n## Goed\n\n#### Te diep\n\n### Goed\n\n## Goed\n\n##### Veel te diep\n';
    expect(await bodyFindings(markdown, 'heading-increment')).toEqual([
      at(markdown, '# Tussenkop'),
      at(markdown, '#### Te diep'),
      at(markdown, '##### Veel'),
    ]);
  });

  it('reports ### as the first heading: the title is the h1, body headings start at ##', async () => {
    expect(await bodyFindings('Tekst.\n\n### Vraag\n', 'heading-increment')).toEqual(['3:1']);
  });

  it('treats a box title as an h2, so ### inside a box is right', async () => {
    const markdown =
      'Tekst.\n\n:::kader[Drie E’s]\n### Excellentie\n\nTekst.\n:::\n' +
      '\n:::meer-info\n### Links\n:::\n\n## Verder\n\n### Vraag\n';
    expect(await bodyFindings(markdown, 'heading-increment')).toEqual([]);
  });

  it('does not let a box without a title open a level', async () => {
    const markdown = 'Tekst.\n\n:::citaat\n### Geen kop\n:::\n';
    expect(await bodyFindings(markdown, 'heading-increment')).toEqual(['4:1']);
  });
});

describe('heading-empty', () => {
  it('reports empty headings and empty box titles', async () => {
    const markdown = '## Goed\n\n##\n\n## ![](a.png)\n\n:::kader[]\nTekst.\n:::\n\n:::kader[Titel]\nTekst.\n:::\n';
    expect(await bodyFindings(markdown, 'heading-empty')).toEqual(['3:1', '5:1', '7:1']);
  });
});

describe('unknown-directive', () => {
  it('reports directives the renderer does not know, with the closest known one', async () => {
    const markdown =
      ':::kadr[Titel]\nTekst.\n:::\n\n:::quote\nTekst.\n:::\n\n:sprekr[Yvonne] “Ja.”\n\n::spreker[Yvonne]\n';
    expect(await bodyFindings(markdown, 'unknown-directive')).toEqual(['1:1', '5:1', '9:1', '11:1']);
    const dir = makeIssue({ articles: { 'a.md': markdown } });
    const reasons = records((await lintIssue(dir)).files)
      .filter((record) => record.ruleId === 'unknown-directive')
      .map((record) => record.message);
    expect(reasons[0]).toBe('Unexpected directive `:::kadr`, expected `:::kader`');
    expect(reasons[2]).toBe('Unexpected directive `:sprekr`, expected `:spreker`');
  });

  it('accepts known directives and colons in running text (10:30, zei hij:nee)', async () => {
    const markdown = [
      ':::figuur{plaatsing="portret"}',
      '![Een zaal met stoelen](a.jpg)',
      '',
      'De zaal',
      ':::',
      '',
      ':spreker[Yvonne] Om 10:30 uur zei hij:nee. Zie ook ratio 3:2.',
      '',
      '::::kader[Titel]',
      ':::citaat{wie="Sara"}',
      'Tekst.',
      ':::',
      '::::',
      '',
      ':::meer-info[Meer weten?]',
      'Tekst.',
      ':::',
      '',
    ].join('\n');
    expect(await bodyFindings(markdown, 'unknown-directive', { images: ['a.jpg'] })).toEqual([]);
  });
});

describe('article-listed', () => {
  it('reports a Markdown file the issue does not list, on that file; README.md is not an article', async () => {
    const spec = {
      articles: { 'a.md': 'Tekst.\n' },
      unlisted: { 'nieuw.md': 'Concept.\n', 'README.md': '# Handleiding\n' },
    };
    expect(await findings(spec, { only: ['article-listed'] })).toEqual(['nieuw.md:1:1 article-listed']);
  });
});

describe('load errors', () => {
  it(
    'reports front matter and issue.yaml schema errors, ' + 'and missing articles, as errors instead of crashing',
    async () => {
      const dir = makeIssue({
        articles: { 'a.md': '---\ntitle: Goed\nkind: vraaggesprek\n---\n\nTekst.\n', 'b.md': 'Tekst.\n' },
      });
      writeFileSync(
        path.join(dir, 'issue.yaml'),
        'title: Proef\ndate: 2024-03\nlanguage: nl\nslug: proef-01\narticles:\n  - a.md\n  - weg.md\n',
      );
      const result = await lintIssue(dir);
      expect(result.errors).toBeGreaterThanOrEqual(1);
      const found = records(result.files).map(
        (record) => `${path.basename(record.file)}:${record.line} ${record.ruleId} ${record.severity}`,
      );
      expect(found).toContain('issue.yaml:7 article-list error');
      // With issue.yaml broken, the articles are still read, so their errors come in the same run.
      expect(found).toContain('a.md:3 schema error');
    },
  );
});
