/**
 * Functions in scripts/ stay short: Biome's noExcessiveLinesPerFunction holds every function to
 * 80 lines, and `make check-code` fails on a longer one (biome.json). A few files may hold one
 * of up to 120 lines; this test keeps that list to those functions, at most four, each with a
 * line at the function that says why it is long.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.ts';

const RULE = 'noExcessiveLinesPerFunction';
const MAX_LONG_FUNCTIONS = 4;

interface Diagnostic {
  category: string;
  location: { path: string; start: { line: number } };
}

/** Every function in scripts/ over `maxLines`, as Biome counts lines. */
function functionsOver(maxLines: number): { file: string; line: number }[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'persklaar-lengths-'));
  try {
    const config = {
      vcs: { enabled: false },
      formatter: { enabled: false },
      linter: { rules: { preset: 'none', complexity: { [RULE]: { level: 'error', options: { maxLines } } } } },
    };
    writeFileSync(path.join(dir, 'biome.json'), JSON.stringify(config));
    const biome = path.join(root, 'node_modules/@biomejs/biome/bin/biome');
    const args = ['lint', `--config-path=${dir}`, '--reporter=json', '--max-diagnostics=none', 'scripts'];
    const run = spawnSync(process.execPath, [biome, ...args], { cwd: root, encoding: 'utf8' });
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
    return diagnostics
      .filter((diagnostic) => diagnostic.category.endsWith(RULE))
      .map(({ location }) => ({ file: location.path, line: location.start.line }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The files biome.json lets hold a function of up to 120 lines. */
function filesAllowedLonger(): string[] {
  const config = JSON.parse(readFileSync(path.join(root, 'biome.json'), 'utf8')) as {
    overrides: { includes: string[]; linter?: { rules?: { complexity?: Record<string, unknown> } } }[];
  };
  return config.overrides
    .filter((override) => {
      const rule = override.linter?.rules?.complexity?.[RULE] as { options?: { maxLines?: number } } | undefined;
      return (rule?.options?.maxLines ?? 0) > 80;
    })
    .flatMap((override) => override.includes);
}

describe('function lengths in scripts/', () => {
  const long = functionsOver(80);

  it('at most four over 80 lines, each with a line at the function that says why', () => {
    expect(long.length).toBeLessThanOrEqual(MAX_LONG_FUNCTIONS);
    for (const { file, line } of long) {
      const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
      const comment = lines.slice(Math.max(0, line - 4), line - 1).join('\n');
      expect(comment, `${file}:${line}`).toMatch(/\/\/ Longer than 80 lines: \S/);
    }
  });

  it('the files allowed a longer function are exactly those that hold one', () => {
    expect(filesAllowedLonger().sort()).toEqual([...new Set(long.map(({ file }) => file))].sort());
  });

  it('none over 120 lines', () => {
    expect(functionsOver(120)).toEqual([]);
  });
});
