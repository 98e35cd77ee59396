/**
 * The one exit path: steps registered with atExit run however the process ends, each whatever
 * the others did, and a step forgotten does not run. Each case is a process of its own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'persklaar-exit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `body` in a process of its own, with `atExit` and `writeFileSync` in scope. */
function runWith(body: string): number | null {
  const script = [
    "import { writeFileSync } from 'node:fs';",
    `const { atExit } = await import(${JSON.stringify(path.join(root, 'scripts/util/termination.ts'))});`,
    body,
  ].join('\n');
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
  return run.status;
}

describe('atExit', () => {
  it('runs every step when the process exits early, one that fails included', () => {
    const [first, second] = [path.join(dir, 'first'), path.join(dir, 'second')];
    const status = runWith(`
      atExit(() => writeFileSync(${JSON.stringify(first)}, 'x'));
      atExit(() => { throw new Error('cannot'); });
      atExit(() => writeFileSync(${JSON.stringify(second)}, 'x'));
      process.exit(3);
    `);
    expect(status).toBe(3);
    expect(existsSync(first) && existsSync(second)).toBe(true);
  });

  it('runs at a normal end, and not a step that was forgotten', () => {
    const [kept, forgotten] = [path.join(dir, 'kept'), path.join(dir, 'forgotten')];
    const status = runWith(`
      atExit(() => writeFileSync(${JSON.stringify(kept)}, 'x'));
      const forget = atExit(() => writeFileSync(${JSON.stringify(forgotten)}, 'x'));
      forget();
    `);
    expect(status).toBe(0);
    expect(existsSync(kept)).toBe(true);
    expect(existsSync(forgotten)).toBe(false);
  });
});
