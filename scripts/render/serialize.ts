/** hast → HTML text, through rehype-stringify, the same way for every page of every edition. */
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { Root } from 'hast';

const html = unified().use(rehypeStringify).freeze();
const xhtml = unified()
  .use(rehypeStringify, {
    space: 'html',
    closeSelfClosing: true,
    closeEmptyElements: true,
    tightSelfClosing: false,
    allowParseErrors: false,
  })
  .freeze();

export function toHtml(tree: Root): string {
  return html.stringify(tree);
}

export function toXhtml(tree: Root): string {
  return xhtml.stringify(tree);
}
