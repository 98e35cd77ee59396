/** An issue made by `persklaar new` to import into, and an imported article read back. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { CliResult } from '../helpers/cli.ts';
import { persklaarAsync, tempDir } from '../hostile/helpers.ts';

export type ImportRun = CliResult;

export async function newIssue(): Promise<string> {
  const issue = path.join(tempDir('persklaar-import-'), 'blad');
  const made = await persklaarAsync(['new', issue]);
  expect(made.status, made.stderr).toBe(0);
  return issue;
}

export function importInto(issue: string, file: string, ...options: string[]): Promise<ImportRun> {
  return persklaarAsync(['import', file, issue, ...options]);
}

/** The article's Markdown as written, and its page in the web edition built into `out`. */
export function articleIn(issue: string, out: string, name: string): { markdown: string; web: string } {
  return {
    markdown: readFileSync(path.join(issue, `${name}.md`), 'utf8'),
    web: readFileSync(path.join(out, 'web', `${name}.html`), 'utf8'),
  };
}
