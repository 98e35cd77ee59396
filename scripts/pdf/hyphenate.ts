/**
 * Dutch hyphenation for the print edition, inserted at build time as soft hyphens: headless
 * Chromium on Linux ships no hyphenation dictionaries, so `hyphens: auto` alone does nothing
 * and justified columns would gape. Patterns from the `hyphen` package (nl); an exceptions
 * list in styles/ overrides bad breaks. Only running text is touched — never headings,
 * captions, names (a long capitalised compound is no name), link texts (an address broken by
 * a hyphen is a wrong address) or code.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type hyphenNl from 'hyphen/nl/index.js';
import { SKIP, visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import { readCacheJson, writeFileAtomic } from '../util/output.ts';

const SOFT_HYPHEN = '\u00AD';
const MIN_WORD = 7;
const skipTags = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figcaption',
  'a',
  'code',
  'pre',
  'kbd',
  'samp',
  'script',
  'style',
  // A formula's identifiers and a diagram's labels are set by their own layout.
  'math',
  'svg',
]);
const skipClasses = new Set(['speaker', 'credit', 'box-title']);

const exceptionsFile = path.resolve(import.meta.dirname, '../../styles/hyphenation-nl.txt');

/** `amb-te-lijk` allows exactly those breaks; a word without hyphens is never broken. */
function loadExceptions(): Map<string, string> {
  const exceptions = new Map<string, string>();
  for (const line of readFileSync(exceptionsFile, 'utf8').split('\n')) {
    const entry = line.replace(/#.*/, '').trim();
    if (entry) exceptions.set(entry.replace(/-/g, '').toLowerCase(), entry);
  }
  return exceptions;
}

let exceptions: Map<string, string> | undefined;
let patterns: typeof hyphenNl | undefined;
/** Words already hyphenated: by this build, or by the last one (see `loadHyphenationMemo`). */
const memo = new Map<string, string>();
const used = new Set<string>();

/**
 * A capitalised word this long is taken as a compound (`Kinderbeschermingsmaatregelen`), not a
 * name: names that long are rare, and a word that long left whole gapes a justified column.
 */
const MIN_CAPITALISED_COMPOUND = 15;

/** Names and acronyms are not broken: a capital first letter is taken as a name, unless the word is long. */
function isName(word: string): boolean {
  if (word[0] === word[0]!.toLowerCase()) return false;
  return word.length < MIN_CAPITALISED_COMPOUND || word === word.toUpperCase();
}

export function hyphenateWord(word: string): string {
  if (word.length < MIN_WORD || isName(word)) return word;
  used.add(word);
  const known = memo.get(word);
  if (known !== undefined) return known;
  exceptions ??= loadExceptions();
  const exception = exceptions.get(word.toLowerCase());
  let hyphenated: string;
  if (exception !== undefined) hyphenated = applyPattern(word, exception);
  else {
    // The patterns (a large table) are loaded for the first word they are needed for.
    patterns ??= createRequire(import.meta.url)('hyphen/nl/index.js') as typeof hyphenNl;
    hyphenated = patterns.hyphenateSync(word, { hyphenChar: SOFT_HYPHEN, minWordLength: MIN_WORD });
  }
  memo.set(word, hyphenated);
  return hyphenated;
}

/**
 * The words of the last build, hyphenated, kept in the cache under the tool's version (which
 * covers the patterns and the exceptions list): a rebuild hyphenates only words it has not
 * seen. A file of another version, or one that does not parse, is ignored.
 */
export async function loadHyphenationMemo(file: string, version: string): Promise<void> {
  const stored = await readCacheJson<{ version?: string; words?: Record<string, string> }>(file);
  if (stored?.version !== version || typeof stored.words !== 'object' || stored.words === null) return;
  for (const [word, hyphenated] of Object.entries(stored.words)) {
    if (typeof hyphenated === 'string' && hyphenated.replaceAll(SOFT_HYPHEN, '') === word) memo.set(word, hyphenated);
  }
}

/**
 * Keeps the words of this build for the next. Only those stay in memory too, so that a
 * long-running `watch` holds one issue's words, not every word typed in a session.
 */
export async function saveHyphenationMemo(file: string, version: string): Promise<void> {
  const words: Record<string, string> = {};
  for (const word of [...used].sort()) words[word] = memo.get(word)!;
  for (const word of memo.keys()) if (!used.has(word)) memo.delete(word);
  used.clear();
  await writeFileAtomic(file, JSON.stringify({ version, words }));
}

export function hyphenateText(text: string): string {
  return text.replace(/\p{L}[\p{L}\p{M}]*/gu, hyphenateWord);
}

export function hyphenateTree(tree: Root): void {
  visit(tree, (node) => {
    if (node.type === 'element') {
      const element = node as Element;
      const classes = (element.properties.className as string[] | undefined) ?? [];
      if (skipTags.has(element.tagName) || classes.some((name) => skipClasses.has(name))) return SKIP;
      return undefined;
    }
    if (node.type === 'text') node.value = hyphenateText(node.value);
    return undefined;
  });
}

/** Copies the break points of `pattern` onto `word`, keeping the word's own letter case. */
function applyPattern(word: string, pattern: string): string {
  let result = '';
  let index = 0;
  for (const char of pattern) {
    if (char === '-') result += SOFT_HYPHEN;
    else result += word[index++] ?? '';
  }
  return result + word.slice(index);
}
