import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
export const fixtures = path.join(root, 'tests/fixtures');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `persklaar` command, as an editor or CI would. */
export function persklaar(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [path.join(root, 'bin/persklaar.cjs'), ...args], {
    cwd: options.cwd ?? root,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The print document without placement's measuring marks (`scripts/pdf/placement/markers.ts`):
 * an id at each block's start, an empty element at its end, and the hidden list linking them.
 */
export function withoutPlacementMarks(html: string): string {
  return html
    .replace(/<nav style="display: none" aria-hidden="true">(?:<a href="#[^"]*"><\/a>)*<\/nav>/g, '')
    .replace(/<(span|div) id="[^"]*--(?:[BE]\d+|H)"><\/\1>/g, '')
    .replace(/ id="[^"]*--B\d+"/g, '');
}
