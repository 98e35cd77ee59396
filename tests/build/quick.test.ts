/**
 * The quick answer (`scripts/quick.ts`), which the launcher runs before the command's bundle:
 * it answers a build with nothing to build by itself, hands over the plan of any other, and
 * leaves everything it cannot answer (help, a mistyped option, a folder that is no issue) to
 * the command, which reports it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { edit } from '../helpers/temp-issue.ts';
import { miniIssue, outDir, persklaarAsync, tempDir } from '../hostile/helpers.ts';

// The cache folder is read when the module loads, as in the command.
const cache = tempDir('persklaar-cache-');
process.env.PERSKLAAR_CACHE_DIR = cache;
const { quickAnswer } = await import('../../scripts/quick.ts');

describe('the quick answer of a build', () => {
  let dir: string;
  let out: string;
  const argv = (...args: string[]) => ['node', 'persklaar', ...args];

  beforeAll(async () => {
    dir = miniIssue();
    out = outDir();
    const first = await persklaarAsync(['build', dir, '--out', out, '--only', 'web'], { PERSKLAAR_CACHE_DIR: cache });
    expect(first.status, first.stderr).toBe(0);
  }, 120_000);

  it('answers alone when the editions asked for are as built, whatever the spelling of the arguments', async () => {
    for (const args of [['build', dir, '--out', out, '--only', 'web'], ['build', '--only=web', `--out=${out}`, dir], ['--verbose', 'build', dir, '--out', out, '--only', 'web']]) {
      expect(await quickAnswer(argv(...args)), args.join(' ')).toMatchObject({ unchanged: 'Unchanged: web (nothing to build)\n' });
    }
    // What the command itself answers, through the launcher.
    const again = await persklaarAsync(['build', dir, '--out', out, '--only', 'web'], { PERSKLAAR_CACHE_DIR: cache });
    expect(again).toMatchObject({ status: 0, stdout: 'Unchanged: web (nothing to build)\n' });
  });

  it('hands over the plan of a build with work to do', async () => {
    const all = await quickAnswer(argv('build', dir, '--out', out));
    expect(all.unchanged).toBeUndefined();
    expect(all.plan?.stale).toEqual(['pdf', 'epub']);

    expect((await quickAnswer(argv('build', dir, '--out', out, '--only', 'web', '--force'))).plan?.stale).toEqual(['web']);

    edit(path.join(dir, 'gesprek.md'), (text) => text.replace(/\bgesprek\b/, 'onderhoud'));
    const edited = await quickAnswer(argv('build', dir, '--out', out, '--only', 'web'));
    expect(edited.unchanged).toBeUndefined();
    expect(edited.plan?.stale).toEqual(['web']);
    expect(edited.plan?.inputs).not.toBe(all.plan?.inputs);
  });

  it('leaves to the command what only the command can answer', async () => {
    const notAnIssue = tempDir();
    writeFileSync(path.join(notAnIssue, 'stuk.md'), '# Geen nummer\n');
    for (const args of [['build', '--help'], ['build', dir, '--only', 'pfd'], ['build', dir, '--bogus'], ['build', notAnIssue], ['lint', dir], []]) {
      expect(await quickAnswer(argv(...args)), args.join(' ')).toEqual({});
    }
  });
});
