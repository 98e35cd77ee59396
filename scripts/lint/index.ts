/**
 * lint: the manuscript linter. `persklaar lint [ISSUE_DIR]` runs it in CI before a build, and
 * editors run it while writing. It walks the same mdast trees the build renders (each file is
 * parsed once, by the loader); every finding is a VFile message with a ruleId, a source and a
 * place, printed by the one reporter in text, JSON or GitHub annotations.
 *
 * Exit codes: 0 no errors (warnings allowed), 1 errors, 2 usage or internal failure.
 */
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { anchorIds } from '../markdown/anchors.ts';
import { loadIssue, type Article, type Issue } from '../issue/load.ts';
import type { Format } from '../report/formats.ts';
import { report } from '../report/report.ts';
import { EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, InputError, UsageError } from '../util/errors.ts';
import { rules, ruleIds } from './rules/index.ts';
import { applySeverities, type Level } from './severity.ts';
import type { LintContext, LintOptions } from './types.ts';
import { reportAt } from './util/report.ts';

export type { LintOptions } from './types.ts';
export { rules } from './rules/index.ts';

export interface LintResult {
  files: VFile[];
  errors: number;
  warnings: number;
}

export async function lintIssue(issueDir: string, options: LintOptions = {}): Promise<LintResult> {
  let issue: Issue;
  try {
    issue = await loadIssue(issueDir);
  } catch (error) {
    // Schema errors in issue.yaml or front matter, a missing article, bad UTF-8: the loader's
    // messages are the findings (always errors: nothing can be built from such input).
    if (error instanceof InputError) return summarize(error.files);
    throw error;
  }

  const context = createContext(issue, options);
  for (const article of issue.articles) {
    const processor = unified();
    for (const rule of rules) {
      const level = context.level(rule.id);
      if (!rule.plugin || level === 'off') continue;
      processor.use(rule.plugin, [level === 'error' ? 'error' : 'warn', { article, context }]);
    }
    // Rules only read the tree: it is the one the build renders.
    await processor.run(article.tree, article.file);
  }
  for (const rule of rules) {
    if (rule.check && context.level(rule.id) !== 'off') await rule.check(context);
  }
  if (context.failures.length > 0) throw context.failures[0];

  checkLintConfig(issue);
  const files = [issue.file, ...issue.articles.map((article) => article.file), ...context.extraFiles];
  applySeverities(files, (ruleId) => (ruleIds.has(ruleId) ? context.level(ruleId) : undefined));
  return summarize(files);
}

export interface RunLintOptions extends LintOptions {
  format: Format;
}

/** Lints, prints the findings to stdout in the chosen format and returns the exit code. */
export async function runLint(issueDir: string, options: RunLintOptions): Promise<number> {
  try {
    const { format, ...lintOptions } = options;
    const result = await lintIssue(issueDir, lintOptions);
    const output = report(result.files, format);
    if (output !== '') process.stdout.write(`${output}\n`);
    return result.errors > 0 ? EXIT_INPUT : EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`persklaar: ${error.message}\n`);
    } else {
      process.stderr.write(
        `persklaar: internal error while linting: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      if (error instanceof Error && error.stack && process.env.PERSKLAAR_DEBUG)
        process.stderr.write(`${error.stack}\n`);
    }
    return EXIT_INTERNAL;
  }
}

export function createContext(issue: Issue, options: LintOptions): LintContext {
  const ids = new Map<string, Set<string>>();
  const articles = new Map<string, Article>();
  for (const article of issue.articles) {
    ids.set(article.name, new Set(anchorIds(article.tree)));
    articles.set(article.name, article);
    // Links may name the page the renderer writes for the article, too.
    articles.set(`${article.id}.html`, article);
  }
  const defaults = new Map(rules.map((rule) => [rule.id, rule.severity]));
  const configured = issue.meta.lint as Record<string, Level>;
  return {
    issue,
    options,
    ids,
    articles,
    extraFiles: [],
    failures: [],
    level: (ruleId) => configured[ruleId] ?? defaults.get(ruleId) ?? 'error',
  };
}

/** A rule id in issue.yaml `lint:` that no rule has is a typo that silently changes nothing. */
function checkLintConfig(issue: Issue): void {
  const unknown = Object.keys(issue.meta.lint).filter((ruleId) => !ruleIds.has(ruleId));
  if (unknown.length === 0) return;
  const lineCounter = new LineCounter();
  const lint = parseDocument(String(issue.file.value), { lineCounter }).get('lint', true);
  for (const ruleId of unknown) {
    let place: { line: number; column: number } | undefined;
    if (isMap(lint)) {
      const pair = lint.items.find((item) => isScalar(item.key) && item.key.value === ruleId);
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (range) {
        const position = lineCounter.linePos(range[0]);
        place = { line: position.line, column: position.col };
      }
    }
    const message = reportAt(
      issue.file,
      `Unexpected rule \`${ruleId}\` in \`lint:\`, expected one of ${[...ruleIds].map((id) => `\`${id}\``).join(', ')}`,
      place,
      'lint-config',
    );
    message.fatal = false;
  }
}

function summarize(files: VFile[]): LintResult {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === true) errors++;
      else if (message.fatal === false) warnings++;
    }
  }
  return { files, errors, warnings };
}
