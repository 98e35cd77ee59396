/**
 * Small issues made on the fly: each test writes only the articles it is about, and reads the
 * findings as `file:line:column ruleId` strings, the shape an editor sees.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lintIssue, type LintOptions } from '../../scripts/lint/index.ts';
import { records } from '../../scripts/report/report.ts';

export interface IssueSpec {
  /** Article file name → Markdown. Front matter is added when the text has none. */
  articles: Record<string, string>;
  /** Files in images/ (written empty: the linter only needs them to exist). */
  images?: string[];
  /** Extra lines for issue.yaml (e.g. a `lint:` section or a cover). */
  yaml?: string;
  /** Lines of woordenlijst.txt. */
  words?: string[];
  /** Markdown files in the folder that issue.yaml does not list. */
  unlisted?: Record<string, string>;
  /** Files beside the articles (for local links). */
  files?: Record<string, string>;
}

export function makeIssue(spec: IssueSpec): string {
  const root = mkdtempSync(path.join(tmpdir(), 'persklaar-lint-'));
  const dir = path.join(root, 'issue');
  mkdirSync(path.join(root, 'images'), { recursive: true });
  mkdirSync(dir);
  for (const image of spec.images ?? []) writeFileSync(path.join(root, 'images', image), '');
  const names = Object.keys(spec.articles);
  writeFileSync(
    path.join(dir, 'issue.yaml'),
    [
      'title: Proefnummer',
      'number: 1',
      'date: 2024-03',
      'language: nl',
      'slug: proef-01',
      ...(spec.yaml ? [spec.yaml] : []),
      'articles:',
      ...names.map((name) => `  - ${name}`),
      '',
    ].join('\n'),
  );
  for (const [name, text] of [...Object.entries(spec.articles), ...Object.entries(spec.unlisted ?? {})]) {
    writeFileSync(path.join(dir, name), text.startsWith('---\n') ? text : `---\ntitle: Proef\n---\n\n${text}`);
  }
  for (const [name, text] of Object.entries(spec.files ?? {})) writeFileSync(path.join(dir, name), text);
  if (spec.words) writeFileSync(path.join(dir, 'woordenlijst.txt'), `${spec.words.join('\n')}\n`);
  return dir;
}

/** Front matter takes four lines (`---`, title, `---`, blank): body line n is file line n + 4. */
export const BODY = 4;

export async function findings(
  spec: IssueSpec | string,
  options: LintOptions & { only?: string[] } = {},
): Promise<string[]> {
  const dir = typeof spec === 'string' ? spec : makeIssue(spec);
  const { files } = await lintIssue(dir, options);
  return records(files)
    .filter((record) => !options.only || options.only.includes(record.ruleId))
    .map((record) => `${path.basename(record.file)}:${record.line}:${record.column} ${record.ruleId}`);
}

/** Findings of one rule, as `line:column` in the body of a single article `a.md`. */
export async function bodyFindings(
  markdown: string,
  ruleId: string,
  extra: Partial<IssueSpec> = {},
): Promise<string[]> {
  const all = await findings({ ...extra, articles: { 'a.md': markdown, ...extra.articles } }, { only: [ruleId] });
  return all.map((finding) => {
    const [, line, column] = /^a\.md:(\d+):(\d+) /.exec(finding) ?? [];
    if (line === undefined) return finding;
    return `${Number(line) - BODY}:${column}`;
  });
}

export async function messages(spec: IssueSpec, ruleId: string): Promise<string[]> {
  const dir = makeIssue(spec);
  const { files } = await lintIssue(dir);
  return records(files)
    .filter((record) => record.ruleId === ruleId)
    .map((record) => record.message);
}

/**
 * `line:column` (body coordinates) of the nth occurrence of `needle` in `markdown`, so a
 * test says *what* should be reported and the place is computed, never counted by hand.
 */
export function at(markdown: string, needle: string, nth = 1): string {
  let index = -1;
  for (let count = 0; count < nth; count++) {
    index = markdown.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`\`${needle}\` occurs fewer than ${nth} times`);
  }
  const before = markdown.slice(0, index);
  const line = before.split('\n').length;
  return `${line}:${index - before.lastIndexOf('\n')}`;
}
