/**
 * article-listed — every Markdown file in the issue folder is an article listed in
 * `issue.yaml` (README.md aside). An unlisted file is not published: usually it was
 * forgotten in the list. (A listed article that is missing stops the loader itself, reported
 * on its line in issue.yaml as `article-list`: nothing can be built without it.)
 */
import path from 'node:path';
import { VFile } from 'vfile';
import { unlistedArticles } from '../../issue/load.ts';
import { displayPath } from '../../util/text-file.ts';
import type { RuleModule } from '../types.ts';
import { reportAt } from '../util/report.ts';

const id = 'article-listed';

export const articleListed: RuleModule = {
  id,
  docs: 'Every `.md` file in the issue folder (but `README.md`) is listed under `articles:` in `issue.yaml`.',
  severity: 'warning',
  examples: {
    bad: [
      {
        caption: '`nieuw-interview.md` lies in the folder but is not under `articles:`.',
        markdown: 'Tekst.\n',
        issue: { unlisted: { 'nieuw-interview.md': '---\ntitle: Nieuw interview\n---\n\nTekst.\n' } },
        messages: [
          {
            file: 'nieuw-interview.md',
            line: 1,
            message:
              'Unexpected article `nieuw-interview.md` that issue.yaml does not list, expected it under ' +
              '`articles:` (or the file removed): it is not published',
          },
        ],
      },
    ],
    good: [
      {
        caption: 'Listed, it is an article; `README.md` never is one.',
        markdown: 'Tekst.\n',
        issue: {
          articles: { 'nieuw-interview.md': 'Tekst.\n' },
          unlisted: { 'README.md': '# Aantekeningen bij dit nummer\n' },
        },
      },
    ],
  },
  async check(context) {
    for (const name of await unlistedArticles(context.issue)) {
      const file = new VFile({ path: displayPath(path.join(context.issue.dir, name)) });
      reportAt(
        file,
        `Unexpected article \`${name}\` that issue.yaml does not list, expected ` +
          `it under \`articles:\` (or the file removed): it is not published`,
        { line: 1, column: 1 },
        id,
      );
      context.extraFiles.push(file);
    }
  },
};
