/**
 * image-alt-filename — alt text describes the photo; a file name or "Foto van …" does not
 * (a screen reader already says "afbeelding", so "foto van" is heard twice).
 */
import path from 'node:path';
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { RuleModule } from '../types.ts';
import { articleRule, quote } from '../util/rule.ts';

const id = 'image-alt-filename';

/** Words that announce an image, in the languages editors paste from. */
const redundantStart = /^(?:foto|afbeelding|plaatje|beeld|illustratie|image|picture|photo|photograph)\s+(?:van|of)\b/iu;
const fileName = /^[^\s/\\]+\.(?:jpe?g|png|gif|webp|avif|tiff?|heic|bmp|svg)$/iu;
/** What cameras and phones call their files: IMG_2034, DSC01234, PXL_20220412_… */
const cameraName = /^(?:IMG|DSC|DSCN|DSCF|DCIM|PXL|MVIMG|P)[_-]?\d{3,}/u;

export function filenameProblem(alt: string, url: string): string | undefined {
  const text = alt.trim();
  if (text === '') return undefined;
  if (
    fileName.test(text) ||
    cameraName.test(text) ||
    text === path.basename(url) ||
    text === path.basename(url, path.extname(url))
  ) {
    return `Unexpected file name ${quote(text)} as alt text, expected a description of what the photo shows`;
  }
  const start = redundantStart.exec(text);
  if (start) {
    return (
      `Unexpected alt text starting with ${quote(start[0])}, expected ` +
      'the description itself: a screen reader already announces an image'
    );
  }
  return undefined;
}

export const imageAltFilename: RuleModule = {
  id,
  docs:
    'Alt text is not a file name (`IMG_2034.jpg`) and does ' +
    'not start with “foto van” / “afbeelding van” / “image ' +
    'of”.',
  severity: 'error',
  examples: {
    bad: [
      {
        caption: 'The camera’s file name as alt text.',
        markdown: '![IMG_2034.jpg](erik-pool.jpg)\n',
        issue: { images: ['erik-pool.jpg'] },
        messages: [
          {
            line: 1,
            message: 'Unexpected file name ‘IMG_2034.jpg’ as alt text, expected a description of what the photo shows',
          },
        ],
      },
      {
        caption: '“Foto van”: the screen reader has already said “afbeelding”.',
        markdown: '![Foto van Erik Pool](erik-pool.jpg)\n',
        issue: { images: ['erik-pool.jpg'] },
        messages: [
          {
            line: 1,
            message:
              'Unexpected alt text starting with ‘Foto van’, expected the description itself: a screen reader ' +
              'already announces an image',
          },
        ],
      },
    ],
    good: [
      {
        caption: 'The description itself.',
        markdown: '![Erik Pool zit aan een vergadertafel en lacht](erik-pool.jpg)\n',
        issue: { images: ['erik-pool.jpg'] },
      },
    ],
  },
  plugin: articleRule(id, (tree, file) => {
    visit(tree, (node: Nodes) => {
      if (node.type !== 'image' && node.type !== 'imageReference') return;
      const problem = filenameProblem(node.alt ?? '', node.type === 'image' ? node.url : '');
      if (problem) file.message(problem, node);
    });
  }),
};
