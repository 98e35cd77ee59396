/**
 * Exit codes are a contract: 0 success, 1 the input has errors, 2 usage or internal failure.
 * An InputError carries the files whose messages explain it; the CLI prints them and exits 1.
 */
import type { VFile } from 'vfile';

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_INTERNAL = 2;

export class InputError extends Error {
  override name = 'InputError';
  readonly files: VFile[];
  constructor(files: VFile[], summary = 'The issue has errors') {
    super(summary);
    this.files = files;
  }
}

export function hasFatal(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}

/** A problem with how the tool was called rather than with the manuscripts: exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Chromium failed to print, twice. Not the manuscripts' fault: exit 2, like a usage problem. */
export class ChromiumFailure extends UsageError {
  override name = 'ChromiumFailure';
}
