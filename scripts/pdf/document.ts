/**
 * The print edition as one HTML document: cover, contents, then every article on its own
 * named page (`page: art-<id>`) so each gets its own running head from `@page art-<id>`.
 * Contents page numbers come from the page map (Chromium has no `target-counter()`): the
 * first print reads where articles start, and the numbers are filled in from that.
 */
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { Element, ElementContent, Root } from 'hast';
import { issueDate, issueLabel, issueNumber, mastheadOf, shortTitle } from '../issue/format.ts';
import type { Issue } from '../issue/load.ts';
import type { RenderedArticle } from '../render/to-hast.ts';
import { prefixIds, rewriteIssueLinks } from '../render/links.ts';
import { unlinkLocalFiles } from '../render/local-links.ts';
import { hyphenateTree } from './hyphenate.ts';
import { openDetails } from '../render/open-details.ts';
import { printableNoteBoxes } from './note-boxes.ts';
import { CHARACTERS_PER_PIECE, splitLongParagraphs } from './long-paragraphs.ts';
import { articleHeader } from '../render/article-header.ts';
import { cloneTree } from '../util/clone.ts';

/** Where each article starts in the printed PDF (1-based page numbers), by article id. */
export type StartPages = Record<string, number>;

/** A CSS page name and an HTML id in one: `art-` + the article id, made safe for both. */
export const articleAnchor = (id: string): string => `art-${id.replace(/[^A-Za-z0-9-]/g, '-')}`;

/** Every article's anchor, by article id. */
export function articleAnchors(issue: Issue): Record<string, string> {
  return Object.fromEntries(issue.articles.map((article) => [article.id, articleAnchor(article.id)]));
}

export function printDocument(issue: Issue, rendered: RenderedArticle[], startPages: StartPages | undefined): Root {
  const { meta } = issue;
  const articleIds = new Set(issue.articles.map((article) => article.id));
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: meta.language }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('title', `${issueLabel(meta)} — ${issueDate(meta)}`),
          h('link', { rel: 'stylesheet', href: 'assets/print.css' }),
          ...runningHeads(issue),
        ]),
        h('body', [
          coverPage(issue),
          contentsPage(issue, startPages),
          ...rendered.map((article) => articlePages(article, articleIds)),
        ]),
      ]),
    ],
  };
}

function coverPage(issue: Issue): Element {
  const { meta } = issue;
  const cover = meta.cover;
  const byName = new Map(issue.articles.map((article) => [article.name, article]));
  return h('section.cover', { ariaLabel: 'Omslag' }, [
    cover ? h('img.cover-photo', { src: cover.image, alt: cover.alt, dataPlacement: 'cover' }) : undefined,
    h('div.cover-top', [
      // The masthead says the name in words: the logo above it is decoration.
      issue.theme?.logo
        ? h('img.cover-logo', { src: issue.theme.logo, alt: '', dataPlacement: 'portrait' })
        : undefined,
      meta.publisher ? h('p.cover-publisher', meta.publisher) : undefined,
      h('h1.cover-title', [
        h('span.cover-masthead', mastheadOf(issue)),
        ...(meta.number === undefined ? [] : [' ', h('span.cover-issue', issueNumber(meta))]),
      ]),
      h('p.cover-date', issueDate(meta)),
    ]),
    cover?.quote
      ? h('blockquote.cover-quote', [
          h('p', `‘${cover.quote}’`),
          cover.person ? h('p.cover-quote-source', cover.person) : undefined,
        ])
      : undefined,
    cover && cover.teasers.length > 0
      ? h(
          'ul.cover-teasers',
          cover.teasers.map((teaser) => {
            const target = byName.get(teaser.article);
            return h('li', [
              h('a', { href: target ? `#${articleAnchor(target.id)}` : undefined }, [
                h('strong', teaser.title),
                teaser.text ? h('span', teaser.text) : undefined,
              ]),
            ]);
          }),
        )
      : undefined,
    cover?.credit ? h('p.cover-credit', `Foto omslag: ${cover.credit}`) : undefined,
  ]);
}

