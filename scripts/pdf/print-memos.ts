/**
 * What the last build made of its print, page by page, kept in the issue's cache: the
 * finished pages, their text and their stretched lines, and where each article's pages begin
 * in its text. A page Chromium printed as before is neither finished nor read again.
 */
import path from 'node:path';
import type { Issue } from '../issue/load.ts';
import { issueCacheDir, toolVersion } from '../util/fingerprint.ts';
import { PageMemo } from './finish/page-memo.ts';
import { PageReadMemo } from './page-read-memo.ts';
import type { PageLines } from './stretched-lines.ts';
import type { StartsMemo } from './page-starts.ts';
import { KeptMemo } from '../util/kept-memo.ts';

export class PrintMemos {
  private constructor(
    private readonly dir: string,
    readonly finished: PageMemo,
    readonly texts: PageReadMemo<string[]>,
    readonly wordSpaces: PageReadMemo<PageLines>,
    readonly starts: StartsMemo,
  ) {}

  static async read(cacheDir: string, issue: Issue): Promise<PrintMemos> {
    const dir = issueCacheDir(cacheDir, issue.dir);
    const version = toolVersion();
    const [finished, texts, wordSpaces, starts] = await Promise.all([
      PageMemo.read(path.join(dir, 'finished-pages'), version),
      PageReadMemo.read<string[]>(path.join(dir, 'page-texts.json'), version),
      PageReadMemo.read<PageLines>(path.join(dir, 'page-word-spaces.json'), version),
      KeptMemo.read<(number | null)[]>(path.join(dir, 'page-starts.json'), version),
    ]);
    return new PrintMemos(dir, finished, texts, wordSpaces, starts);
  }

  /** Keeps this print's pages (only these) for the next build. */
  async write(): Promise<void> {
    const version = toolVersion();
    await Promise.all([
      this.finished.write(path.join(this.dir, 'finished-pages')),
      this.texts.write(path.join(this.dir, 'page-texts.json'), version),
      this.wordSpaces.write(path.join(this.dir, 'page-word-spaces.json'), version),
      this.starts.write(path.join(this.dir, 'page-starts.json'), version),
    ]);
  }
}
