/**
 * The command runs its bundles with V8's code cache (`bin/load-bundle.mjs`): the first run of a
 * use makes the cache when it ends, later runs use it, and a cache V8 cannot use is made again.
 * Whatever the cache, the code does the same.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.ts';
// @ts-expect-error: the launcher's helpers are plain JavaScript.
import { asciiOnly } from '../../bin/load-bundle.mjs';
import { sourceStamp } from '../../bin/source-stamp.mjs';

/** Runs `file` through the loader in a fresh Node, as the command does; prints its answer and the cache state. */
function run(file: string, discard = false): { answer: string; cache: string } {
  const loader = pathToFileURL(path.join(root, 'bin/load-bundle.mjs')).href;
  const script = `import { runBundle } from ${JSON.stringify(loader)};
const { exports, cache, discardCache } = runBundle(${JSON.stringify(file)}, 'test');
if (${discard}) discardCache();
console.log(JSON.stringify({ answer: exports.answer(), cache }));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { answer: string; cache: string };
}

describe('bundles run with a code cache', () => {
  it('the first run makes the cache (unless it says otherwise), the next uses it, a damaged one is made again; the code does the same each time', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'persklaar-bundle-'));
    const file = path.join(dir, 'bundle.cjs');
    writeFileSync(file, "const path = require('node:path');\nexports.answer = () => [__filename === " + JSON.stringify(file) + ", path.basename(__dirname), [3, 1, 2].sort().join('')].join(' ');\n");
    const expected = `true ${path.basename(dir)} 123`;

    // A run that says it was not representative (a build with nothing to build) leaves none.
    expect(run(file, true)).toEqual({ answer: expected, cache: 'made' });
    const cacheFile = `${file}.test.v8cache`;
    expect(existsSync(cacheFile)).toBe(false);
    expect(run(file)).toEqual({ answer: expected, cache: 'made' });
    expect(existsSync(cacheFile)).toBe(true);
    expect(run(file)).toEqual({ answer: expected, cache: 'used' });

    // Damaged (another Node's, or cut short): V8 refuses it and it is made again.
    const bytes = readFileSync(cacheFile);
    writeFileSync(cacheFile, bytes.subarray(0, 64));
    expect(run(file)).toEqual({ answer: expected, cache: 'made' });
    expect(run(file)).toEqual({ answer: expected, cache: 'used' });
  });
});

describe('bundles are made ASCII', () => {
  it('every character beyond ASCII becomes an escape that means the same, in strings, templates and regular expressions', () => {
    const samples = [
      String.raw`"‘aanhalingstekens’ en …"`,
      "`sjabloon ’${1 + 1}’`",
      String.raw`/^[\s"'‘’“”«»›‹→>(\[]+/.exec("‘’“x")?.[0]`,
      String.raw`/['’]s$/u.test("Jan’s")`,
      String.raw`/[^\P{ASCII}¶]+/u.exec("a¶é")?.[0]`,
      String.raw`/😀{2}/u.test("😀😀")`,
      // An identity escape before one (odd backslashes), and an escaped backslash (even).
      String.raw`/\’/.test("’")`,
      String.raw`"emoji 😀 en \’"`,
      String.raw`"\\\\’"`,
    ];
    for (const sample of samples) {
      const made = asciiOnly(sample) as string;
      expect(/[^\x00-\x7f]/.test(made)).toBe(false);
      // eslint-disable-next-line no-eval
      expect((0, eval)(made)).toEqual((0, eval)(sample));
    }
  });
});

describe('the stamp of the code', () => {
  it('changes with the sources, the launcher, the locked dependencies and the TypeScript settings, not with editor leftovers', () => {
    const base = mkdtempSync(path.join(tmpdir(), 'persklaar-stamp-'));
    const files: Record<string, string> = {
      'scripts/cli.ts': 'export {};\n',
      'scripts/pdf/print.ts': 'export const a = 1;\n',
      'bin/persklaar.mjs': '// launcher\n',
      'package-lock.json': '{}\n',
      'tsconfig.json': '{}\n',
      'styles/print.css': 'p {}\n',
    };
    /** A project of `files` with `changes` over them, at a root of its own (the stamp is kept per process and root). */
    const stampOf = (changes: Record<string, string> = {}) => {
      const project = mkdtempSync(path.join(base, 'project-'));
      for (const [name, text] of Object.entries({ ...files, ...changes })) {
        mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
        writeFileSync(path.join(project, name), text);
      }
      return sourceStamp(project);
    };
    const stamp = stampOf();
    expect(stampOf()).toBe(stamp);
    expect(stampOf({ 'scripts/.print.ts.swp': 'x', 'scripts/pdf/print.ts~': 'x', 'bin/.#persklaar.mjs': 'x' })).toBe(stamp);
    // The theme is part of the tool's version (`toolVersion`), not of the bundle.
    expect(stampOf({ 'styles/print.css': 'p { color: red }\n' })).toBe(stamp);
    for (const name of ['scripts/pdf/print.ts', 'bin/persklaar.mjs', 'package-lock.json', 'tsconfig.json']) {
      expect(stampOf({ [name]: `${files[name]} ` }), name).not.toBe(stamp);
    }
    expect(stampOf({ 'scripts/new.ts': 'export {};\n' })).not.toBe(stamp);
  });
});
