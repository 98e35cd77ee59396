/**
 * no-placeholder-link — a link goes somewhere real. Empty targets, `#`, `javascript:`,
 * example domains (RFC 2606: example.com/.net/.org, *.example, *.test, *.invalid, localhost)
 * and words like `TODO` are left-overs of a draft. A reference link is checked at its
 * definition, once.
 */
import type { RuleModule } from '../types.ts';
import { classify, linkDestinations } from '../../markdown/links.ts';
import { articleRule } from '../util/rule.ts';

const id = 'no-placeholder-link';

const exampleHost = /(?:^|\.)(?:example\.(?:com|net|org)|example|test|invalid|localhost)$/i;
const placeholderPath = /^(?:todo|tbd|tba|xxx+|url|link|placeholder|\.\.\.|…)$/i;

export function placeholderProblem(url: string): string | undefined {
  const target = classify(url);
  switch (target.kind) {
    case 'empty':
      return 'Unexpected empty link target, expected a URL, a file or a `#anker`';
    case 'scheme':
      if (target.scheme === 'javascript')
        return `Unexpected \`javascript:\` link, expected a URL: scripts do not run in the editions`;
      if ((target.scheme === 'mailto' || target.scheme === 'tel') && target.rest.trim() === '') {
        return (
          `Unexpected \`${target.scheme}:\` link without an address, expected \`` +
          `${target.scheme}:${target.scheme === 'mailto' ? 'naam@voorbeeld.nl' : '+31…'}\``
        );
      }
      return undefined;
    case 'web': {
      let host: string;
      try {
        host = new URL(target.url).hostname;
      } catch {
        return (
          `Unexpected malformed URL \`${target.url}\`, expected ` +
          `a complete address like \`https://www.rijksoverheid.nl\``
        );
      }
      if (host === '') return `Unexpected URL without a host \`${target.url}\`, expected a complete address`;
      if (exampleHost.test(host)) return `Unexpected placeholder link to \`${host}\`, expected the real address`;
      return undefined;
    }
    case 'local':
      if (target.path === '' && target.fragment === '')
        return 'Unexpected placeholder link `#`, expected the real destination';
      if (target.fragment === undefined && placeholderPath.test(target.path))
        return `Unexpected placeholder link \`${target.path}\`, expected the real destination`;
      return undefined;
    default:
      return undefined;
  }
}

export const noPlaceholderLink: RuleModule = {
  id,
  docs: 'No placeholder link targets: empty, `#`, `javascript:`, example domains, `TODO`, `mailto:` without address.',
  severity: 'error',
  examples: {
    bad: [
      {
        caption: 'Left-overs of a draft: `#`, an example domain, an empty target.',
        markdown:
          '[Website van de IND](#)\n' +
          '\n' +
          '[het rapport](https://example.com/rapport)\n' +
          '\n' +
          '[het verslag]()\n',
        messages: [
          { line: 1, message: 'Unexpected placeholder link `#`, expected the real destination' },
          { line: 3, message: 'Unexpected placeholder link to `example.com`, expected the real address' },
          { line: 5, message: 'Unexpected empty link target, expected a URL, a file or a `#anker`' },
        ],
      },
    ],
    good: [
      {
        caption: 'The real address.',
        markdown: '[Website van de IND](https://ind.nl)\n',
      },
    ],
  },
  plugin: articleRule(id, (tree, file) => {
    for (const { node, url } of linkDestinations(tree)) {
      const problem = placeholderProblem(url);
      if (problem) file.message(problem, node);
    }
  }),
};
