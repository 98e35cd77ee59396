import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lintIssue, runLint } from '../../scripts/lint/index.ts';
import { rules } from '../../scripts/lint/rules/index.ts';
import { records } from '../../scripts/report/report.ts';
import { makeIssue } from './helpers.ts';

/** Runs runLint and returns what it printed to stdout and stderr with its exit code. */
async function run(
  dir: string,
  format: 'text' | 'json' | 'github',
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = await runLint(dir, { format });
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

afterEach(() => {
  vi.restoreAllMocks();
});

const weakLink = 'Meer weten? [Klik hier](https://ind.nl).\n';
const typo = 'Ambtelijk vakmanchap.\n';

describe('output formats', () => {
  it('json: one array of {file, line, column, ruleId, severity, message}', async () => {
    const dir = makeIssue({ articles: { 'a.md': `${weakLink}\n${typo}` } });
    const { code, stdout } = await run(dir, 'json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([
      {
        file: path.join(dir, 'a.md'),
        line: 5,
        column: 13,
        ruleId: 'link-text-descriptive',
        severity: 'error',
        message:
          'Unexpected link text ‘Klik hier’, expected words that name where the ' +
          'link goes (WCAG 2.4.4): linktekst ‘Klik hier’ zegt niets buiten de context',
      },
      {
        file: path.join(dir, 'a.md'),
        line: 7,
        column: 11,
        ruleId: 'spelling',
        severity: 'warning',
        message:
          'Unexpected unknown word ‘vakmanchap’, expected ‘vakmanschap’; ' +
          'klopt het woord, zet het dan in woordenlijst.txt',
      },
    ]);
  });

  it('json: an empty array for a clean issue', async () => {
    const { code, stdout } = await run(makeIssue({ articles: { 'a.md': 'Goed werk.\n' } }), 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it('github: workflow command annotations, with properties escaped', async () => {
    const dir = makeIssue({ articles: { 'a.md': `${weakLink}\n${typo}` } });
    const { stdout } = await run(dir, 'github');
    const file = path.join(dir, 'a.md').replace(/:/g, '%3A').replace(/,/g, '%2C');
    expect(stdout.trimEnd().split('\n')).toEqual([
      `::error file=${file},line=5,col=13,title=link-text-descriptive::Unexpected ` +
        'link text ‘Klik hier’, expected ' +
        'words that name where the link goes (WCAG 2.4.4): linktekst ‘Klik hier’ zegt niets buiten de context',
      `::warning file=${file},line=7,col=11,title=spelling::Unexpected unknown word ` +
        '‘vakmanchap’, expected ‘vakmanschap’; klopt het woord, zet het dan in woordenlijst.txt',
    ]);
  });

  it('text: vfile-reporter lines with place, severity, message and rule', async () => {
    const dir = makeIssue({ articles: { 'a.md': `${weakLink}\n${typo}` } });
    const { stdout } = await run(dir, 'text');
    expect(stdout).toMatch(
      new RegExp(
        /5:13-5:40\s+error\s+/.source +
          /Unexpected link text ‘Klik hier’/.source +
          /.*link-text-descriptive\s+persklaar/.source,
      ),
    );
    expect(stdout).toMatch(/7:11-7:21\s+warning\s+Unexpected unknown word ‘vakmanchap’.*spelling\s+persklaar/);
    expect(stdout).toMatch(/2 messages \(✖ 1 error, ⚠ 1 warning\)/);
  });
});

describe('exit codes', () => {
  it('0 with warnings only, 1 with errors', async () => {
    expect((await run(makeIssue({ articles: { 'a.md': typo } }), 'text')).code).toBe(0);
    expect((await run(makeIssue({ articles: { 'a.md': weakLink } }), 'text')).code).toBe(1);
  });

  it('1 with the loader’s messages when front matter breaks the schema', async () => {
    const dir = makeIssue({ articles: { 'a.md': '---\ntitle: Proef\nsoort: interview\n---\n\nTekst.\n' } });
    const { code, stdout } = await run(dir, 'json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({ file: path.join(dir, 'a.md'), line: 3, ruleId: 'schema', severity: 'error' }),
    ]);
  });

  it('2 when the folder is not an issue', async () => {
    const { code, stdout, stderr } = await run(path.join(makeIssue({ articles: { 'a.md': typo } }), 'nergens'), 'text');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^persklaar: No issue\.yaml in /);
  });
});

describe('severities', () => {
  it('every rule has a docs line and a default; errors and warnings as decided', () => {
    const defaults = Object.fromEntries(rules.map((rule) => [rule.id, rule.severity]));
    expect(defaults).toEqual({
      'image-alt-missing': 'error',
      'image-alt-filename': 'error',
      'image-alt-length': 'warning',
      'image-missing': 'error',
      'html-img-alt': 'error',
      'raw-html-unsafe': 'error',
      'figure-has-image': 'error',
      'no-placeholder-link': 'error',
      'link-text-empty': 'error',
      'link-text-descriptive': 'error',
      'anchor-exists': 'error',
      'anchor-near-miss': 'warning',
      'local-path-inside': 'error',
      'local-file-exists': 'error',
      'reference-defined': 'error',
      'url-reachable': 'error',
      'heading-increment': 'error',
      'heading-empty': 'error',
      'unknown-directive': 'error',
      'math-syntax': 'warning',
      'alert-kind': 'warning',
      'article-listed': 'warning',
      spelling: 'warning',
    });
    for (const rule of rules) expect(rule.docs.length).toBeGreaterThan(10);
  });

  it('issue.yaml `lint:` turns rules off, down or up', async () => {
    const yaml =
      'lint:\n  link-text-descriptive: warning\n  spelling: off\n  ' +
      'heading-increment: info\n  image-alt-length: error\n  linktekst: off';
    const markdown = `${weakLink}\n${typo}\n#### Te diep\n\n![${'a'.repeat(300)}](a.jpg)\n`;
    const dir = makeIssue({ articles: { 'a.md': markdown }, images: ['a.jpg'], yaml });
    const result = await lintIssue(dir);
    const found = records(result.files).map(
      (record) => `${path.basename(record.file)}:${record.line} ${record.ruleId} ${record.severity}`,
    );
    expect(found).toEqual([
      'issue.yaml:11 lint-config warning',
      'a.md:5 link-text-descriptive warning',
      'a.md:9 heading-increment info',
      'a.md:11 image-alt-length error',
    ]);
    expect(records(result.files)[0]!.message).toMatch(/^Unexpected rule `linktekst` in `lint:`, expected one of /);
    expect(result.errors).toBe(1);
    expect(result.warnings).toBe(2);
  });
});

describe('the rule list', () => {
  it('documents every rule with its default severity', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(path.join(import.meta.dirname, '../../scripts/lint/README.md'), 'utf8');
    for (const rule of rules) expect(readme).toContain(`| <a id="${rule.id}"></a>\`${rule.id}\` | ${rule.severity} |`);
  });
});

describe('a rule that crashes', () => {
  it('is an internal failure (exit 2), never a finding that could pass as a warning', async () => {
    const { unified } = await import('unified');
    const { VFile } = await import('vfile');
    const { articleRule } = await import('../../scripts/lint/util/rule.ts');
    const { createContext } = await import('../../scripts/lint/index.ts');
    const { loadIssue } = await import('../../scripts/issue/load.ts');
    const issue = await loadIssue(makeIssue({ articles: { 'a.md': 'Tekst.\n' } }));
    const context = createContext(issue, {});
    const broken = articleRule('broken', () => {
      throw new Error('boom');
    });
    const file = new VFile({ path: 'a.md' });
    await unified()
      .use(broken, ['error', { article: issue.articles[0]!, context }])
      .run(issue.articles[0]!.tree, file);
    expect(file.messages).toEqual([]);
    expect(context.failures.map((failure) => failure.message)).toEqual(['rule `broken` failed on a.md: boom']);
  });
});