function contentsPage(issue: Issue, startPages: StartPages | undefined): Element {
  return h('section.contents', { ariaLabelledBy: 'inhoud' }, [
    h('h2#inhoud', 'In dit nummer'),
    h(
      'ol.contents-list',
      issue.articles.map((article) => {
        const page = startPages?.[article.id];
        return h('li', [
          h('a', { href: `#${articleAnchor(article.id)}` }, [
            h('span.contents-page', { dataArticle: article.id }, page === undefined ? '–' : String(page)),
            h('span.contents-entry', [
              article.data.kicker ? h('span.contents-kicker', article.data.kicker) : undefined,
              h('span.contents-title', article.data.title),
            ]),
          ]),
        ]);
      }),
    ),
    issue.meta.highlights.length > 0
      ? h('div.highlights', [
          h('h3', 'Uitgelicht'),
          h(
            'ul',
            issue.meta.highlights.map((highlight) => {
              const target = issue.articles.find((article) => article.name === highlight.article);
              return h('li', [
                h('a', { href: target ? `#${articleAnchor(target.id)}` : undefined }, [
                  h('strong', highlight.title),
                  highlight.text ? h('span', ` ${highlight.text}`) : undefined,
                ]),
              ]);
            }),
          ),
        ])
      : undefined,
  ]);
}

function articlePages({ article, body }: RenderedArticle, articleIds: ReadonlySet<string>): Element {
  const { data } = article;
  const anchor = articleAnchor(article.id);
  const content = cloneTree(body);
  openDetails(content);
  printableNoteBoxes(content);
  // All articles share one document here: ids get the article's prefix, links follow.
  prefixIds(content, `${anchor}--`);
  rewriteIssueLinks(content, articleIds, ({ article: target, fragment }) => {
    const targetAnchor = target === undefined ? anchor : articleAnchor(target);
    return fragment === undefined ? `#${targetAnchor}` : `#${targetAnchor}--${fragment}`;
  });
  unlinkLocalFiles(content);
  // An article shorter than a piece has no paragraph to cut, nor a column set to fill.
  const length = String(article.file.value).length;
  if (length > CHARACTERS_PER_PIECE) splitLongParagraphs(content);
  hyphenateTree(content);
  markAddresses(content);
  return h(
    `article.article.kind-${data.kind}`,
    { id: anchor, style: `page: ${anchor}`, ariaLabelledBy: `${anchor}-titel` },
    [
      articleHeader(data, `${anchor}-titel`),
      ...columnSets(content.children as ElementContent[], length > CHARACTERS_PER_COLUMN_SET),
    ],
  );
}

/**
 * Chromium lays out one multi-column flow across many pages in time that grows much faster
 * than its length (a 1 MB article: 20 s in columns, 2 s without; 5 MB: beyond any deadline).
 * A long body is therefore set as consecutive column sets of at most this many blocks, each
 * balanced on its own; an article of ordinary length stays one set.
 */
const BLOCKS_PER_COLUMN_SET = 150;
/** The same for a few very long blocks (the pieces of a long paragraph): a set holds at most this much text. */
const CHARACTERS_PER_COLUMN_SET = 100_000;

function columnSets(children: ElementContent[], countCharacters: boolean): Element[] {
  const sets: ElementContent[][] = [[]];
  let blocks = 0;
  let characters = 0;
  for (const child of children) {
    const size = countCharacters && child.type === 'element' ? toString(child).length : 0;
    if (
      child.type === 'element' &&
      (++blocks > BLOCKS_PER_COLUMN_SET || (characters > 0 && characters + size > CHARACTERS_PER_COLUMN_SET))
    ) {
      sets.push([]);
      blocks = 1;
      characters = 0;
    }
    characters += size;
    sets.at(-1)!.push(child);
  }
  return sets.map((set) => h('div.article-body', set));
}

/**
 * Links whose text is a short address (no spaces and no break opportunity: an e-mail address,
 * a domain) are set as inline-blocks: Chromium 156 drops the link annotation of such a link
 * when its paragraph continues from an earlier page inside columns, and it cannot wrap anyway.
 * A long address stays inline, to break at its `<wbr>` (an inline-block would move whole to
 * the next line and leave the line before it stretched).
 */
function markAddresses(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (node.tagName === 'a' && !/\s/.test(toString(node).trim()) && !hasBreakOpportunity(node)) {
      node.properties.className = [...((node.properties.className as string[] | undefined) ?? []), 'address'];
    }
  });
}

function hasBreakOpportunity(node: Element): boolean {
  let found = false;
  visit(node, 'element', (child) => {
    if (child.tagName === 'wbr') found = true;
  });
  return found;
}

/**
 * One named page per article, carrying its running head; the cover has none. A style element
 * each, named by its page (`data-page`), so that an article printed alone carries its own.
 */
function runningHeads(issue: Issue): Element[] {
  const label = `${issueLabel(issue.meta)} · ${issueDate(issue.meta)}`;
  return issue.articles.map((article) => {
    const page = articleAnchor(article.id);
    return h(
      'style',
      { dataPage: page },
      `@page ${page} { @top-left { content: ${cssString(label)}; } ` +
        `@top-right { content: ${cssString(shortTitle(article))}; } }`,
    );
  });
}

function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
}
