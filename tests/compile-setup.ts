/**
 * The unit tier's only setup: the command compiled (as `npm ci` and `make` do), for the suites
 * that run it on issues that need no browser (lint, broken input, the launcher).
 */
// @ts-expect-error: the compile step is plain JavaScript.
import { compile } from '../esbuild.config.mjs';

export default async function setup(): Promise<void> {
  await compile({ ifStale: true });
}
