/** The web edition's front page: the cover as printed, then the contents of the issue. */
import { h } from 'hastscript';
import type { Root } from 'hast';
import { issueDate, issueLabel } from '../issue/format.ts';
import { coverSection } from '../render/cover.ts';
import type { Issue } from '../issue/load.ts';
import { webPage } from './page.ts';
import { printPageMarker } from './print-pages.ts';

/** `frontPages`: the print pages of the cover and the contents, marked where each begins. */
export function indexPage(issue: Issue, frontPages: readonly number[] = []): Root {
  const { meta } = issue;
  const cover = meta.cover;
  const byName = new Map(issue.articles.map((article) => [article.name, article]));
  const link = (name: string) => `${byName.get(name)?.id ?? name.replace(/\.md$/, '')}.html`;

  const coverPart = coverSection(issue, {
    titleId: 'nummer-titel',
    image: { src: cover?.image, dataPlacement: 'cover' },
    hrefOf: link,
    logo: issue.theme?.logo ? { src: issue.theme.logo, dataPlacement: 'portrait' } : undefined,
  });

  const contents = h('section.contents', { ariaLabelledBy: 'inhoud-titel' }, [
    h('h2#inhoud-titel', 'In dit nummer'),
    h(
      'ol.contents-list',
      issue.articles.map((article) =>
        h('li', [
          article.data.kicker ? h('p.kicker', article.data.kicker) : undefined,
          h('h3.contents-title', [h('a', { href: `${article.id}.html` }, article.data.title)]),
          article.data.lead ? h('p.contents-lead', article.data.lead) : undefined,
        ]),
      ),
    ),
  ]);

  return webPage({
    issue,
    title: `${issueLabel(meta)} — ${issueDate(meta)}`,
    description: cover?.quote,
    bodyClass: 'page-index',
    main: [
      ...frontPages.filter((page) => page === 1).map(printPageMarker),
      coverPart,
      ...frontPages.filter((page) => page > 1).map(printPageMarker),
      contents,
    ],
  });
}
