/**
 * local-file-exists — a link to a file points at an article of this issue or at a file that
 * exists, relative to the manuscript. A Markdown file that exists but is not listed in
 * issue.yaml gets no page, so a link to it breaks in every edition.
 *
 * Paths that lead out of the issue folder are reported by `local-path-inside` instead.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { linkProblem, type LinkScope } from '../../markdown/link-scope.ts';
import type { LintContext, RuleModule } from '../types.ts';
import { linkedPage } from '../util/articles.ts';
import { classify, decode, linkDestinations } from '../../markdown/links.ts';
import { articleRule } from '../util/rule.ts';

const id = 'local-file-exists';

export const localFileExists: RuleModule = {
  id,
  docs: 'A link to a local file points at an article of the issue or an existing file.',
  severity: 'error',
  examples: {
    bad: [
      {
        caption: 'A typo in an article’s name, and a file that is not there.',
        markdown: '[het gesprek](gesprk.md)\n' + '\n' + '[de folder](folder.pdf)\n',
        issue: { articles: { 'gesprek.md': 'Tekst.\n' } },
        messages: [
          {
            line: 1,
            message: 'Unexpected link to missing file `gesprk.md`, expected a file that exists next to the manuscript',
          },
          {
            line: 3,
            message: 'Unexpected link to missing file `folder.pdf`, expected a file that exists next to the manuscript',
          },
        ],
      },
      {
        caption: 'A Markdown file that issue.yaml does not list: it gets no page.',
        markdown: '[het concept](concept.md)\n',
        issue: { files: { 'concept.md': '---\ntitle: Concept\n---\n\nTekst.\n' } },
        messages: [
          {
            line: 1,
            message:
              'Unexpected link to `concept.md`, which is not an article of this issue, expected an article ' +
              'listed in issue.yaml',
          },
        ],
      },
    ],
    good: [
      {
        caption: 'An article of the issue, and a web address.',
        markdown: '[het gesprek](gesprek.md)\n' + '\n' + '[de folder](https://www.rijksoverheid.nl/folder.pdf)\n',
        issue: { articles: { 'gesprek.md': 'Tekst.\n' } },
      },
    ],
  },
  plugin: articleRule(id, (tree, file, { article, context }) => {
    for (const { node, url } of linkDestinations(tree)) {
      const target = classify(url);
      if (target.kind !== 'local' || target.path === '') continue;
      // Absolute paths and paths out of the issue are `local-path-inside`'s: one message per link.
      if (linkProblem(url, scopeOf(file, context))) continue;
      const page = linkedPage(context, article, target.path);
      if (page.kind !== 'none') continue;
      const absolute = path.resolve(context.issue.dir, page.name);
      if (/\.md$/i.test(page.name) && existsSync(absolute)) {
        file.message(
          `Unexpected link to \`${decode(target.path)}\`, which is not an ` +
            'article of this issue, expected an article listed in issue.yaml',
          node,
        );
      } else if (!existsSync(absolute)) {
        file.message(
          `Unexpected link to missing file \`${decode(target.path)}` +
            `\`, expected a file that exists next to the manuscript`,
          node,
        );
      }
    }
  }),
};

function scopeOf(file: VFile, context: LintContext): LinkScope {
  const absolute = typeof file.data.absolutePath === 'string' ? file.data.absolutePath : path.resolve(file.path);
  return { fromDir: path.dirname(absolute), issueDir: context.issue.dir, imagesDir: context.issue.imagesDir };
}
