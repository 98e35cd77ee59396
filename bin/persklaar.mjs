#!/usr/bin/env node
// Runs the command as compiled by `npm run compile` (esbuild.config.mjs) into lib/command/,
// with V8's code cache (load-bundle.mjs). Sources newer than the compiled command are an
// error, not a reason to run something else: `make` and `npm run compile` compile again.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { sourceFiles } from '../scripts/util/source-stamp.mjs';
import { runBundle } from './load-bundle.mjs';

// Bytecode is kept for the whole run: V8 otherwise drops that of functions not run for a
// while, and a long first run (a cold build) would leave a code cache without the start-up's
// functions. Set before the bundle is compiled, and on every run: the cache records V8's flags.
v8.setFlagsFromString('--no-flush-bytecode');

const root = path.resolve(import.meta.dirname, '..');
const bundle = path.join(root, 'lib', 'command', 'cli.cjs');
const stale = compiledCommandProblem();
if (stale) {
  process.stderr.write(`persklaar: ${stale}: run \`npm run compile\` (or \`make\`)\n`);
  process.exitCode = 2;
} else {
  const { exports, discardCache } = runBundle(bundle, commandName(process.argv));
  const code = await exports.main(process.argv, { discardCodeCache: discardCache });
  // A run that failed would leave a code cache of the little it ran.
  if (code !== 0) discardCache();
  // The command has answered and closed what it opened; what is left are library timers (Puppeteer
  // waits a tenth of a second for a tab closed after a print to be swapped), not worth waiting for.
  process.exit(code);
}

/** Why the compiled command cannot be run, if it cannot: missing, or older than a source. */
function compiledCommandProblem() {
  const stamp = path.join(root, 'lib', 'command', 'stamp');
  if (!existsSync(bundle) || !existsSync(stamp)) return 'the command has not been compiled';
  const compiled = statSync(stamp).mtimeMs;
  const newer = sourceFiles(root).find((file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs > compiled);
  return newer ? `${path.relative(root, newer)} changed after the command was compiled` : undefined;
}

/**
 * Each command keeps a code cache of its own: the functions its first run compiled. The command
 * is the first argument that is no option (`persklaar --verbose build` is a build).
 */
function commandName(argv) {
  const command = argv.slice(2).find((arg) => !arg.startsWith('-'));
  return ['build', 'lint', 'watch', 'check'].includes(command) ? command : 'other';
}
