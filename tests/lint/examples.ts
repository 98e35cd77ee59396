/**
 * Runs a rule's documented example through the real linter: the example becomes a small issue
 * (tests/lint/helpers.ts), is linted as `persklaar lint` lints, and every message comes back in
 * the example's own coordinates (file, line as shown), with its rule and severity.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lintIssue } from '../../scripts/lint/index.ts';
import type { GoodExample } from '../../scripts/lint/types.ts';
import { records, type Severity } from '../../scripts/report/report.ts';
import { BODY, makeIssue } from './helpers.ts';

export interface ExampleFinding {
  ruleId: string;
  file?: string;
  line: number;
  message: string;
  severity: Severity;
}

export async function runExample(example: GoodExample): Promise<ExampleFinding[]> {
  const { issue = {} } = example;
  const dir = makeIssue({
    articles: { 'a.md': example.markdown, ...issue.articles },
    images: [...(issue.images ?? [])],
    files: issue.files,
    unlisted: issue.unlisted,
    words: issue.words ? [...issue.words] : undefined,
  });
  const { files } = await lintIssue(dir, {
    online: issue.online !== undefined,
    fetch: issue.online ? answering(issue.online) : undefined,
    cacheDir: mkdtempSync(path.join(tmpdir(), 'persklaar-example-cache-')),
  });
  // makeIssue gives an article without front matter one of BODY lines; the example does not show it.
  const added = new Set(
    Object.entries({ 'a.md': example.markdown, ...issue.articles, ...issue.unlisted })
      .filter(([, text]) => !text.startsWith('---\n'))
      .map(([name]) => name),
  );
  return records(files).map((record) => {
    const file = path.relative(dir, record.file);
    return {
      ruleId: record.ruleId,
      ...(file === 'a.md' ? {} : { file }),
      line: added.has(file) ? record.line - BODY : record.line,
      message: record.message,
      severity: record.severity,
    };
  });
}

/** A stand-in for the network that answers each address with its status, and nothing else. */
function answering(statuses: Record<string, number>): typeof fetch {
  return async (input) => {
    const url = input instanceof Request ? input.url : String(input);
    const status = statuses[url];
    if (status === undefined) throw new TypeError(`fetch failed: the example gives no answer for ${url}`);
    return new Response(null, { status });
  };
}
