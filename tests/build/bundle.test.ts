/**
 * The command is compiled once (`esbuild.config.mjs`) into chunks and run with V8's code cache
 * (`bin/load-command.cjs`): the first run of a use makes the caches when it ends, later runs use
 * them, and a cache V8 cannot use is made again. A chunk is loaded once, when first required,
 * however many chunks require it. Whatever the cache, the code does the same. A command older
 * than its sources is not run.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.ts';
// @ts-expect-error: the compile step is plain JavaScript.
import { asciiOnly } from '../../esbuild.config.mjs';
import { sourceStamp } from '../../scripts/util/source-stamp.cjs';

/** Runs `entry` through the loader in a fresh Node, as the command does; prints its answer and the cache state. */
function run(entry: string, discard = false): { answer: string; cache: string } {
  const script = `const { loadCommand } = require(${JSON.stringify(path.join(root, 'bin/load-command.cjs'))});
const { exports, cache, discardCache } = loadCommand(${JSON.stringify(entry)}, 'test');
if (${discard}) discardCache();
exports.later().then((later) => console.log(JSON.stringify({ answer: exports.answer() + later, cache })));`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { answer: string; cache: string };
}

describe('the compiled command runs with a code cache', () => {
  it(
    'the first run makes the caches (unless it says otherwise), the next ' +
      'uses them, a damaged one is made again; each chunk is one module; the code does the same each time',
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'persklaar-bundle-'));
      const entry = path.join(dir, 'cli.cjs');
      // The entry and a chunk loaded later both require a shared chunk, which counts its loads.
      writeFileSync(path.join(dir, 'shared-A1.cjs'), 'exports.loads = (globalThis.loads ?? 0) + 1;\n');
      writeFileSync(path.join(dir, 'later-B2.cjs'), "exports.loads = () => require('./shared-A1.cjs').loads;\n");
      writeFileSync(
        entry,
        "const path = require('node:path');\nconst shared = require('./shared-A1.cjs');\n" +
          'globalThis.loads = shared.loads;\n' +
          `exports.answer = () => [__filename === ${JSON.stringify(entry)}, path.basename(__dirname), ` +
          "[3, 1, 2].sort().join('')].join(' ');\n" +
          "exports.later = () => Promise.resolve().then(() => ' loads ' + require('./later-B2.cjs').loads());\n",
      );
      const expected = `true ${path.basename(dir)} 123 loads 1`;

      // A run that says it was not representative (a build with nothing to build) leaves none.
      expect(run(entry, true)).toEqual({ answer: expected, cache: 'made' });
      const cacheDir = path.join(dir, 'cache', 'test');
      expect(existsSync(cacheDir)).toBe(false);
      expect(run(entry)).toEqual({ answer: expected, cache: 'made' });
      for (const name of ['cli.cjs', 'shared-A1.cjs', 'later-B2.cjs']) {
        expect(existsSync(path.join(cacheDir, `${name}.v8cache`)), name).toBe(true);
      }
      expect(run(entry)).toEqual({ answer: expected, cache: 'used' });

      // Damaged (another Node's, or cut short): V8 refuses it and it is made again.
      const cacheFile = path.join(cacheDir, 'cli.cjs.v8cache');
      writeFileSync(cacheFile, readFileSync(cacheFile).subarray(0, 64));
      expect(run(entry)).toEqual({ answer: expected, cache: 'made' });
      expect(run(entry)).toEqual({ answer: expected, cache: 'used' });
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
        'bin/persklaar.cjs': '// launcher\n',
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
      expect(stampOf({ 'scripts/.print.ts.swp': 'x', 'scripts/pdf/print.ts~': 'x', 'bin/.#persklaar.cjs': 'x' })).toBe(
        stamp,
      );
      // The theme is part of the tool's version (`toolVersion`), not of the bundle.
      expect(stampOf({ 'styles/print.css': 'p { color: red }\n' })).toBe(stamp);
      for (const name of ['scripts/pdf/print.ts', 'bin/persklaar.cjs', 'package-lock.json', 'tsconfig.json']) {
        expect(stampOf({ [name]: `${files[name]} ` }), name).not.toBe(stamp);
      }
      expect(stampOf({ 'scripts/new.ts': 'export {};\n' })).not.toBe(stamp);
    },
  );
});

describe('the launcher', () => {
  it('runs the compiled command, and refuses one that is missing or older than a source, saying what to do', () => {
    const project = mkdtempSync(path.join(tmpdir(), 'persklaar-launcher-'));
    for (const name of [
      'bin/persklaar.cjs',
      'bin/load-command.cjs',
      'scripts/util/source-stamp.cjs',
      'tsconfig.json',
    ]) {
      mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
      copyFileSync(path.join(root, name), path.join(project, name));
    }
    writeFileSync(path.join(project, 'package-lock.json'), '{}\n');
    const launch = () =>
      spawnSync(process.execPath, [path.join(project, 'bin/persklaar.cjs'), 'lint'], { encoding: 'utf8' });

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
    utimesSync(path.join(project, 'scripts/util/source-stamp.cjs'), later, later);
    const stale = launch();
    expect(stale.status).toBe(2);
    expect(stale.stdout).toBe('');
    expect(stale.stderr).toContain(
      'scripts/util/source-stamp.cjs changed after the command was compiled: run `npm run compile`',
    );
  });
});
