/**
 * Broken input ends the build with exit 1 and a message at the file and line an editor must
 * fix, and never with a stack trace (those are for internal failures, with --verbose).
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit } from '../helpers/temp-issue.ts';
import { photo, pixelBomb } from '../images/fixtures.ts';
import { article, miniIssue, outDir, persklaarAsync, STACK_LINE, tempDir } from './helpers.ts';

/** Builds the web edition (the quickest full path through load, images and render). */
async function build(dir: string, ...extra: string[]) {
  return persklaarAsync(['build', dir, '--out', outDir(), '--only', 'web', ...extra]);
}

/** `file` then `line:column  error  reason` as the reporter prints it. */
function reported(file: string, line: number, reason: RegExp, column = '\\d+'): RegExp {
  return new RegExp(
    `${file.replace(/\./g, '\\.')}\\s*\\n(?:.*\\n)*?\\s*${line}:${column}(?:-\\d+:\\d+)?\\s+error\\s+${reason.source}`,
  );
}

async function expectInputError(dir: string, file: string, line: number, reason: RegExp, column?: string) {
  const result = await build(dir);
  expect(result.stderr).toMatch(reported(file, line, reason, column));
  expect(result.status).toBe(1);
  expect(result.stderr).not.toMatch(STACK_LINE);
  return result;
}

