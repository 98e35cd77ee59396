/**
 * The command reports errors by their class (exit 1 for the manuscripts, 2 for usage and
 * Chromium). The launcher's quick answer is a bundle of its own with its own copy of the error
 * module, and starts the print worker whose failures reach the command: both copies must make
 * and recognise the same classes.
 */
import { describe, expect, it, vi } from 'vitest';

describe('error classes', () => {
  it('are one set per process, however many copies of their module are loaded', async () => {
    const first = await import('../../scripts/util/errors.ts');
    vi.resetModules();
    const second = await import('../../scripts/util/errors.ts');
    expect(second).not.toBe(first);
    for (const name of ['InputError', 'UsageError', 'ChromiumFailure'] as const) expect(second[name]).toBe(first[name]);

    const failure = new second.ChromiumFailure('Chromium failed while printing (tried twice)');
    expect(failure).toBeInstanceOf(first.UsageError);
    expect(failure).toBeInstanceOf(first.ChromiumFailure);
    expect(failure.name).toBe('ChromiumFailure');
    expect(new first.UsageError('x')).not.toBeInstanceOf(second.ChromiumFailure);
    expect(new second.InputError([])).not.toBeInstanceOf(first.UsageError);
  });
});
