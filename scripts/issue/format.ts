/** How an issue names itself in running text ("Wendbaar #06", "juni 2022") and in a document's metadata. */
import type { Article, Issue } from './load.ts';
import type { IssueMeta } from './schema.ts';

export function issueLabel(meta: IssueMeta): string {
  return meta.number === undefined ? meta.title : `${meta.title} ${issueNumber(meta)}`;
}

/** The name on the cover and at the top of every page: thema.yaml's `naam`, else the title. */
export function mastheadOf(issue: { meta: IssueMeta; theme?: { naam?: string } }): string {
  return issue.theme?.naam ?? issue.meta.title;
}

/** "#06" and what follows it, or nothing at all for an issue without a number. */
export function issueNumber(meta: IssueMeta, after = ''): string {
  return meta.number === undefined ? '' : `#${String(meta.number).padStart(2, '0')}${after}`;
}

/** Formatters by language and form: making one loads locale data, and the date is asked for on every page. */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function issueDate(meta: IssueMeta): string {
  const [year, month, day] = meta.date.split('-').map(Number);
  const date = new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1));
  const key = `${meta.language} ${day === undefined ? 'month' : 'day'}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions =
      day === undefined
        ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
        : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
    formatter = new Intl.DateTimeFormat(meta.language, options);
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}

/** The short form used in running heads and browser tabs. */
export function shortTitle(article: Article): string {
  return article.data.running_head ?? article.data.title;
}

/** The people credited with the text: article authors, else the colophon's text credits. */
export function creatorsOf(issue: Issue): string[] {
  const authors = issue.articles.flatMap((article) => article.data.authors);
  const fromColophon = issue.meta.colophon
    .filter((credit) => /^tekst$/i.test(credit.role))
    .flatMap((credit) => credit.names);
  const creators = [...new Set([...authors, ...fromColophon])];
  return creators.length > 0 ? creators : [issue.meta.publisher ?? issue.meta.title];
}

/** Fixed dates keep builds reproducible: SOURCE_DATE_EPOCH when set, else the issue's date. */
export function issueDateAsDate(issue: Issue): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const [year, month, day] = issue.meta.date.split('-').map(Number);
  return new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1));
}
