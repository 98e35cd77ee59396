/**
 * The EPUB 3 edition: cover page, navigation (contents, print page-list, landmarks) and one
 * content document per article in issue.yaml's order, the theme as one stylesheet with the
 * fontsource faces embedded, photography from the image stage's EPUB variants.
 *
 * epub-gen-memory assembles the package from our templates (`library.ts`); what it cannot do
 * reproducibly is finished in `post-process.ts` and `reproducible-zip.ts`. The same issue,
 * images and time give the same bytes.
 */
import { themeTokens } from '../issue/theme.ts';
import type { Chapter } from 'epub-gen-memory';
import { issueLabel, shortTitle } from '../issue/format.ts';
import type { Issue } from '../issue/load.ts';
import type { ProcessedImage } from '../images/types.ts';
import { toXhtml } from '../render/serialize.ts';
import type { RenderedArticle } from '../render/to-hast.ts';
import { writeFileAtomic } from '../util/output.ts';
import { epubVariant, fileUrl } from './images.ts';
import { assembleWithLibrary } from './library.ts';
import { bookMetadata } from './metadata.ts';
import { foreignProperties, stashForeign } from './foreign.ts';
import { bodyBlocks } from './page-breaks.ts';
import { frontPages, pageBreaksByArticle, pageId, type PageBreak, type PageMap } from './page-map.ts';
import { articlePage, coverPage } from './pages.ts';
import { stableEntries } from './post-process.ts';
import { reproducibleZip } from './reproducible-zip.ts';
import { epubCss, epubFonts } from './styles.ts';
import {
  chapterXhtml,
  contentOpf,
  tocNcx,
  tocXhtml,
  type ChapterExtras,
  type NavEntry,
  type TemplateBook,
} from './templates.ts';

export type { PageMap } from './page-map.ts';

export interface EpubOptions {
  outFile: string;
  pageMap: PageMap;
  /** Seconds since 1970 for every timestamp; default $SOURCE_DATE_EPOCH, else the issue date. */
  sourceDateEpoch?: number;
}

const COVER_FILE = 'cover.xhtml';
const TOC_FILE = 'toc.xhtml';
/** Written by the library under these names; an article may not take them. */
const RESERVED = new Set([COVER_FILE, TOC_FILE]);

export async function buildEpub(
  issue: Issue,
  rendered: RenderedArticle[],
  images: Map<string, ProcessedImage>,
  options: EpubOptions,
): Promise<{ bytes: number }> {
  const bytes = await packEpub(issue, rendered, images, options);
  await writeFileAtomic(options.outFile, bytes);
  return { bytes: bytes.length };
}

/** Every print page in order: the cover's, the contents' and then each article's page breaks. */
function pageListOf(
  coverPageNumber: number | undefined,
  contentsPages: number[],
  articles: RenderedArticle[],
  breaks: Map<string, PageBreak[]>,
  files: Map<string, string>,
): NavEntry[] {
  return [
    ...(coverPageNumber === undefined
      ? []
      : [{ href: `${COVER_FILE}#${pageId(coverPageNumber)}`, label: String(coverPageNumber) }]),
    ...contentsPages.map((page) => ({ href: `${TOC_FILE}#${pageId(page)}`, label: String(page) })),
    ...articles.flatMap((item) =>
      (breaks.get(item.article.id) ?? []).map((pageBreak: PageBreak) => ({
        href: `${files.get(item.article.id)!}#${pageId(pageBreak.page)}`,
        label: String(pageBreak.page),
      })),
    ),
  ];
}

