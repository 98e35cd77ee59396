/**
 * Builds the shipped issue once per test run; suites that check the real editions (HTML
 * validity, accessibility, PDF tags, EPUB) read this one build instead of each making its own.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from '../scripts/build.ts';

const root = path.resolve(import.meta.dirname, '..');

export default async function setup(project: TestProject): Promise<() => void> {
  // One folder per run: two runs at once (an editor's and a watcher's) must not share it.
  const outDir = path.join(root, `.cache/test-build-${process.pid}`);
  rmSync(outDir, { recursive: true, force: true });
  await build({ issueDir: path.join(root, 'manuscript'), outDir, cacheDir: path.join(root, '.cache') });
  project.provide('issueBuild', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    issueBuild: string;
  }
}
