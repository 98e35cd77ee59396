/**
 * Exit codes are a contract: 0 success, 1 the input has errors, 2 usage or internal failure.
 * An InputError carries the files whose messages explain it; the CLI prints them and exits 1.
 */
import type { VFile } from 'vfile';

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_INTERNAL = 2;

/**
 * One set of the error classes per process. The launcher's quick answer (`quick.ts`) is a
 * bundle of its own and starts the print worker, whose failures reach the command's bundle: an
 * error made by either copy of this module is an instance of the classes the command reports by.
 * Every error class the command tells apart goes through `shared`, subclasses included.
 */
function shared<T>(name: string, made: T): T {
  const key = Symbol.for('persklaar.errors');
  const registry = ((globalThis as { [key]?: Record<string, unknown> })[key] ??= {});
  return (registry[name] ??= made) as T;
}

export const InputError = shared(
  'InputError',
  class InputError extends Error {
    readonly files: VFile[];
    constructor(files: VFile[], summary = 'The issue has errors') {
      super(summary);
      this.name = 'InputError';
      this.files = files;
    }
  },
);
export type InputError = InstanceType<typeof InputError>;

export function hasFatal(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}

/** A problem with how the tool was called rather than with the manuscripts: exit 2. */
export const UsageError = shared(
  'UsageError',
  class UsageError extends Error {
    override name = 'UsageError';
  },
);
export type UsageError = InstanceType<typeof UsageError>;

/** Chromium failed to print, twice. Not the manuscripts' fault: exit 2, like a usage problem. */
export const ChromiumFailure = shared(
  'ChromiumFailure',
  class ChromiumFailure extends UsageError {
    override name = 'ChromiumFailure';
  },
);
export type ChromiumFailure = InstanceType<typeof ChromiumFailure>;