describe('broken input: exit 1 at file and line, no stack trace', () => {
  it('malformed YAML in issue.yaml', async () => {
    const dir = miniIssue();
    edit(path.join(dir, 'issue.yaml'), (text) => text.replace('language: nl', 'language: [nl'));
    await expectInputError(dir, 'issue.yaml', 6, /Unexpected YAML/);
  });

  it('malformed YAML in front matter', async () => {
    const dir = miniIssue({
      'voorwoord.md': '---\ntitle: Voorwoord\nkind: foreword\nlead: "nooit gesloten\n---\n\nTekst.\n',
    });
    await expectInputError(dir, 'voorwoord.md', 4, /Unexpected YAML: Missing closing "quote/, '7');
  });

  it('a YAML alias bomb ("billion laughs") is refused as bad YAML, not expanded', async () => {
    const dir = miniIssue();
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'
        .split('')
        .map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[index]}`).join(', ')}]`),
    ];
    edit(path.join(dir, 'issue.yaml'), (text) => `${text}${bomb.join('\n')}\n`);
    await expectInputError(dir, 'issue.yaml', 26, /Unexpected YAML: Excessive alias count/, '8');
  });

  it('invalid UTF-8 in an article and in issue.yaml', async () => {
    const dir = miniIssue({
      'gesprek.md': Buffer.concat([
        Buffer.from(article('Goed.\n\nKapot: ')),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('\n'),
      ]),
    });
    await expectInputError(dir, 'gesprek.md', 7, /Unexpected byte sequence: the file is not valid UTF-8/, '8');
    const other = miniIssue();
    writeFileSync(
      path.join(other, 'issue.yaml'),
      Buffer.concat([Buffer.from('# Proef\ntitle: Proef'), Buffer.from([0xff]), Buffer.from('nummer\n')]),
    );
    await expectInputError(other, 'issue.yaml', 2, /Unexpected byte sequence: the file is not valid UTF-8/, '13');
  });

  it('articles missing or listed twice, at their lines in issue.yaml', async () => {
    const dir = miniIssue();
    edit(path.join(dir, 'issue.yaml'), (text) =>
      text.replace('  - gesprek.md', '  - gesprek.md\n  - verdwenen.md\n  - voorwoord.md'),
    );
    const result = await expectInputError(dir, 'issue.yaml', 25, /Missing article `verdwenen\.md`/, '5');
    expect(result.stderr).toMatch(/26:5(?:-\d+:\d+)?\s+error\s+Unexpected duplicate article `voorwoord\.md`/);
  });

  it('an article that is a symbolic link out of the issue', async () => {
    const dir = miniIssue();
    const outside = path.join(tempDir(), 'geheim.md');
    writeFileSync(outside, article('Geheim.\n', 'Geheim'));
    symlinkSync(outside, path.join(dir, 'geheim.md'));
    edit(path.join(dir, 'issue.yaml'), (text) => text.replace('  - gesprek.md', '  - gesprek.md\n  - geheim.md'));
    await expectInputError(
      dir,
      'issue.yaml',
      25,
      /Unexpected article `geheim\.md`: it is a symbolic link to .*outside the issue folder/,
      '5',
    );
  });

  it('an article nested too deeply for the tools is refused at the line where it goes too deep', async () => {
    const dir = miniIssue({ 'voorwoord.md': article(`Eerst tekst.\n\n${'>'.repeat(3000)} diep\n`) });
    await expectInputError(dir, 'voorwoord.md', 7, /Unexpected nesting \d+ levels deep: .* may go 1100 levels deep/);
  });

  it(
    'a paragraph flooded with brackets (which would keep ' + 'the parser busy for minutes) is refused at its line',
    async () => {
      const dir = miniIssue({ 'voorwoord.md': article(`Eerst tekst.\n\nDan ${'['.repeat(50_000)} einde.\n`) });
      await expectInputError(dir, 'voorwoord.md', 7, /Unexpected 5001\+ brackets or emphasis markers in one paragraph/);
    },
  );

  describe('photos', () => {
    const figure = (name: string) =>
      `:::figuur\n![Een foto van de afdeling aan het werk](${name})\n\nBijschrift\n:::\n\n`;

    it('missing, empty, corrupt and pixel-bomb images, each at its line', async () => {
      const dir = miniIssue({
        'voorwoord.md': article(['weg.jpg', 'leeg.jpg', 'kapot.jpg', 'bom.png'].map(figure).join('')),
      });
      writeFileSync(path.join(dir, 'images/leeg.jpg'), '');
      writeFileSync(path.join(dir, 'images/kapot.jpg'), (await photo({ width: 400, height: 300 })).subarray(0, 600));
      writeFileSync(path.join(dir, 'images/bom.png'), pixelBomb(40000, 40000));
      const result = await expectInputError(
        dir,
        'voorwoord.md',
        6,
        /Cannot read image `weg\.jpg`: the file does not exist/,
        '1',
      );
      expect(result.stderr).toMatch(/12:1(?:-\d+:\d+)?\s+error\s+Cannot read image `leeg\.jpg`: the file is empty/);
      expect(result.stderr).toMatch(/18:1(?:-\d+:\d+)?\s+error\s+Cannot read image `kapot\.jpg`: the file is damaged/);
      expect(result.stderr).toMatch(
        /24:1(?:-\d+:\d+)?\s+error\s+Cannot read image `bom\.png`: the image is too large: 40000 × 40000 pixels/,
      );
    });
  });
});

describe('stack traces', () => {
  it('an internal failure says so in one line, and shows the stack only with --verbose', async () => {
    const dir = miniIssue();
    // The cache folder is a file: the image stage cannot write there (not the editor's fault).
    const cacheFile = path.join(outDir(), '..', 'cache-is-a-file');
    writeFileSync(cacheFile, '');
    const plain = await persklaarAsync(['build', dir, '--out', outDir(), '--only', 'web'], {
      PERSKLAAR_CACHE_DIR: cacheFile,
    });
    expect(plain.status).toBe(2);
    expect(plain.stderr).toMatch(/^persklaar: internal error: .*\nRun again with --verbose for details\.\n$/);
    expect(plain.stderr).not.toMatch(STACK_LINE);
    const verbose = await persklaarAsync(['build', dir, '--out', outDir(), '--only', 'web', '--verbose'], {
      PERSKLAAR_CACHE_DIR: cacheFile,
    });
    expect(verbose.status).toBe(2);
    expect(verbose.stderr).toMatch(STACK_LINE);
  });
});
