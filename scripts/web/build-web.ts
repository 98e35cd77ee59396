/**
 * The web edition: `index.html` (cover and contents) and one page per article, the theme
 * as one stylesheet, fonts beside it, photography as `<picture>`s. Written into `webDir`,
 * which the build swaps into place whole.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'hast';
import type { Issue } from '../issue/load.ts';
import type { ProcessedImage } from '../images/types.ts';
import { rewriteIssueLinks } from '../render/links.ts';
import { toHtml } from '../render/serialize.ts';
import { writeThemeAssets } from '../render/theme.ts';
import { themeTokens } from '../issue/theme.ts';
import type { RenderedArticle } from '../render/to-hast.ts';
import { articlePage } from './article-page.ts';
import { indexPage } from './index-page.ts';
import { pictures } from './pictures.ts';
import { markPrintPages } from './print-pages.ts';
import { frontPageNumbers, heldStartPage, type PrintedPages } from '../render/print-pages.ts';
import { cloneTree } from '../util/clone.ts';

export interface WebPage {
  file: string;
  tree: Root;
}

/** `printed`: where the print's pages begin, for their `#p17` anchors (none without a print). */
export function webPages(issue: Issue, rendered: RenderedArticle[], printed?: PrintedPages): WebPage[] {
  const articleIds = new Set(issue.articles.map((article) => article.id));
  const order = issue.articles.map((article) => article.id);
  return [
    { file: 'index.html', tree: indexPage(issue, printed ? frontPageNumbers(printed) : []) },
    ...rendered.map(({ article, body }, index) => {
      // The shared hast stays as rendered: this edition's changes go to its own copy.
      const webBody = cloneTree(body);
      rewriteIssueLinks(
        webBody,
        articleIds,
        ({ article: target, fragment }) =>
          `${target === undefined ? '' : `${target}.html`}${fragment === undefined ? '' : `#${fragment}`}`,
      );
      markPrintPages(webBody, printed, article.id);
      const startPage = printed && heldStartPage(printed, order, article.id);
      return { file: `${article.id}.html`, tree: articlePage(issue, { article, body: webBody }, index, startPage) };
    }),
  ];
}

export async function buildWeb(
  issue: Issue,
  rendered: RenderedArticle[],
  images: Map<string, ProcessedImage>,
  webDir: string,
  printed?: PrintedPages,
): Promise<string[]> {
  const pages = webPages(issue, rendered, printed);
  await Promise.all([
    writeThemeAssets(webDir, 'web.css', themeTokens(issue.theme)),
    ...pages.map(async (page) => {
      pictures(page.tree, images, webDir);
      await writeFile(path.join(webDir, page.file), toHtml(page.tree));
    }),
  ]);
  return pages.map((page) => page.file);
}
