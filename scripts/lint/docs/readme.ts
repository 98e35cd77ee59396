/**
 * scripts/lint/README.md, made from its template and the rules themselves: the rule list from
 * each rule's id, default severity and `docs`, and a section per rule with its examples, the bad
 * ones followed by the messages they get. The same examples are run by
 * tests/lint/rule-examples.test.ts, so what the page shows is what the linter does.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { rules } from '../rules/index.ts';
import type { ExampleIssue, GoodExample, RuleModule } from '../types.ts';

export const README = path.resolve(import.meta.dirname, '../README.md');
const TEMPLATE = path.resolve(import.meta.dirname, 'README.template.md');

/** Checked by the linter itself after the rules (scripts/lint/index.ts), listed beside them. */
const lintConfig = {
  id: 'lint-config',
  severity: 'warning',
  docs: 'A rule id under `lint:` in `issue.yaml` that no rule has.',
} as const;

export async function lintReadme(): Promise<string> {
  const template = await readFile(TEMPLATE, 'utf8');
  // The template's own opening comment tells how to use it; the page says where it comes from.
  const body = template.replace(/^<!--[\s\S]*?-->\n/, '');
  const made =
    '<!-- Made by `npm run docs:lint` from docs/README.template.md and the examples in rules/*.ts:\n' +
    '     edit those, not this file. -->\n';
  // Replacer functions: an example's `$$` (a display formula) is text, not a replacement pattern.
  return (
    made +
    body.replace('<!-- rule list -->\n', () => ruleList()).replace('<!-- rule examples -->\n', () => ruleSections())
  );
}

function ruleList(): string {
  const rows = [...rules, lintConfig].map(
    (rule) => `| <a id="${rule.id}"></a>\`${rule.id}\` | ${rule.severity} | ${rule.docs} |`,
  );
  return ['| rule | default | checks |', '| --- | --- | --- |', ...rows, ''].join('\n');
}

function ruleSections(): string {
  const sections = rules.map((rule) => {
    const bad = rule.examples.bad.map((example) => exampleSection('Bad', example, messagesOf(rule, example.messages)));
    const good = rule.examples.good.map((example) => exampleSection('Good', example, []));
    return [`### Examples: \`${rule.id}\``, `${rule.docs} Default: ${rule.severity}.`, ...bad, ...good].join('\n\n');
  });
  return `${sections.join('\n\n')}\n`;
}

/** As the terminal shows them: file and line, severity, message. */
function messagesOf(rule: RuleModule, messages: readonly { file?: string; line: number; message: string }[]): string[] {
  return messages.map((message) => `${message.file ?? 'a.md'}:${message.line}  ${rule.severity}  ${message.message}`);
}

function exampleSection(kind: 'Bad' | 'Good', example: GoodExample, messages: string[]): string {
  const issue = example.issue ?? {};
  const others = [
    ...Object.entries(issue.articles ?? {}).map(
      ([name, text]) => `\`${name}\`, listed too:\n\n${fenced('markdown', text)}`,
    ),
    ...Object.entries(issue.unlisted ?? {}).map(
      ([name, text]) => `\`${name}\`, not listed:\n\n${fenced('markdown', text)}`,
    ),
    ...Object.entries(issue.files ?? {})
      .filter(([, text]) => text !== '')
      .map(([name, text]) => `\`${name}\`:\n\n${fenced('markdown', text)}`),
  ];
  const parts = [`**${kind}:** ${example.caption}${setting(issue)}`];
  parts.push(
    others.length > 0 ? `\`a.md\`:\n\n${fenced('markdown', example.markdown)}` : fenced('markdown', example.markdown),
  );
  parts.push(...others);
  if (messages.length > 0) parts.push(fenced('text', `${messages.join('\n')}\n`));
  return parts.join('\n\n');
}

/** What the example's issue holds besides its articles, in sentences after the caption. */
function setting(issue: ExampleIssue): string {
  const held = [
    ...(issue.images ?? []).map((name) => `\`images/${name}\``),
    ...Object.entries(issue.files ?? {})
      .filter(([, text]) => text === '')
      .map(([name]) => `\`${name}\``),
    ...(issue.words ? [`\`woordenlijst.txt\` with ${issue.words.map((word) => `\`${word}\``).join(', ')}`] : []),
  ];
  const answers = Object.entries(issue.online ?? {}).map(([url, status]) => `<${url}> answers ${status}`);
  const sentences = [
    ...(held.length > 0 ? [`In the issue: ${held.join(', ')}.`] : []),
    ...(issue.online ? [`Linted with \`--online\`; ${answers.join(', ')}.`] : []),
  ];
  return sentences.map((sentence) => ` ${sentence}`).join('');
}

/** A code block whose fence is longer than any run of backticks inside it. */
function fenced(language: string, text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text.endsWith('\n') ? text : `${text}\n`}${fence}`;
}
