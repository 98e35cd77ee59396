/**
 * image-missing — every image the issue uses exists beside the manuscript or in `images/`,
 * resolved exactly as the build resolves it, the cover in issue.yaml too.
 */
import { collectImages } from '../../issue/image-references.ts';
import { resolveImagePath } from '../../issue/image-path.ts';
import type { RuleModule } from '../types.ts';
import { reportAt } from '../util/report.ts';

const id = 'image-missing';

export const imageMissing: RuleModule = {
  id,
  docs:
    'Every image file (cover included) exists beside the ' +
    'manuscript or in `images/`, resolved as the build resolves it.',
  severity: 'error',
  examples: {
    bad: [
      {
        caption: 'A typo in the file name.',
        markdown: '![Erik Pool aan tafel](erik-pol.jpg)\n',
        issue: { images: ['erik-pool.jpg'] },
        messages: [
          {
            line: 1,
            message: 'Unexpected image `erik-pol.jpg`: the file does not exist in images/ nor beside the manuscript',
          },
        ],
      },
    ],
    good: [
      {
        caption: 'The name of a file in images/.',
        markdown: '![Erik Pool aan tafel](erik-pool.jpg)\n',
        issue: { images: ['erik-pool.jpg'] },
      },
    ],
  },
  async check(context) {
    const { issue } = context;
    // The image stage's own list: bare images, figures, reference images and the cover.
    for (const reference of collectImages(issue)) {
      const resolution = await resolveImagePath(reference.name, issue.imagesDir, reference.baseDir, issue.dir);
      if (resolution.ok) continue;
      reportAt(reference.file, `Unexpected image \`${reference.name}\`: ${resolution.reason}`, reference.position, id);
    }
  },
};
