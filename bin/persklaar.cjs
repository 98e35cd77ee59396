#!/usr/bin/env node
// Runs the command as compiled by `npm run compile` (esbuild.config.mjs) into lib/command/,
// with V8's code cache (load-command.cjs). Sources newer than the compiled command are an
// error, not a reason to run something else: `make` and `npm run compile` compile again.
// CommonJS, as everything it loads: an ES module entry costs every command Node's module loader.
const { existsSync, statSync } = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');
const { sourceFiles } = require('../scripts/util/source-stamp.cjs');
const { loadCommand } = require('./load-command.cjs');

// Bytecode is kept for the whole run: V8 otherwise drops that of functions not run for a
// while, and a long first run (a cold build) would leave code caches without the start-up's
// functions. Set before the chunks are compiled, and on every run: a cache records V8's flags.
v8.setFlagsFromString('--no-flush-bytecode');

const root = path.resolve(__dirname, '..');
const entry = path.join(root, 'lib', 'command', 'cli.cjs');

/** Why the compiled command cannot be run, if it cannot: missing, or older than a source. */
function compiledCommandProblem() {
  const stamp = path.join(root, 'lib', 'command', 'stamp');
  if (!existsSync(entry) || !existsSync(stamp)) return 'the command has not been compiled';
  const compiled = statSync(stamp).mtimeMs;
  const newer = sourceFiles(root).find((file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs > compiled);
  return newer ? `${path.relative(root, newer)} changed after the command was compiled` : undefined;
}

/**
 * Each command keeps code caches of its own: the functions its first run compiled. The command
 * is the first argument that is no option (`persklaar --verbose build` is a build).
 */
function commandName(argv) {
  const command = argv.slice(2).find((arg) => !arg.startsWith('-'));
  return ['build', 'lint', 'watch', 'check'].includes(command) ? command : 'other';
}

async function run() {
  const stale = compiledCommandProblem();
  if (stale) {
    process.stderr.write(`persklaar: ${stale}: run \`npm run compile\` (or \`make\`)\n`);
    return 2;
  }
  const { exports, discardCache } = loadCommand(entry, commandName(process.argv));
  const code = await exports.main(process.argv, { discardCodeCache: discardCache });
  // A run that failed would leave code caches of the little it ran.
  if (code !== 0) discardCache();
  return code;
}

// The command has answered and closed what it opened; what is left are library timers (Puppeteer
// waits a tenth of a second for a tab closed after a print to be swapped), not worth waiting for.
run().then((code) => process.exit(code));
