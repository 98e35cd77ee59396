/**
 * Words of running text, with their offsets. Unicode-aware (é, ë, ĳ), apostrophes and
 * hyphens inside a word kept (`collega’s`, `e-mail`); URLs, domain names and e-mail addresses
 * blanked out first, so their parts are never taken for words.
 */
export interface Token {
  word: string;
  /** Offset in the text given. */
  index: number;
  /** The character after the word, to try `bijv` as `bijv.`. */
  next: string;
}

const notText = [
  /\b(?:https?:\/\/|ftp:\/\/|mailto:|www\.)\S+/giu,
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu,
  /\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:nl|com|org|net|eu|be|de|uk|gov|int|info|io|app)\b(?:\/\S*)?/giu,
];

const word = /[\p{L}\p{M}\p{N}]+(?:['’\-.&][\p{L}\p{M}\p{N}]+)*/gu;

/** The text with URLs, domains and e-mail addresses blanked out, same length, so offsets hold. */
export function maskNonWords(text: string): string {
  let masked = text;
  for (const pattern of notText) masked = masked.replace(pattern, (match) => ' '.repeat(match.length));
  return masked;
}

export function tokenize(text: string): Token[] {
  const masked = maskNonWords(text);
  const tokens: Token[] = [];
  for (const match of masked.matchAll(word)) {
    tokens.push({ word: match[0], index: match.index, next: masked.charAt(match.index + match[0].length) });
  }
  return tokens;
}
