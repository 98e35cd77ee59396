/**
 * Links between articles. Editors write `gesprek.md#de-eerste-vraag` (the renderer makes it
 * `gesprek.html#…`); a link written to the rendered name works too, as does `index.html`,
 * the contents page every edition makes.
 */
import path from 'node:path';
import type { Article } from '../../issue/load.ts';
import type { LintContext } from '../types.ts';
import { decode } from '../../markdown/links.ts';

export type LinkedPage = { kind: 'article'; article: Article } | { kind: 'generated' } | { kind: 'none'; name: string };

export function linkedPage(context: LintContext, from: Article, linkPath: string): LinkedPage {
  // Article names are relative to the issue folder; so is a link, seen from its article.
  const name = path.posix.normalize(path.posix.join(path.posix.dirname(from.name), decode(linkPath)));
  const article = context.articles.get(name);
  if (article) return { kind: 'article', article };
  if (name === 'index.html') return { kind: 'generated' };
  return { kind: 'none', name };
}

/** The anchor closest to a mistyped one, when it is close enough to be the one meant. */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = levenshtein(wanted, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(wanted.length / 4)) ? best : undefined;
}

function levenshtein(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[right.length]!;
}
