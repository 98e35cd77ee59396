/**
 * local-path-inside — a link to a file stays inside the issue: a path relative to the
 * manuscript that lands in the issue folder or in images/. An absolute path, a `../` that
 * climbs out, a symbolic link that leads elsewhere or a `//host` network path would point
 * the reader at the build machine's disk (the PDF turns relative links into `file://` links);
 * the build renders such a link as plain text. So does a link with a scheme the editions cannot
 * follow (`file:`, `data:`, `ftp:`; only http(s), mailto and tel are kept). Links written as raw
 * HTML `<a href>` count too.
 */
import path from 'node:path';
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Html } from 'mdast';
import { visit } from 'unist-util-visit';
import { linkProblem, type LinkScope } from '../../markdown/link-scope.ts';
import { positionInNode } from '../../markdown/raw-html.ts';
import type { RuleModule } from '../types.ts';
import { classify, linkDestinations } from '../../markdown/links.ts';
import { articleRule } from '../util/rule.ts';

const id = 'local-path-inside';

export const localPathInside: RuleModule = {
  id,
  docs:
    'A link stays inside the issue folder: no absolute path, no `../` out of it, no symbolic link leading out, ' +
    'no `//host` path, no `file:` or other link the editions cannot follow (the build renders such a link as its ' +
    'text).',
  severity: 'error',
  examples: {
    bad: [
      {
        caption: 'A path out of the issue folder, and one on the editor’s own disk.',
        markdown: '[het rapport](../../rapporten/2022.pdf)\n' + '\n' + '[de map](/home/redactie/stukken)\n',
        messages: [
          {
            line: 1,
            message:
              'Unexpected link: `../../rapporten/2022.pdf` leads outside the issue folder; the editions show its ' +
              'text without the link, expected a path inside the issue folder or a full web address',
          },
          {
            line: 3,
            message:
              'Unexpected link: `/home/redactie/stukken` is an absolute path; the editions show its text without ' +
              'the link, expected a path inside the issue folder or a full web address',
          },
        ],
      },
    ],
    good: [
      {
        caption: 'A file next to the manuscript, or the web address.',
        markdown:
          '[het rapport](rapport-2022.pdf)\n' + '\n' + '[het jaarverslag](https://www.rijksoverheid.nl/jaarverslag)\n',
        issue: { files: { 'rapport-2022.pdf': '' } },
      },
    ],
  },
  plugin: articleRule(id, (tree, file, { context }) => {
    const absolute = typeof file.data.absolutePath === 'string' ? file.data.absolutePath : path.resolve(file.path);
    const scope: LinkScope = {
      fromDir: path.dirname(absolute),
      issueDir: context.issue.dir,
      imagesDir: context.issue.imagesDir,
    };
    // `javascript:` is `no-placeholder-link`'s (and `raw-html-unsafe`'s) to report; every other
    // link the build drops is reported here: `file:` is a path on the reader's own disk.
    const problemOf = (url: string) => {
      const target = classify(url);
      return target.kind === 'scheme' && target.scheme === 'javascript' ? undefined : linkProblem(url, scope);
    };
    for (const { node, url } of linkDestinations(tree)) {
      const problem = problemOf(url);
      if (problem)
        file.message(
          `Unexpected link: ${problem}; the editions show its text without the ` +
            'link, expected a path inside the issue folder or a full web address',
          node,
        );
    }
    visit(tree, 'html', (node: Html) => {
      if (!/<a\b/i.test(node.value)) return;
      for (const element of anchorsOf(fromHtml(node.value, { fragment: true }))) {
        const problem = problemOf(String(element.properties.href));
        if (problem)
          file.message(
            `Unexpected link: ${problem}; the editions show its text without the ` +
              'link, expected a path inside the issue folder or a full web address',
            positionInNode(node, element.position, file),
          );
      }
    });
  }),
};

function anchorsOf(tree: HastRoot): Element[] {
  const anchors: Element[] = [];
  const stack: HastNodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'element' && node.tagName === 'a' && typeof node.properties.href === 'string') anchors.push(node);
    if ('children' in node) stack.push(...[...node.children].reverse());
  }
  return anchors;
}
