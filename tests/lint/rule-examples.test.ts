/**
 * The examples each rule documents (scripts/lint/rules/*.ts, shown in scripts/lint/README.md)
 * run through the real linter: a bad example gives exactly the documented messages of its rule,
 * at the documented lines, with the rule's default severity; a good one gives no message at all,
 * of any rule, so that what the documentation calls good is clean.
 */
import { describe, expect, it } from 'vitest';
import { rules } from '../../scripts/lint/rules/index.ts';
import { runExample } from './examples.ts';

describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  it.each(rule.examples.bad.map((example) => [example.caption, example] as const))(
    'bad: %s',
    async (_caption, example) => {
      const found = (await runExample(example)).filter((finding) => finding.ruleId === id);
      const documented = example.messages.map((message) => ({ ruleId: id, ...message, severity: rule.severity }));
      expect(found).toEqual(documented);
    },
  );

  it.each(rule.examples.good.map((example) => [example.caption, example] as const))(
    'good: %s',
    async (_caption, example) => {
      expect(await runExample(example)).toEqual([]);
    },
  );
});
