/**
 * The cover as a page of the web edition and of the EPUB: masthead, photo, the cover quote and
 * the teasers linking to their articles. Each edition gives what differs at its edge: the
 * photo's attributes and where an article lives.
 */
import { h } from 'hastscript';
import type { Element, ElementContent, Properties } from 'hast';
import { issueDate, issueNumber, mastheadOf } from '../issue/format.ts';
import type { Issue } from '../issue/load.ts';

export interface CoverOptions {
  /** Id of the cover's h1 (the section is labelled by it). */
  titleId: string;
  /** Attributes of the cover photo besides `alt`. */
  image: Properties;
  /** Where the article file `name` (as in issue.yaml) is found from this page. */
  hrefOf: (name: string) => string;
  /** Put before everything else in the section (the EPUB's page-break marker). */
  before?: ElementContent;
  /** Attributes of the logo from thema.yaml besides `alt`, when there is one. */
  logo?: Properties;
}

export function coverSection(issue: Issue, options: CoverOptions): Element {
  const { meta } = issue;
  const cover = meta.cover;
  return h('section.cover', { ariaLabelledBy: options.titleId }, [
    options.before,
    // The masthead says the name in words: the logo beside it is decoration.
    options.logo ? h('img.cover-logo', { ...options.logo, alt: '' }) : undefined,
    h(`h1.cover-title`, { id: options.titleId }, [
      h('span.cover-masthead', mastheadOf(issue)),
      ' ',
      h('span.cover-issue', [issueNumber(meta, ' · '), issueDate(meta)]),
    ]),
    meta.subtitle ? h('p.cover-subtitle', meta.subtitle) : undefined,
    cover
      ? h('figure.cover-figure', [
          h('img', { ...options.image, alt: cover.alt }),
          cover.person || cover.credit
            ? h('figcaption', [
                cover.person ?? '',
                cover.credit ? h('span.credit', ` Foto: ${cover.credit}`) : undefined,
              ])
            : undefined,
        ])
      : undefined,
    cover?.quote
      ? h('blockquote.cover-quote', [
          h('p', `‘${cover.quote}’`),
          cover.person ? h('p.cover-quote-source', cover.person) : undefined,
        ])
      : undefined,
    cover && cover.teasers.length > 0
      ? h(
          'ul.cover-teasers',
          { ariaLabel: 'Uitgelicht' },
          cover.teasers.map((teaser) =>
            h('li', [
              h('a', { href: options.hrefOf(teaser.article) }, [
                h('strong', teaser.title),
                teaser.text ? h('span', [' ', teaser.text]) : undefined,
              ]),
            ]),
          ),
        )
      : undefined,
  ]);
}
