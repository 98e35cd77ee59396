/** scripts/lint/README.md is made from the rules' examples; the committed page must be the made one. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { lintReadme, README } from '../../scripts/lint/docs/readme.ts';
import { rules } from '../../scripts/lint/rules/index.ts';

describe('scripts/lint/README.md', () => {
  it('is what `npm run docs:lint` makes from the rules and their examples', async () => {
    const committed = await readFile(README, 'utf8');
    expect(committed, 'scripts/lint/README.md is out of date: run `npm run docs:lint` and commit it').toBe(
      await lintReadme(),
    );
  });

  it('shows every example of every rule, with the messages of the bad ones', async () => {
    const page = await lintReadme();
    for (const rule of rules) {
      for (const example of [...rule.examples.bad, ...rule.examples.good]) expect(page).toContain(example.markdown);
      for (const { message } of rule.examples.bad.flatMap((example) => example.messages)) {
        expect(page).toContain(`  ${rule.severity}  ${message}\n`);
      }
    }
  });
});
