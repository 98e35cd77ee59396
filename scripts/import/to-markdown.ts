/**
 * mammoth's HTML → hast → mdast → the Markdown text of the article, with its front matter.
 * Every step that decides something about the article is a file of its own: notes, tables,
 * the article's fields, headings, figures, pictures.
 */
import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import type { BlockContent, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as yamlStringify } from 'yaml';
import { takeArticleFields, type ArticleFields } from './article-fields.ts';
import { captionedFigures } from './figures.ts';
import { handlers } from './handlers.ts';
import { headingsUnderTitle } from './headings.ts';
import { definition, takeNotes } from './notes.ts';
import type { DocumentProperties } from './ooxml/properties.ts';
import { checkPictures } from './pictures.ts';
import { tableWarnings } from './tables.ts';
import type { ImportWarning } from './warning.ts';

export interface Article {
  fields: ArticleFields;
  markdown: string;
  warnings: ImportWarning[];
}

export function htmlToArticle(html: string, properties: DocumentProperties, fallbackTitle: string): Article {
  const hast = fromHtml(html, { fragment: true }) as HastRoot;
  const notes = takeNotes(hast);
  const warnings = tableWarnings(hast);
  const tree = toMdast(hast, { handlers }) as Root;
  const fields = takeArticleFields(tree, properties, fallbackTitle);
  headingsUnderTitle(tree);
  warnings.push(...captionedFigures(tree));
  for (const note of notes) {
    const body = toMdast({ type: 'root', children: note.element.children }, { handlers }) as Root;
    tree.children.push(definition(note.identifier, body.children as BlockContent[]));
  }
  warnings.push(...checkPictures(tree));
  return { fields, markdown: `${frontMatter(fields)}\n${stringify(tree)}`, warnings };
}

function frontMatter(fields: ArticleFields): string {
  return `---\n${yamlStringify(fields, { lineWidth: 100 })}---\n`;
}

function stringify(tree: Root): string {
  return unified()
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkStringify, {
      bullet: '-',
      emphasis: '*',
      strong: '*',
      rule: '-',
      listItemIndent: 'one',
      fences: true,
      incrementListMarker: true,
    })
    .stringify(tree);
}
