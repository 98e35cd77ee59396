// Runs the command's bundle (the CommonJS file `npm run compile` makes in lib/command/)
// with V8's code cache: compiling the pipeline's few megabytes of JavaScript is a large part of
// a command's start, and the cache, written beside the bundle after the first run of each
// command, turns that into reading bytecode back. Node 20 offers a code cache only to scripts
// compiled through `vm`, hence this loader. A cache V8 rejects (another Node, other flags) is
// simply made again; nothing depends on it but speed.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * Runs `file` as a CommonJS module and returns its exports, whether a code cache was used or
 * is to be made when the process (or thread) ends, and `discardCache` to make none after all.
 * `cacheName` keeps the code cache of different uses apart (each holds the functions its first
 * run compiled).
 *
 * The bundle may not `import()`: Node 20 loses a script's module loader when the script comes
 * from a code cache, so the bundle is made with every package `require`d.
 */
export function runBundle(file, cacheName) {
  const cacheFile = `${file}.${cacheName}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // First run of this use: the cache is written when it ends.
  }
  // The bundle is ASCII (see asciiOnly in esbuild.config.mjs): read as bytes, a one-byte string.
  const script = new vm.Script(Module.wrap(readFileSync(file, 'latin1')), { filename: file, cachedData });
  const cache = cachedData && !script.cachedDataRejected ? 'used' : 'made';
  let keep = cache === 'made';
  if (keep) {
    // At the end, so that it holds every function the run compiled, not only the top level.
    process.once('exit', () => {
      if (!keep) return;
      try {
        const temporary = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
      } catch {
        // A read-only checkout: the next run compiles again.
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  // A run that ends early (a build with nothing to build) would leave a cache without most
  // of the code: it can say so, and the next run makes the cache instead.
  const discardCache = () => {
    keep = false;
  };
  return { exports: module.exports, cache, discardCache };
}
