import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIssue } from '../../scripts/issue/load.ts';
import { InputError } from '../../scripts/util/errors.ts';
import { issueCacheDir } from '../../scripts/util/fingerprint.ts';
import { persklaar, fixtures } from '../helpers/cli.ts';
import { copyFixture, edit } from '../helpers/temp-issue.ts';

async function loadErrors(dir: string): Promise<string[]> {
  try {
    await loadIssue(dir);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.files.flatMap((file) =>
      file.messages.map(
        (message) => `${path.basename(file.path)}:${message.line}:${message.column}: ${message.reason}`,
      ),
    );
  }
  throw new Error('expected the issue to fail to load');
}

describe('load', () => {
  it('reads issue.yaml and every article, in reading order, with validated front matter', async () => {
    const issue = await loadIssue(path.join(fixtures, 'mini'));
    expect(issue.meta.slug).toBe('proefnummer-01');
    expect(issue.articles.map((article) => article.name)).toEqual(['voorwoord.md', 'gesprek.md']);
    expect(issue.articles[1]!.data.kind).toBe('interview');
    expect(issue.articles[1]!.data.people.map((person) => person.name)).toEqual(['Piet Pieters', 'Sara Smit']);
    expect(issue.articles[0]!.tree.type).toBe('root');
  });

  it('keeps the parsed trees of the articles the issue lists, and only those', async () => {
    const dir = copyFixture();
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'persklaar-cache-'));
    const parsed = path.join(issueCacheDir(cacheDir, dir), 'parsed');
    await loadIssue(dir, { cacheDir });
    expect(readdirSync(parsed).sort()).toEqual(['gesprek.md.json', 'voorwoord.md.json']);
    // A write of another build under way is left alone.
    writeFileSync(path.join(parsed, '.voorwoord.md.json.tmp-1-00'), '');

    edit(path.join(dir, 'issue.yaml'), (text) => text.replace(/^\s*- gesprek\.md\n/m, ''));
    const issue = await loadIssue(dir, { cacheDir });
    expect(issue.articles.map((article) => article.name)).toEqual(['voorwoord.md']);
    expect(readdirSync(parsed).sort()).toEqual(['.voorwoord.md.json.tmp-1-00', 'voorwoord.md.json']);
  });

  it('names the line of a YAML syntax error in issue.yaml', async () => {
    const dir = copyFixture();
    edit(path.join(dir, 'issue.yaml'), (text) => text.replace('language: nl', 'language: [nl'));
    const [message] = await loadErrors(dir);
    expect(message).toMatch(/^issue\.yaml:6:\d+: Unexpected YAML/);
  });

  it('names the line and field of a schema error in issue.yaml', async () => {
    const dir = copyFixture();
    edit(path.join(dir, 'issue.yaml'), (text) => text.replace('slug: proefnummer-01', 'slug: Proef Nummer'));
    expect(await loadErrors(dir)).toEqual([expect.stringMatching(/^issue\.yaml:6:7: `slug`: expected a slug/)]);
  });

  it('reports a missing required field and an unknown key', async () => {
    const dir = copyFixture();
    edit(path.join(dir, 'issue.yaml'), (text) => text.replace('title: Proefnummer\n', 'titel: Proefnummer\n'));
    const messages = await loadErrors(dir);
    expect(messages).toContainEqual(expect.stringMatching(/^issue\.yaml:\d+:\d+: Missing `title`/));
    expect(messages).toContainEqual(expect.stringMatching(/^issue\.yaml:2:1: .*titel/));
  });

  it('names the file and line of a front matter error, counted from the top of the article', async () => {
    const dir = copyFixture();
    edit(path.join(dir, 'gesprek.md'), (text) => text.replace('kind: interview', 'kind: vraaggesprek'));
    expect(await loadErrors(dir)).toEqual([expect.stringMatching(/^gesprek\.md:3:7: `kind`: /)]);
  });

  it('reports articles that are missing or listed twice at their line in issue.yaml', async () => {
    const dir = copyFixture();
    edit(path.join(dir, 'issue.yaml'), (text) =>
      text.replace('  - gesprek.md', '  - gesprek.md\n  - verdwenen.md\n  - voorwoord.md'),
    );
    const messages = await loadErrors(dir);
    expect(messages).toContainEqual(expect.stringMatching(/^issue\.yaml:25:5: Missing article `verdwenen\.md`/));
    expect(messages).toContainEqual(
      expect.stringMatching(/^issue\.yaml:26:5: Unexpected duplicate article `voorwoord\.md`/),
    );
  });

  it('reports invalid UTF-8 at its line', async () => {
    const dir = copyFixture();
    const { writeFileSync, readFileSync } = await import('node:fs');
    const file = path.join(dir, 'voorwoord.md');
    const bytes = readFileSync(file);
    writeFileSync(file, Buffer.concat([bytes, Buffer.from('\nkapot: \xff\xfe\n', 'latin1')]));
    expect(await loadErrors(dir)).toEqual([expect.stringMatching(/^voorwoord\.md:16:8: .*not valid UTF-8/)]);
  });

  it('accepts a BOM and CRLF line ends', async () => {
    const dir = copyFixture();
    edit(path.join(dir, 'voorwoord.md'), (text) => `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    const issue = await loadIssue(dir);
    expect(issue.articles[0]!.data.title).toBe('Voorwoord');
  });
});

describe('persklaar build on broken input', () => {
  it('exits 1 with file and line for a broken issue.yaml', () => {
    const dir = copyFixture();
    edit(path.join(dir, 'issue.yaml'), (text) => text.replace('number: 1', 'number: een'));
    const result = persklaar(['build', dir, '--out', path.join(dir, 'dist')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/issue\.yaml\s*\n?\s*3:9.*`number`/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('exits 1 with file and line for broken front matter', () => {
    const dir = copyFixture();
    edit(path.join(dir, 'gesprek.md'), (text) =>
      text.replace('title: "‘Een gesprek over vakmanschap’"', 'title: "‘Een gesprek'),
    );
    const result = persklaar(['build', dir, '--out', path.join(dir, 'dist')]);
    expect(result.status).toBe(1);
    // The quote opened on line 2 is never closed: the message points at where it opened.
    expect(result.stderr).toMatch(/gesprek\.md\s*\n\s*2:8\s+error\s+Unexpected YAML: Missing closing "quote/);
  });

  it('exits 2 when the folder is not an issue', () => {
    const result = persklaar(['build', fixtures, '--out', '/tmp/persklaar-none']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/No issue\.yaml/);
  });
});
