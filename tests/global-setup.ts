/**
 * The e2e tier's setup. Checks that the programs its suites run are installed (Chromium, Java
 * with EPUBCheck, poppler, qpdf, Ghostscript's profiles) and stops the run with what to install
 * when one is missing, so that no suite passes or skips for want of a tool. Then compiles the
 * command (as `npm ci` and `make` do) and builds the shipped issue with it once per test run;
 * suites that check the real editions (HTML validity, accessibility, PDF tags, EPUB) read this
 * one build instead of each making its own.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error: the compile step is plain JavaScript.
import { compile } from '../esbuild.config.mjs';

const root = path.resolve(import.meta.dirname, '..');

export default async function setup(project: TestProject): Promise<() => void> {
  const tools = spawnSync('bash', [path.join(root, 'scripts/setup/system-deps.sh'), '--check'], { encoding: 'utf8' });
  if (tools.status !== 0) throw new Error(`The e2e tests need programs that are not installed:\n${tools.stderr}`);
  await compile({ ifStale: true });
  // One folder per run: two runs at once (an editor's and a watcher's) must not share it.
  const outDir = path.join(root, `.cache/test-build-${process.pid}`);
  rmSync(outDir, { recursive: true, force: true });
  const built = spawnSync(
    process.execPath,
    [path.join(root, 'bin/persklaar.cjs'), 'build', 'manuscript', '--out', outDir],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (built.status !== 0) throw new Error(`The shipped issue did not build:\n${built.stderr}`);
  project.provide('issueBuild', outDir);
  project.provide('issueBuildReport', built.stderr);
  return () => rmSync(outDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    issueBuild: string;
    /** What the build of the shipped issue told the editor (its warnings). */
    issueBuildReport: string;
  }
}
