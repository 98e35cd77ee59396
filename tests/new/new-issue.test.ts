/**
 * `persklaar new DIR` writes an issue folder that builds and lints clean as it comes, with
 * every field of issue.yaml explained; and `--version` says which Persklaar this is.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueSchema } from '../../scripts/issue/schema.ts';
import { root } from '../helpers/cli.ts';
import { holes, runtPages } from '../helpers/column-feet.ts';
import { outDir, persklaarAsync, tempDir } from '../hostile/helpers.ts';

describe('persklaar new', () => {
  it('writes a folder that builds and lints with exit 0 and no findings', async () => {
    const dir = path.join(tempDir('persklaar-new-'), 'mijn-blad');
    const made = await persklaarAsync(['new', dir]);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'README.md',
      'eerste-artikel.md',
      'images',
      'issue.yaml',
      'woordenlijst.txt',
    ]);
    expect(readdirSync(path.join(dir, 'images'))).toEqual(['voorbeeld.svg']);

    const out = outDir();
    const build = await persklaarAsync(['build', dir, '--out', out]);
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    for (const file of ['mijn-blad.pdf', 'mijn-blad.epub', 'web/index.html', 'web/eerste-artikel.html'])
      expect(existsSync(path.join(out, file)), file).toBe(true);
    // Its pages are ones to sign: no column stops more than a quarter short before the article ends.
    expect(await holes(path.join(out, 'mijn-blad.pdf'))).toEqual([]);
    expect(await runtPages(path.join(out, 'mijn-blad.pdf'))).toEqual([]);

    const lint = await persklaarAsync(['lint', dir, '--format', 'json']);
    expect(JSON.parse(lint.stdout)).toEqual([]);
    expect(lint.status).toBe(0);
  }, 240_000);

  it('explains every field of issue.yaml in a Dutch comment above it', async () => {
    const dir = path.join(tempDir('persklaar-new-'), 'blad');
    expect((await persklaarAsync(['new', dir])).status).toBe(0);
    const yaml = readFileSync(path.join(dir, 'issue.yaml'), 'utf8');
    // A field a new issue leaves out (the press edition) is shown commented out, with its comment.
    const explained = (field: string) => new RegExp(`^# .+\\n(?:# .*\\n)*(?:# )?${field}:`, 'm');
    for (const field of Object.keys(issueSchema.shape)) expect(yaml, field).toMatch(explained(field));
    expect(yaml).toContain('# Naam van het blad (verplicht)');
  });

  it('never writes into a folder that has something in it', async () => {
    const dir = tempDir('persklaar-new-');
    writeFileSync(path.join(dir, 'aantekeningen.md'), 'Mijn aantekeningen\n');
    const result = await persklaarAsync(['new', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `persklaar: ${dir} already exists and is not empty: choose a new folder for the issue\n`,
    );
    expect(readdirSync(dir)).toEqual(['aantekeningen.md']);
    const empty = path.join(dir, 'leeg');
    mkdirSync(empty);
    expect((await persklaarAsync(['new', empty])).status).toBe(0);
  });
});

describe('persklaar --version', () => {
  it('prints the version from package.json and exits 0', async () => {
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const result = await persklaarAsync(['--version']);
    expect(result).toEqual({ status: 0, stdout: `persklaar ${version}\n`, stderr: '' });
  });
});
