/**
 * What watch mode counts as a change: sources, yes; editors' swap files, backups, hidden files
 * and what the build writes, no; a photo only once it is written whole; and a failing watcher is
 * told, not thrown, and watching goes on.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEditorsOrHidden, watchSources, type SourceWatch } from '../../scripts/watch/sources.ts';

describe('watch mode: the sources watched', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'persklaar-sources-'));
  const issue = path.join(base, 'issue');
  const images = path.join(issue, 'images');
  const dist = path.join(issue, 'dist');
  const changes: { file: string; size: number }[] = [];
  const errors: Error[] = [];
  let waiters: (() => boolean)[] = [];
  let sources: SourceWatch;

  /** Resolves when a change of `file` has been told (`count` of them in all). */
  const toldOf = (file: string, count = 1) =>
    new Promise<void>((resolve) => {
      const done = () => {
        const told = changes.filter((change) => change.file === file).length >= count;
        if (told) resolve();
        return told;
      };
      if (!done()) waiters.push(done);
    });

  beforeAll(async () => {
    for (const dir of [images, dist, path.join(issue, '.cache')]) mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(issue, 'voorwoord.md'), '# Voorwoord\n');
    sources = watchSources(
      { text: [issue], media: [images], written: [dist] },
      {
        onChange(file) {
          changes.push({
            file: path.relative(issue, file),
            size: statSync(file, { throwIfNoEntry: false })?.size ?? -1,
          });
          waiters = waiters.filter((done) => !done());
        },
        onError: (error) => errors.push(error),
      },
    );
    await sources.ready;
  });

  afterAll(async () => {
    await sources?.close();
    rmSync(base, { recursive: true, force: true });
  });

  it('tells of sources only, not of swap files, backups, hidden files or the output', async () => {
    for (const name of ['.voorwoord.md.swp', 'voorwoord.md~', '#voorwoord.md#', '.#voorwoord.md', '4913']) {
      writeFileSync(path.join(issue, name), 'x');
    }
    writeFileSync(path.join(issue, '.cache', 'state.json'), '{}');
    writeFileSync(path.join(dist, 'index.html'), '<html></html>');
    writeFileSync(path.join(issue, 'voorwoord.md'), '# Voorwoord, herzien\n');
    await toldOf('voorwoord.md');
    // A second source after them: whatever the ignored writes would have told has come by now.
    writeFileSync(path.join(issue, 'issue.yaml'), 'title: Proef\n');
    await toldOf('issue.yaml');
    expect(changes.map((change) => change.file)).toEqual(['voorwoord.md', 'issue.yaml']);
  });

  it('tells of a photo once, when it is written whole', async () => {
    const photo = path.join(images, 'foto.jpg');
    const chunk = Buffer.alloc(64 * 1024, 1);
    writeFileSync(photo, chunk);
    await new Promise((resolve) => setTimeout(resolve, 30));
    appendFileSync(photo, chunk);
    await toldOf(path.join('images', 'foto.jpg'));
    const told = changes.filter((change) => change.file === path.join('images', 'foto.jpg'));
    expect(told).toEqual([{ file: path.join('images', 'foto.jpg'), size: 2 * chunk.length }]);
  });

  it('tells of a failing watcher and goes on watching', async () => {
    const failure = Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), {
      code: 'ENOSPC',
    });
    for (const watcher of sources.watchers) watcher.emit('error', failure);
    expect(errors).toEqual(sources.watchers.map(() => failure));
    writeFileSync(path.join(issue, 'voorwoord.md'), '# Voorwoord, nog eens\n');
    await toldOf('voorwoord.md', 2);
  });

  it('counts hidden parts below the watched folder only', () => {
    expect(isEditorsOrHidden('/home/r/.werk/issue', '/home/r/.werk/issue/voorwoord.md')).toBe(false);
    expect(isEditorsOrHidden('/home/r/.werk/issue', '/home/r/.werk/issue/.git/HEAD')).toBe(true);
    expect(isEditorsOrHidden('/home/r/issue', '/home/r/issue')).toBe(false);
  });
});
