/**
 * The project word list, `woordenlijst.txt` in the issue folder: names and jargon the Dutch
 * dictionary does not know, one per line, `#` starts a comment. An entry in lower case also
 * accepts the word capitalised or in capitals (sentence starts, headings); an entry with
 * capitals (`JenV`) is accepted exactly as written.
 */
import { readFile } from 'node:fs/promises';

export const WORD_LIST = 'woordenlijst.txt';

export class WordList {
  private readonly exact = new Set<string>();
  private readonly lower = new Set<string>();

  constructor(words: Iterable<string> = []) {
    for (const word of words) this.add(word);
  }

  add(word: string): void {
    const clean = word.replace(/’/g, "'").trim();
    if (clean === '') return;
    this.exact.add(clean);
    if (clean === clean.toLowerCase()) this.lower.add(clean);
  }

  has(word: string): boolean {
    const clean = word.replace(/’/g, "'");
    if (this.exact.has(clean)) return true;
    const lower = clean.toLowerCase();
    if (!this.lower.has(lower)) return false;
    return clean === lower || clean === lower.toUpperCase() || clean === lower.charAt(0).toUpperCase() + lower.slice(1);
  }

  get size(): number {
    return this.exact.size;
  }
}

export function parseWordList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '');
}

export async function readWordList(file: string): Promise<string[]> {
  try {
    return parseWordList(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
