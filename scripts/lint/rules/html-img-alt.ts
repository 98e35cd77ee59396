/**
 * html-img-alt — raw HTML `<img>` in a manuscript has an `alt` attribute too. (`alt=""`
 * is allowed: it is how HTML marks an image as decoration, on purpose.)
 */
import type { Element, Nodes as HastNodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Html } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import type { RuleModule } from '../types.ts';
import { articleRule } from '../util/rule.ts';
import { pointAt, sourceOf } from '../util/source.ts';

const id = 'html-img-alt';

export const htmlImgAlt: RuleModule = {
  id,
  docs: 'A raw HTML `<img>` has an `alt` attribute (`alt=""` marks decoration on purpose).',
  severity: 'error',
  examples: {
    bad: [
      {
        caption: 'An HTML image without `alt`.',
        markdown: '<img src="grafiek.png">\n',
        issue: { images: ['grafiek.png'] },
        messages: [
          {
            line: 1,
            message: 'Unexpected HTML <img> `grafiek.png` without alt, expected `alt="…"` describing the image',
          },
        ],
      },
    ],
    good: [
      {
        caption: 'An HTML image with alt text.',
        markdown: '<img src="grafiek.png" alt="Het aantal meldingen verdubbelde tussen 2020 en 2022">\n',
        issue: { images: ['grafiek.png'] },
      },
      {
        caption: '`alt=""`: decoration, on purpose.',
        markdown: '<img src="lijn.png" alt="">\n',
        issue: { images: ['lijn.png'] },
      },
    ],
  },
  plugin: articleRule(id, (tree, file) => {
    // Only `html` nodes: HTML written inside code spans or code blocks is code, not an image.
    visit(tree, 'html', (node: Html) => {
      if (!/<img\b/i.test(node.value)) return;
      const fragment = fromHtml(node.value, { fragment: true });
      visit(fragment, 'element', (element: Element) => {
        if (element.tagName !== 'img' || 'alt' in element.properties) return;
        const src = typeof element.properties.src === 'string' ? ` \`${element.properties.src}\`` : '';
        file.message(
          `Unexpected HTML <img>${src} without alt, expected \`alt="…"\` describing the image`,
          placeOf(file, node, element),
        );
      });
    });
  }),
};

/** The element's own line when the HTML is written as-is; the HTML node's start otherwise. */
function placeOf(file: VFile, node: Html, element: HastNodes): Point | undefined {
  const raw = sourceOf(file, node);
  const inner = element.position?.start.offset;
  if (raw && raw.text === node.value && inner !== undefined) return pointAt(file, raw.offset + inner);
  return node.position?.start;
}
