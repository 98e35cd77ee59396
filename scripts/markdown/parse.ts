/**
 * The one Markdown parser. Every stage (lint, images, render) walks the trees made here,
 * so each manuscript is read and parsed exactly once per build.
 */
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGemoji from 'remark-gemoji';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { remarkAlerts } from './alerts.ts';
import { markerFlood, MAX_MARKERS_PER_PARAGRAPH } from './marker-flood.ts';
import { MAX_NESTING, tooDeep, type TooDeep } from './nesting.ts';

// What GitHub renders besides GFM: `$…$` formulas, `:tada:` shortcodes and `> [!NOTE]` alerts.
const parser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkMath)
  .use(remarkGemoji)
  .use(remarkAlerts)
  .freeze();
/**
 * The same block structure without GFM, whose tree transforms recurse: only to find where an article nests too
 * deeply.
 */
const structureOnly = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDirective).freeze();

/**
 * Parses a manuscript. An article nested too deeply for the tools after the parser (see
 * `nesting.ts`) gets a fatal message at the line where it goes too deep, and its tree is
 * returned as parsed, without the plugins' transforms.
 */
export function parseMarkdown(file: VFile): Root {
  const flood = markerFlood(String(file.value));
  if (flood) {
    const message = file.message(
      `Unexpected ${flood.count}+ brackets or emphasis markers in one paragraph: at most ` +
        `${MAX_MARKERS_PER_PARAGRAPH} can be read in reasonable time; split the paragraph or remove the markers`,
      { place: flood.place, ruleId: 'marker-flood', source: 'persklaar' },
    );
    message.fatal = true;
    return { type: 'root', children: [] };
  }
  let tree: Root;
  let deep: TooDeep | undefined;
  try {
    tree = parser.parse(file);
    deep = tooDeep(tree);
  } catch (error) {
    // GFM's autolink transform walks the tree recursively, inside the parser: a stack
    // overflow there means the nesting is too deep; the plain structure says where.
    if (!(error instanceof RangeError)) throw error;
    tree = structureOnly.parse(file);
    deep = tooDeep(tree) ?? { depth: MAX_NESTING, place: undefined };
  }
  if (deep) {
    const message = file.message(
      `Unexpected nesting ${deep.depth} levels deep: lists, quotes, directives and HTML ` +
        `elements inside each other may go ${MAX_NESTING} levels deep; flatten the structure`,
      { place: deep.place, ruleId: 'nesting', source: 'persklaar' },
    );
    message.fatal = true;
    return tree;
  }
  return parser.runSync(tree, file) as Root;
}
