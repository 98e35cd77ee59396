/**
 * The EPUB's content documents as hast, before the library's chapter template wraps them:
 * the cover page from issue.yaml, and per article the title block (as on the web) followed by
 * the shared body with the EPUB's edge transforms. Each document is one section carrying its
 * DPUB-ARIA role, named by its own heading.
 */
import { h } from 'hastscript';
import { coverSection } from '../render/cover.ts';
import type { Element, ElementContent, Root } from 'hast';
import type { Issue } from '../issue/load.ts';
import type { ProcessedImage } from '../images/types.ts';
import { rewriteIssueLinks } from '../render/links.ts';
import { openDetails } from '../render/open-details.ts';
import type { RenderedArticle } from '../render/to-hast.ts';
import { epubImages, epubVariant, fileUrl } from './images.ts';
import { copyrightNotice } from './metadata.ts';
import { insertPageBreaks, pageBreakMarker } from './page-breaks.ts';
import type { PageBreak } from './page-map.ts';
import { prepareForSanitiser } from './sanitiser.ts';
import { articleSemantics, markFootnotes, markPullquotes } from './semantics.ts';
import { articleHeader } from '../render/article-header.ts';
import { cloneTree } from '../util/clone.ts';

export const TITLE_ID = 'artikel-titel';

export function articlePage(
  issue: Issue,
  rendered: RenderedArticle,
  images: ReadonlyMap<string, ProcessedImage>,
  breaks: readonly PageBreak[],
  fileOf: (articleId: string) => string,
): Root {
  const { article } = rendered;
  const { data } = article;
  // The body is shared with the other editions: the EPUB edits its own copy only.
  const body = cloneTree(rendered.body);
  openDetails(body);
  epubImages(body, images);
  // `gesprek.md#kop` → `gesprek.xhtml#kop`: each article is its own content document.
  rewriteIssueLinks(
    body,
    new Set(issue.articles.map((item) => item.id)),
    ({ article: target = article.id, fragment }) => {
      const hash = fragment === undefined ? '' : `#${fragment}`;
      return target === article.id && hash ? hash : `${fileOf(target)}${hash}`;
    },
  );
  markPullquotes(body);
  markFootnotes(body);
  insertPageBreaks(body, breaks);
  const start = breaks.find((pageBreak) => pageBreak.place === undefined);
  const { type, role } = articleSemantics[data.kind];

  const section = h(`section.article.article--${data.kind}`, { 'epub:type': type, role, ariaLabelledBy: TITLE_ID }, [
    start ? pageBreakMarker(start.page) : undefined,
    articleHeader(data, TITLE_ID),
    h('div.article-body', body.children as ElementContent[]),
    data.kind === 'colophon' ? rightsNotice(issue) : undefined,
  ]);
  return sanitiserReady(section);
}

/** The cover as printed: masthead, photo, quote and the cover lines, each a link. */
export function coverPage(
  issue: Issue,
  images: ReadonlyMap<string, ProcessedImage>,
  hrefOf: (article: string) => string,
  page?: number,
): Root {
  const cover = issue.meta.cover;
  const section = coverSection(issue, {
    titleId: 'omslag-titel',
    // The cover photo is the publication's cover image: doc-cover says so to assistive technology.
    image: cover ? { src: fileUrl(epubVariant(images, cover.image)), role: 'doc-cover', 'epub:type': 'cover' } : {},
    hrefOf,
    before: page === undefined ? undefined : pageBreakMarker(page),
    logo: issue.theme?.logo ? { src: fileUrl(epubVariant(images, issue.theme.logo)) } : undefined,
  });
  return sanitiserReady(section);
}

/**
 * The colophon ends with the copyright notice (the renderer has already set the credits from
 * issue.yaml); the EPUB's dc:rights says the same.
 */
function rightsNotice(issue: Issue): Element | undefined {
  const notice = copyrightNotice(issue);
  return notice ? h('p.rights', notice) : undefined;
}

function sanitiserReady(section: Element): Root {
  const tree: Root = { type: 'root', children: [section] };
  prepareForSanitiser(tree);
  return tree;
}