/** The EPUB's bytes, for a caller that writes every output together once all have succeeded. */
export async function packEpub(
  issue: Issue,
  rendered: RenderedArticle[],
  images: Map<string, ProcessedImage>,
  options: Omit<EpubOptions, 'outFile'>,
): Promise<Uint8Array> {
  const time = buildTime(issue, options.sourceDateEpoch);
  const articles = issue.articles.map((article) => {
    const found = rendered.find((candidate) => candidate.article.id === article.id);
    if (!found) throw new Error(`buildEpub: article \`${article.id}\` was not rendered`);
    return found;
  });
  const files = fileNames(articles);
  const hrefOf = (name: string) =>
    files.get(issue.articles.find((article) => article.name === name)?.id ?? '') ?? COVER_FILE;

  const breaks = pageBreaksByArticle(
    issue,
    options.pageMap,
    new Map(articles.map((item) => [item.article.id, bodyBlocks(item.body).length])),
  );
  const marked = new Set([...breaks.values()].flat().map((pageBreak) => pageBreak.page));
  // The printed cover is page 1, the contents follow: their markers are in the cover page and
  // the contents, unless an article claims such a page.
  const front = frontPages(options.pageMap).filter((page) => !marked.has(page));
  const coverPageNumber = front[0] === 1 ? 1 : undefined;
  const contentsPages = front.filter((page) => page !== 1);

  const chapters: (Chapter & ChapterExtras)[] = [
    {
      title: `Omslag — ${issueLabel(issue.meta)}`,
      filename: COVER_FILE,
      content: toXhtml(coverPage(issue, images, hrefOf, coverPageNumber)),
      beforeToc: true,
      manifestId: 'cover',
      bodyClass: 'page-cover',
    },
    ...articles.map((item, index) => {
      const page = articlePage(issue, item, images, breaks.get(item.article.id) ?? [], (id) => files.get(id)!);
      const properties = foreignProperties(page);
      stashForeign(page);
      return {
        title: `${shortTitle(item.article)} — ${issueLabel(issue.meta)}`,
        filename: files.get(item.article.id)!,
        content: toXhtml(page),
        manifestId: `chapter-${index + 1}`,
        bodyClass: `page-article kind-${item.article.data.kind}`,
        properties,
      };
    }),
  ];

  const pageList = pageListOf(coverPageNumber, contentsPages, articles, breaks, files);
  const firstArticle = articles[0] ? files.get(articles[0].article.id)! : COVER_FILE;
  const book: TemplateBook = {
    metadata: bookMetadata(issue, { modified: time, photos: images.size > 0 }),
    coverImageUrl: issue.meta.cover ? fileUrl(epubVariant(images, issue.meta.cover.image)) : undefined,
    tocTitle: 'In dit nummer',
    toc: articles.map((item) => ({ href: files.get(item.article.id)!, label: navLabel(item) })),
    pageList,
    contentsPages: contentsPages.map((page) => ({ id: pageId(page), label: String(page) })),
    landmarks: [
      { type: 'cover', href: COVER_FILE, label: 'Omslag' },
      { type: 'toc', href: `${TOC_FILE}#toc`, label: 'Inhoud' },
      { type: 'bodymatter', href: firstArticle, label: 'Begin van de tekst' },
    ],
  };

  const { zip, images: packed } = await assembleWithLibrary(
    {
      title: book.metadata.title,
      author: book.metadata.creators.map((person) => person.name),
      publisher: issue.meta.publisher,
      lang: issue.meta.language,
      date: time.toISOString(),
      css: await epubCss(themeTokens(issue.theme)),
      fonts: epubFonts(),
      version: 3,
      prependChapterTitles: false,
      contentOPF: contentOpf,
      tocXHTML: tocXhtml,
      tocNCX: tocNcx,
      chapterXHTML: chapterXhtml,
      book,
    },
    chapters,
  );
  return reproducibleZip(await stableEntries(zip, packed), time);
}

/** `SOURCE_DATE_EPOCH` (reproducible-builds.org) wins; otherwise the issue's own date. */
export function buildTime(issue: Issue, sourceDateEpoch?: number): Date {
  const fromEnvironment = process.env.SOURCE_DATE_EPOCH;
  const epoch =
    sourceDateEpoch ?? (fromEnvironment && /^\d+$/.test(fromEnvironment) ? Number(fromEnvironment) : undefined);
  if (epoch !== undefined) return new Date(epoch * 1000);
  const [year, month, day] = issue.meta.date.split('-').map(Number);
  return new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1));
}

/** `coos-maas.xhtml`: the article id, in the characters the library keeps, never a reserved name. */
function fileNames(articles: RenderedArticle[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set(RESERVED);
  for (const { article } of articles) {
    const base = article.id.replace(/\s/g, '_').replace(/[^-._A-Za-z0-9]/g, '') || 'artikel';
    let name = `${base}.xhtml`;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}.xhtml`;
    taken.add(name);
    names.set(article.id, name);
  }
  return names;
}

/** The title, with who it is about when the title does not say (quotes are not names). */
function navLabel({ article }: RenderedArticle): string {
  const { title, running_head: head } = article.data;
  return head && !title.includes(head) ? `${title} — ${head}` : title;
}
