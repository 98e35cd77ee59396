/** The issue the project ships lints clean: no errors, so CI can run `persklaar lint` before a build. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintIssue } from '../../scripts/lint/index.ts';
import { records } from '../../scripts/report/report.ts';
import { root } from '../helpers/cli.ts';

describe('the shipped manuscripts', () => {
  it('lint without errors; what is left are spelling warnings for the editors', async () => {
    const result = await lintIssue(path.join(root, 'manuscript'));
    const errors = records(result.files).filter((record) => record.severity === 'error');
    expect(errors).toEqual([]);
    expect(records(result.files).filter((record) => record.ruleId !== 'spelling')).toEqual([]);
  });
});
