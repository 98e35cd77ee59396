/**
 * The editors' guide's examples of steering placement run as written: each Markdown example in
 * its section "Plaatsing in de gedrukte editie" lints clean, builds, and does what the guide says.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.ts';
import { miniIssue, outDir, persklaarAsync } from '../hostile/helpers.ts';

function guideExamples(): string[] {
  const guide = readFileSync(path.join(root, 'manuscript/README.md'), 'utf8');
  const start = guide.indexOf('## Plaatsing in de gedrukte editie');
  const end = guide.indexOf('\n## ', start + 1);
  const section = guide.slice(start, end);
  return [...section.matchAll(/^( *)```markdown\n([\s\S]*?)^\1```/gm)].map(([, indent, body]) =>
    body!.replace(new RegExp(`^${indent}`, 'gm'), ''),
  );
}

describe("the editors' guide on placement", () => {
  it('has examples, and each lints clean and builds as the guide says', async () => {
    const examples = guideExamples();
    expect(examples.length).toBeGreaterThan(0);
    const yaml = readFileSync(path.join(root, 'tests/fixtures/mini/issue.yaml'), 'utf8').replace(
      'articles:\n',
      'articles:\n  - voorbeeld.md\n',
    );
    const text = `---\ntitle: Voorbeeld\n---\n\nEen alinea ervoor.\n\n${examples.join('\n\nEen alinea ertussen.\n\n')}\n\nEen alinea erna.\n`;
    const dir = miniIssue({ 'issue.yaml': yaml, 'voorbeeld.md': text });
    const lint = await persklaarAsync(['lint', dir, '--format', 'json']);
    const findings = JSON.parse(lint.stdout) as { file: string; severity: string; message: string }[];
    expect(findings.filter((finding) => finding.file.endsWith('voorbeeld.md'))).toEqual([]);
    const out = outDir();
    const build = await persklaarAsync(['build', dir, '--out', out, '--only', 'pdf', 'web']);
    expect(build.status, build.stderr).toBe(0);
    // `plaats="hier"` reaches the print as the element's position, which placement never moves.
    const print = readFileSync(path.join(out, 'print/index.html'), 'utf8');
    expect(print).toMatch(/<aside class="kader"[^>]*data-print-position="here"/);
  }, 180_000);
});
