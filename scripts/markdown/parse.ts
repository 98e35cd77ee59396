/**
 * The one Markdown parser. Every stage (lint, images, render) walks the trees made here,
 * so each manuscript is read and parsed exactly once per build.
 */
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();

export function parseMarkdown(file: VFile): Root {
  return parser.runSync(parser.parse(file), file) as Root;
}
