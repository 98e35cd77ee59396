/**
 * Outputs appear whole or not at all: a failed build leaves the previous outputs exactly as
 * they were, two builds never write the same folder at once, and no build writes where the
 * sources live.
 */
import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { edit } from '../helpers/temp-issue.ts';
import { hashesOf, miniIssue, outDir, persklaarAsync, snapshot, tempDir } from './helpers.ts';

describe('a failed build', () => {
  let dir: string;
  let out: string;
  let before: ReturnType<typeof snapshot>;
  beforeAll(async () => {
    dir = miniIssue();
    out = outDir();
    const first = await persklaarAsync(['build', dir, '--out', out]);
    expect(first.status).toBe(0);
    before = snapshot(out);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['web/index.html', 'proefnummer-01.pdf', 'proefnummer-01.epub', 'print/index.html']),
    );
  }, 120_000);

  it('on a broken photo (exit 1) leaves every earlier output byte-identical, untouched', async () => {
    writeFileSync(path.join(dir, 'images/portret.jpg'), 'geen foto');
    const result = await persklaarAsync(['build', dir, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/gesprek\.md\s*\n\s*14:1.*Cannot read image `portret\.jpg`/);
    expect(snapshot(out)).toEqual(before);
  }, 60_000);
});

describe('Chromium failing mid-build', () => {
  it('leaves the previous outputs byte-identical', async () => {
    const dir = miniIssue();
    const out = outDir();
    expect((await persklaarAsync(['build', dir, '--out', out])).status).toBe(0);
    const before = snapshot(out);
    edit(path.join(dir, 'voorwoord.md'), (text) =>
      text.replace('Dit is het voorwoord', 'Dit is het herschreven voorwoord'),
    );
    const result = await persklaarAsync(['build', dir, '--out', out], { PERSKLAAR_PRINT_TIMEOUT: '0.001' });
    // Only the edited article prints again, and the message names it.
    expect(result.stderr).toMatch(
      /^persklaar: \S*\/voorwoord\.md: Chromium did not finish printing within 0\.001 s \(tried twice\)/,
    );
    expect(result.status).toBe(2);
    expect(snapshot(out)).toEqual(before);
  }, 120_000);
});

describe('the output lock', () => {
  it('a build into a folder another live build holds fails clearly and writes nothing', async () => {
    const dir = miniIssue();
    const out = outDir();
    expect((await persklaarAsync(['build', dir, '--out', out, '--only', 'web'])).status).toBe(0);
    // This test process stands in for the other build: alive, and not the new one.
    writeFileSync(path.join(out, '.persklaar.lock'), String(process.pid));
    const before = snapshot(out);
    edit(path.join(dir, 'voorwoord.md'), (text) =>
      text.replace('Dit is het voorwoord', 'Dit is het herschreven voorwoord'),
    );
    const result = await persklaarAsync(['build', dir, '--out', out, '--only', 'web']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `persklaar: Another build (process ${process.pid}) is writing ${out}; wait for it to finish\n`,
    );
    expect(snapshot(out)).toEqual(before);
  }, 60_000);

  it('two builds started together into one folder: one wins, the other says why; the folder is whole', async () => {
    const dir = miniIssue();
    const out = outDir();
    const results = await Promise.all([
      persklaarAsync(['build', dir, '--out', out, '--force']),
      persklaarAsync(['build', dir, '--out', out, '--force']),
    ]);
    const statuses = results.map((result) => result.status).sort();
    expect(statuses[0]).toBe(0);
    for (const result of results.filter((each) => each.status !== 0)) {
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(
        /^persklaar: Another build \(process \d+\) is writing .*; wait for it to finish\n$/,
      );
    }
    // Whole: every edition, nothing half-written or left over from either build.
    expect(readdirSync(out).sort()).toEqual(['print', 'proefnummer-01.epub', 'proefnummer-01.pdf', 'web']);
    expect(readdirSync(path.join(out, 'web'))).toContain('index.html');
    // A third build finds nothing to do: the winner's state and outputs agree.
    const third = await persklaarAsync(['build', dir, '--out', out]);
    expect(third.stdout).toMatch(/^Unchanged: web, pdf, epub/);
  }, 120_000);
});

describe('sources are never written', () => {
  it('a full build leaves the manuscripts and photos exactly as they were (content and mtime)', async () => {
    // The layout of the shipped issue: manuscript/ and images/ side by side.
    const root = tempDir('persklaar-layout-');
    const issueDir = path.join(root, 'manuscript');
    renameSync(miniIssue(), issueDir);
    renameSync(path.join(issueDir, 'images'), path.join(root, 'images'));
    const before = { manuscript: snapshot(issueDir), images: snapshot(path.join(root, 'images')) };
    const out = path.join(root, 'dist');
    const result = await persklaarAsync(['build', issueDir, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect({ manuscript: snapshot(issueDir), images: snapshot(path.join(root, 'images')) }).toEqual(before);
    expect(existsSync(path.join(out, 'proefnummer-01.pdf'))).toBe(true);
  }, 120_000);

  it('an output folder inside the issue folder or images/ is refused before anything is written', async () => {
    const dir = miniIssue();
    const before = snapshot(dir);
    for (const inside of [path.join(dir, 'dist'), path.join(dir, 'images', 'dist'), dir]) {
      const result = await persklaarAsync(['build', dir, '--out', inside, '--only', 'web']);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(
        /^persklaar: The output folder .* is inside the (?:issue|photos) folder .*; the build never writes there/,
      );
    }
    const cached = await persklaarAsync(['build', dir, '--out', outDir(), '--only', 'web'], {
      PERSKLAAR_CACHE_DIR: path.join(dir, '.cache'),
    });
    expect(cached.status).toBe(2);
    expect(cached.stderr).toMatch(/^persklaar: The cache folder .* is inside the issue folder/);
    expect(hashesOf(snapshot(dir))).toEqual(hashesOf(before));
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);
});
