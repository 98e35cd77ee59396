/** The web edition's front page: the cover as printed, then the contents of the issue. */
import { h } from 'hastscript';
import type { Root } from 'hast';
import { issueDate, issueLabel } from '../issue/format.ts';
import type { Issue } from '../issue/load.ts';
import { webPage } from './page.ts';

export function indexPage(issue: Issue): Root {
  const { meta } = issue;
  const cover = meta.cover;
  const byName = new Map(issue.articles.map((article) => [article.name, article]));
  const link = (name: string) => `${byName.get(name)?.id ?? name.replace(/\.md$/, '')}.html`;

  const coverSection = h('section.cover', { ariaLabelledBy: 'nummer-titel' }, [
    h('h1#nummer-titel.cover-title', [
      h('span.cover-masthead', meta.title),
      ' ',
      h('span.cover-issue', `#${String(meta.number ?? '').padStart(2, '0')} · ${issueDate(meta)}`),
    ]),
    meta.subtitle ? h('p.cover-subtitle', meta.subtitle) : undefined,
    cover
      ? h('figure.cover-figure', [
          h('img', { src: cover.image, alt: cover.alt, dataPlacement: 'cover' }),
          h('figcaption', [cover.person ?? '', cover.credit ? h('span.credit', ` Foto: ${cover.credit}`) : undefined].filter((node) => node !== undefined)),
        ])
      : undefined,
    cover?.quote
      ? h('blockquote.cover-quote', [h('p', `‘${cover.quote}’`), cover.person ? h('p.cover-quote-source', cover.person) : undefined].filter((node) => node !== undefined))
      : undefined,
    cover && cover.teasers.length > 0
      ? h('ul.cover-teasers', { ariaLabel: 'Uitgelicht' }, cover.teasers.map((teaser) =>
          h('li', [h('a', { href: link(teaser.article) }, [h('strong', teaser.title), teaser.text ? h('span', teaser.text) : undefined].filter((node) => node !== undefined))])))
      : undefined,
  ].filter((node) => node !== undefined));

  const contents = h('section.contents', { ariaLabelledBy: 'inhoud-titel' }, [
    h('h2#inhoud-titel', 'In dit nummer'),
    h('ol.contents-list', issue.articles.map((article) =>
      h('li', [
        article.data.kicker ? h('p.kicker', article.data.kicker) : undefined,
        h('h3.contents-title', [h('a', { href: `${article.id}.html` }, article.data.title)]),
        article.data.lead ? h('p.contents-lead', article.data.lead) : undefined,
      ].filter((node) => node !== undefined)))),
  ]);

  return webPage({
    issue,
    title: `${issueLabel(meta)} — ${issueDate(meta)}`,
    description: cover?.quote,
    bodyClass: 'page-index',
    main: [coverSection, contents],
  });
}
