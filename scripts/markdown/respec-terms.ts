/**
 * ReSpec's definition references (`[=COR=]`, `[=weergave|term=]`) link to a glossary that a
 * magazine does not have; the reader is served by the word itself. Anything else in brackets
 * stays as written.
 */
const term = /\[=([^=\]|]+?)(?:\|([^=\]]+?))?=\]/g;

export function respecTerms(text: string): string {
  return text.includes('[=') ? text.replace(term, (_, first: string) => first.trim()) : text;
}
