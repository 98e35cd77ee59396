/**
 * Is a word right? The dictionary first, then the project word list and the names the issue
 * declares (people, photographers, colophon). Dutch writes compounds as one word and the
 * OpenTaal list holds only the common ones (`kinderbescherming` is not in it), so a word the
 * dictionary misses is accepted when it splits into known words, with the linking `s`/`e`
 * that Dutch puts between them (`rijks|overheid`, `beslis|medewerker`). The price: a typo that
 * happens to make two real words passes (`kindertoevoering` = kinder + toevoering, a missing
 * linking s as in `aandachtpunten`). Checking for near misses of dictionary words was tried
 * and dropped: one changed letter turns right compounds into other words too (`leerveld` →
 * `leergeld`), so it flagged good text and caught typos only by chance.
 */
import type NSpell from 'nspell';
import type { WordList } from './word-list.ts';

const MIN_PART = 3;
const MIN_LONG_PART = 4;
const MAX_PARTS = 4;
/** Articles, pronouns, prepositions and conjunctions: never a part of a compound. */
const functionWords: ReadonlySet<string> = new Set(
  (
    'de den der des het een dat die dit deze wat wie wij zij hij hen hem haar ons jou ' +
    'jij mij zich ook wel niet maar want dus toch nog dan als tot met bij aan uit van ten ' +
    'ter naar over onder tegen zonder sinds omdat hoe waar ben bent is zijn was had heb'
  ).split(' '),
);
/**
 * Suggestions cost ~10–50 ms a word; past this budget a run gives none (a run with many unknown words stays
 * fast).
 */
const SUGGESTION_BUDGET_MS = 3000;

export class SpellChecker {
  private readonly memo = new Map<string, boolean>();
  private readonly suggestions = new Map<string, string[]>();
  private suggestionMs = 0;

  constructor(
    private readonly speller: NSpell,
    private readonly words: WordList,
  ) {}

  /** Words not to check at all: numbers, codes, short abbreviations in capitals. */
  static skip(word: string): boolean {
    if (/\p{N}/u.test(word)) return true;
    if ([...word].length < 2) return true;
    const bare = word.replace(/['’]s$/u, '');
    // DJI, IND, RvdK-like all-caps short forms (with `&` as in DP&O): abbreviations, not words.
    const letters = bare.replace(/[&.-]/g, '');
    return letters.length <= 5 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  }

  correct(word: string, next = ''): boolean {
    if (SpellChecker.skip(word)) return true;
    if (next === '.' && this.speller.correct(`${word}.`)) return true;
    return this.known(word, 0);
  }

  private known(word: string, depth: number): boolean {
    const key = `${depth}:${word}`;
    const cached = this.memo.get(key);
    if (cached !== undefined) return cached;
    const result = this.lookup(word, depth);
    this.memo.set(key, result);
    return result;
  }

  private lookup(word: string, depth: number): boolean {
    if (this.words.has(word) || this.speller.correct(word)) return true;
    // An ending after an apostrophe: `JenV’s`, `DG’s`, `IND’er`, `NCTV’ers`, `app’je`.
    const suffixed = /^(.+)['’](?:s|er|ers|je|jes|tje|tjes)$/u.exec(word);
    if (suffixed && (SpellChecker.skip(suffixed[1]!) || this.known(suffixed[1]!, depth))) return true;
    // Accents for emphasis are correct Dutch (`móet`, `Eén` at a sentence start).
    const plain = word
      .normalize('NFD')
      .replace(/[\u0301\u0300]/gu, '')
      .normalize('NFC');
    if (plain !== word && this.speller.correct(plain)) return true;
    // `e-mail` is in the dictionary; `JenV-medewerkers` is right when both halves are.
    if (word.includes('-')) {
      return word.split('-').every((part) => part === '' || SpellChecker.skip(part) || this.known(part, depth));
    }
    if (depth > 0) return false;
    return this.compound(word.toLowerCase(), 0);
  }

  /**
   * Splits into known parts: two parts of at least 3 letters, or up to MAX_PARTS parts of at
   * least 4 (short parts in long chains are what make nonsense split: `opga|bege|richt`).
   * Function words are never parts (`leidinggevenden|den`).
   */
  private compound(word: string, depth: number): boolean {
    const chars = [...word];
    for (let cut = MIN_PART; cut <= chars.length - MIN_PART; cut++) {
      const head = chars.slice(0, cut).join('');
      const tail = chars.slice(cut).join('');
      if (!this.part(head)) continue;
      const short = cut < MIN_LONG_PART || chars.length - cut < MIN_LONG_PART;
      if (this.whole(tail) && !(short && depth > 0)) return true;
      if (!short && depth + 2 < MAX_PARTS && this.compound(tail, depth + 1)) return true;
    }
    return false;
  }

  /** A final part: a word on its own. */
  private whole(part: string): boolean {
    if (functionWords.has(part)) return false;
    return this.speller.correct(part) || this.words.has(part);
  }

  /** A first part, as it stands before another word: bare, or with a linking s / e / en. */
  private part(head: string): boolean {
    if (functionWords.has(head)) return false;
    // `kinder-` is how the dictionary lists a form that only starts compounds.
    if (this.speller.correct(head) || this.speller.correct(`${head}-`) || this.words.has(head)) return true;
    for (const link of ['s', 'e', 'en']) {
      if (head.endsWith(link)) {
        const stem = head.slice(0, -link.length);
        if (
          [...stem].length >= MIN_PART &&
          !functionWords.has(stem) &&
          (this.speller.correct(stem) || this.words.has(stem))
        )
          return true;
      }
    }
    return false;
  }

  suggest(word: string): string[] {
    const cached = this.suggestions.get(word);
    if (cached) return cached;
    if (this.suggestionMs > SUGGESTION_BUDGET_MS || [...word].length > 20) return [];
    const start = performance.now();
    // The dictionary's TRY list holds digits, which makes `In2ndvation` a suggestion: drop those.
    const result = this.speller
      .suggest(word)
      .filter((each) => !/\p{N}/u.test(each))
      .slice(0, 3);
    this.suggestionMs += performance.now() - start;
    this.suggestions.set(word, result);
    return result;
  }
}
