/** An article's web page: title block from front matter, the shared body, and a pager. */
import { h } from 'hastscript';
import type { ElementContent, Root } from 'hast';
import { issueLabel, shortTitle } from '../issue/format.ts';
import type { Article, Issue } from '../issue/load.ts';
import type { RenderedArticle } from '../render/to-hast.ts';
import { webPage } from './page.ts';
import { printPageMarker } from './print-pages.ts';
import { articleHeader } from '../render/article-header.ts';

/** `startPage`: the print page the article begins, marked before its title. */
export function articlePage(issue: Issue, rendered: RenderedArticle, index: number, startPage?: number): Root {
  const { article, body } = rendered;
  const { data } = article;
  const previous = issue.articles[index - 1];
  const next = issue.articles[index + 1];
  const header = articleHeader(data, 'artikel-titel');

  const link = (to: Article | undefined, rel: 'prev' | 'next', label: string) =>
    to &&
    h(`a.pager-${rel}`, { href: `${to.id}.html`, rel }, [
      h('span.pager-label', label),
      ' ',
      h('span.pager-title', shortTitle(to)),
    ]);
  const pager = h('nav.pager', { ariaLabel: 'Vorig en volgend artikel' }, [
    link(previous, 'prev', 'Vorig artikel'),
    link(next, 'next', 'Volgend artikel'),
  ]);

  return webPage({
    issue,
    title: `${shortTitle(article)} — ${issueLabel(issue.meta)}`,
    description: data.lead,
    current: article.name,
    bodyClass: `page-article.kind-${data.kind}`,
    main: [
      h(`article.article.article--${data.kind}`, { ariaLabelledBy: 'artikel-titel' }, [
        startPage === undefined ? undefined : printPageMarker(startPage),
        header,
        h('div.article-body', body.children as ElementContent[]),
      ]),
      pager,
    ],
  });
}
