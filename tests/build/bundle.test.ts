/**
 * The command is compiled once (`esbuild.config.mjs`) and run with V8's code cache
 * (`bin/load-bundle.mjs`): the first run of a use makes the cache when it ends, later runs use
 * it, and a cache V8 cannot use is made again. Whatever the cache, the code does the same. A
 * command older than its sources is not run.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.ts';
// @ts-expect-error: the compile step is plain JavaScript.
import { asciiOnly } from '../../esbuild.config.mjs';
import { sourceStamp } from '../../scripts/util/source-stamp.mjs';

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

describe('the bundle runs with a code cache', () => {
  it(
    'the first run makes the cache (unless it says otherwise), the next ' +
      'uses it, a damaged one is made again; the code does the same each time',
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'persklaar-bundle-'));
      const file = path.join(dir, 'bundle.cjs');
      writeFileSync(
        file,
        "const path = require('node:path');\nexports.answer = () => [__filename === " +
          JSON.stringify(file) +
          ", path.basename(__dirname), [3, 1, 2].sort().join('')].join(' ');\n",
      );
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
    },
  );
});

describe('the bundle is made ASCII', () => {
  it(
    'every character beyond ASCII becomes an escape that means ' +
      'the same, in strings, templates and regular expressions',
    () => {
      // Samples of source code, written as it is: raw strings throughout, a template left unevaluated.
      const samples = [
        '"‘aanhalingstekens’ en …"',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal as source code
        '`sjabloon ’${1 + 1}’`',
        String.raw`/^[\s"'‘’“”«»›‹→>(\[]+/.exec("‘’“x")?.[0]`,
        `/['’]s$/u.test("Jan’s")`,
        String.raw`/[^\P{ASCII}¶]+/u.exec("a¶é")?.[0]`,
        '/😀{2}/u.test("😀😀")',
        // An identity escape before one (odd backslashes), and an escaped backslash (even).
        String.raw`/\’/.test("’")`,
        String.raw`"emoji 😀 en \’"`,
        String.raw`"\\\\’"`,
      ];
      for (const sample of samples) {
        const made = asciiOnly(sample) as string;
        expect(/[^\x00-\x7f]/.test(made)).toBe(false);
        // biome-ignore lint/security/noGlobalEval: the samples are code, run to compare their values
        const run = (code: string) => globalThis.eval(code);
        expect(run(made)).toEqual(run(sample));
      }
    },
  );
});

describe('the stamp of the code', () => {
  it(
    'changes with the sources, the launcher, the locked dependencies ' +
      'and the TypeScript settings, not with editor leftovers',
    () => {
      const base = mkdtempSync(path.join(tmpdir(), 'persklaar-stamp-'));
      const files: Record<string, string> = {
        'scripts/cli.ts': 'export {};\n',
        'scripts/pdf/print.ts': 'export const a = 1;\n',
        'bin/persklaar.mjs': '// launcher\n',
        'package-lock.json': '{}\n',
        'tsconfig.json': '{}\n',
        'styles/print.css': 'p {}\n',
      };
      /** A project of `files` with `changes` over them, at a root of its own. */
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
      expect(stampOf({ 'scripts/.print.ts.swp': 'x', 'scripts/pdf/print.ts~': 'x', 'bin/.#persklaar.mjs': 'x' })).toBe(
        stamp,
      );
      // The theme is part of the tool's version (`toolVersion`), not of the bundle.
      expect(stampOf({ 'styles/print.css': 'p { color: red }\n' })).toBe(stamp);
      for (const name of ['scripts/pdf/print.ts', 'bin/persklaar.mjs', 'package-lock.json', 'tsconfig.json']) {
        expect(stampOf({ [name]: `${files[name]} ` }), name).not.toBe(stamp);
      }
      expect(stampOf({ 'scripts/new.ts': 'export {};\n' })).not.toBe(stamp);
    },
  );
});

describe('the launcher', () => {
  it('runs the compiled command, and refuses one that is missing or older than a source, saying what to do', () => {
    const project = mkdtempSync(path.join(tmpdir(), 'persklaar-launcher-'));
    for (const name of ['bin/persklaar.mjs', 'bin/load-bundle.mjs', 'scripts/util/source-stamp.mjs', 'tsconfig.json']) {
      mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
      copyFileSync(path.join(root, name), path.join(project, name));
    }
    writeFileSync(path.join(project, 'package-lock.json'), '{}\n');
    const launch = () =>
      spawnSync(process.execPath, [path.join(project, 'bin/persklaar.mjs'), 'lint'], { encoding: 'utf8' });

    const missing = launch();
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('persklaar: the command has not been compiled: run `npm run compile` (or `make`)\n');

    const command = path.join(project, 'lib/command');
    mkdirSync(command, { recursive: true });
    writeFileSync(
      path.join(command, 'cli.cjs'),
      "exports.main = async (argv) => { console.log('ran', argv.slice(2).join(' ')); return 0; };\n",
    );
    writeFileSync(path.join(command, 'stamp'), 'x');
    const fresh = launch();
    expect([fresh.status, fresh.stdout]).toEqual([0, 'ran lint\n']);

    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(project, 'scripts/util/source-stamp.mjs'), later, later);
    const stale = launch();
    expect(stale.status).toBe(2);
    expect(stale.stdout).toBe('');
    expect(stale.stderr).toContain(
      'scripts/util/source-stamp.mjs changed after the command was compiled: run `npm run compile`',
    );
  });
});
