/**
 * Where a `#fragment` leads, for the linter and the renderer alike. Documents that span several
 * files link as their own site allowed: a fragment alone may name a heading in another chapter
 * (the chapters were one page there), and a hand-typed fragment may miss the slug by a double
 * hyphen, a capital or an accent. Looked for in this order:
 *
 * 1. the article named (`other.md#x`), or this article for `#x`;
 * 2. for `#x` only: another article of the issue that has `x` (the next one in reading order
 *    first, when several have it);
 * 3. a near miss: the one anchor whose folded spelling is the fragment's, first in the article
 *    named (or this one), then, for `#x` only, in the whole issue. Two that fit are no answer.
 */
import type { Root } from 'mdast';
import GithubSlugger from 'github-slugger';
import { anchorIds } from './anchors.ts';

export interface AnchoredArticle {
  /** The article's file name in the issue (`gesprek.md`). */
  name: string;
  tree: Root;
  /** The title, which the loader may have taken out of the tree: its slug names the article. */
  data: { title: string };
}

export interface AnchorTarget {
  /** The name of the article the anchor is in. */
  article: string;
  /** Undefined: the article itself, named by the slug of its title. */
  id: string | undefined;
  /** Found by its folded spelling, not as written: worth a warning. */
  near: boolean;
}

/**
 * `page`: the article the link names, or undefined for a fragment alone. Undefined when the
 * anchor exists nowhere the link may lead.
 */
export function resolveAnchor(
  articles: readonly AnchoredArticle[],
  from: AnchoredArticle,
  page: AnchoredArticle | undefined,
  fragment: string,
): AnchorTarget | undefined {
  const home = page ?? from;
  const others = page ? [] : readingOrderFrom(articles, from);
  for (const article of [home, ...others]) {
    const exact = namedIn(article, fragment, (each) => each);
    if (exact) return { ...exact, near: false };
  }
  return nearMiss([home], fragment) ?? (page ? undefined : nearMiss(others, fragment));
}

/** The anchor of `article` whose spelling, read by `spell`, is `wanted`; the title last. */
function namedIn(
  article: AnchoredArticle,
  wanted: string,
  spell: (text: string) => string,
): Omit<AnchorTarget, 'near'> | undefined {
  for (const id of anchorIds(article.tree)) if (spell(id) === wanted) return { article: article.name, id };
  return spell(titleAnchor(article)) === wanted ? { article: article.name, id: undefined } : undefined;
}

/** The id the title had as a heading: `# Bomos gebruiken` is `#bomos-gebruiken`. */
function titleAnchor(article: AnchoredArticle): string {
  return new GithubSlugger().slug(article.data.title);
}

/** The articles after `from` in reading order, then those before it (nearest first). */
function readingOrderFrom(articles: readonly AnchoredArticle[], from: AnchoredArticle): AnchoredArticle[] {
  const index = articles.findIndex((article) => article.name === from.name);
  return [...articles.slice(index + 1), ...articles.slice(0, Math.max(index, 0)).reverse()];
}

function nearMiss(articles: readonly AnchoredArticle[], fragment: string): AnchorTarget | undefined {
  const wanted = folded(fragment);
  if (wanted === '') return undefined;
  const fits: Omit<AnchorTarget, 'near'>[] = [];
  for (const article of articles) {
    for (const id of anchorIds(article.tree)) if (folded(id) === wanted) fits.push({ article: article.name, id });
    if (folded(titleAnchor(article)) === wanted) fits.push({ article: article.name, id: undefined });
  }
  return fits.length === 1 ? { ...fits[0]!, near: true } : undefined;
}

/** A spelling as slugging may have changed it: no accents, no case, one hyphen between words. */
export function folded(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The warning for a near miss, the same words from the linter and the build. */
export function nearMissMessage(fragment: string, target: AnchorTarget, from: string): string {
  const where = target.article === from && target.id !== undefined ? '' : target.article;
  const anchor = target.id === undefined ? '' : `#${target.id}`;
  return `Unexpected anchor \`#${fragment}\`, expected \`${where}${anchor}\` (linked there)`;
}
