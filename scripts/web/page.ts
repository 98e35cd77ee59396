/**
 * The web edition's page shell: one h1 per page, landmarks (banner, navigation, main,
 * contentinfo), a skip link as the first focusable element, `lang` from the issue.
 */
import { h } from 'hastscript';
import type { ElementContent, Root } from 'hast';
import { issueDate, issueLabel, issueNumber, mastheadOf } from '../issue/format.ts';
import type { Issue } from '../issue/load.ts';

export interface PageInput {
  issue: Issue;
  /** Text of <title>. */
  title: string;
  description?: string;
  /** Content of <main>. */
  main: ElementContent[];
  /** The article file this page shows, to mark it in the issue navigation. */
  current?: string;
  bodyClass: string;
}

export function webPage({ issue, title, description, main, current, bodyClass }: PageInput): Root {
  const { meta } = issue;
  const label = issueLabel(meta);
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: meta.language }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', title),
          description ? h('meta', { name: 'description', content: description }) : undefined,
          h('meta', { name: 'color-scheme', content: 'light' }),
          h('link', { rel: 'stylesheet', href: 'assets/web.css' }),
        ]),
        h(`body.${bodyClass}`, [
          h('a.skip-link', { href: '#inhoud' }, 'Naar de inhoud'),
          h('header.site-header', [
            h('a.site-title', { href: 'index.html' }, [
              h('span.site-title-name', mastheadOf(issue)),
              ' ',
              h('span.site-title-issue', `${issueNumber(meta, ' · ')}${issueDate(meta)}`),
            ]),
            issueNav(issue, current),
          ]),
          h('main#inhoud', { tabIndex: -1 }, main),
          h('footer.site-footer', [
            h('p', [`${label}, ${issueDate(meta)}`, meta.publisher ? ` · ${meta.publisher}` : '']),
            meta.rights ? h('p', meta.rights) : undefined,
          ]),
        ]),
      ]),
    ],
  };
}

function issueNav(issue: Issue, current: string | undefined) {
  return h('nav.issue-nav', { ariaLabel: 'Artikelen in dit nummer' }, [
    h('details', [
      h('summary', 'In dit nummer'),
      h(
        'ol',
        issue.articles.map((article) =>
          h('li', [
            h(
              'a',
              { href: `${article.id}.html`, ariaCurrent: article.name === current ? 'page' : undefined },
              article.data.running_head ?? article.data.title,
            ),
          ]),
        ),
      ),
    ]),
  ]);
}
