// Runs the compiled command (the CommonJS chunks `npm run compile` makes in lib/command/) with
// V8's code cache: compiling the pipeline's few megabytes of JavaScript is a large part of a
// command's start, and the cache, written after the first run of each command, turns that into
// reading bytecode back. Node 20 offers a code cache only to scripts compiled through `vm`,
// hence this loader. A cache V8 rejects (another Node, other flags) is simply made again;
// nothing depends on it but speed.
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

/**
 * Runs `entry` as a CommonJS module and returns its exports, whether its code cache was used
 * or is to be made when the process ends, and `discardCache` to make none after all. The chunks
 * it requires (`./name.cjs` beside it) are loaded the same way, each once, when first required.
 * `cacheName` keeps the code caches of different uses apart (each holds the functions its first
 * run compiled), in `cache/<cacheName>/` beside the entry.
 *
 * The code may not `import()`: Node 20 loses a script's module loader when the script comes
 * from a code cache, so the chunks are made with every package and chunk `require`d.
 */
function loadCommand(entry, cacheName) {
  const dir = path.dirname(entry);
  const cacheDir = path.join(dir, 'cache', cacheName);
  const modules = new Map();
  /** Scripts compiled without a usable cache, and where theirs goes. */
  const made = [];
  let keep = true;

  const load = (file) => {
    const loaded = modules.get(file);
    if (loaded) return loaded.exports;
    // Registered first: two chunks that require each other get each other's exports so far.
    const module = { exports: {} };
    modules.set(file, module);
    const cacheFile = path.join(cacheDir, `${path.basename(file)}.v8cache`);
    let cachedData;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // First run of this use: the cache is written when it ends.
    }
    // The chunks are ASCII (see asciiOnly in esbuild.config.mjs): read as bytes, a one-byte string.
    const script = new vm.Script(Module.wrap(readFileSync(file, 'latin1')), { filename: file, cachedData });
    if (!cachedData || script.cachedDataRejected) made.push({ script, cacheFile });
    const packages = Module.createRequire(file);
    // A sibling chunk is loaded here; a package or built-in as Node loads it.
    const requireFromChunk = (id) => (/^\.\/[^/]+\.cjs$/.test(id) ? load(path.join(dir, id)) : packages(id));
    requireFromChunk.resolve = packages.resolve;
    script.runInThisContext()(module.exports, requireFromChunk, module, file, dir);
    return module.exports;
  };

  // At the end, so that each cache holds every function the run compiled, not only the top level.
  process.once('exit', () => {
    if (!keep || made.length === 0) return;
    try {
      mkdirSync(cacheDir, { recursive: true });
      for (const { script, cacheFile } of made) {
        const temporary = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
      }
    } catch {
      // A read-only checkout: the next run compiles again.
    }
  });

  const exports = load(entry);
  const cache = made.length === 0 ? 'used' : 'made';
  // A run that ends early (a build with nothing to build) would leave caches without most of
  // the code: it can say so, and the next run makes them instead.
  const discardCache = () => {
    keep = false;
  };
  return { exports, cache, discardCache };
}

module.exports = { loadCommand };
