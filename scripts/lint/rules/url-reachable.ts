/**
 * url-reachable — an external link answers (2xx or 3xx, or 401/403/429: there, but not for a
 * robot). Only with `--online`: a default run, and so CI, never uses the network. Placeholder
 * domains are left to no-placeholder-link.
 */
import path from 'node:path';
import type { Definition, Link } from 'mdast';
import type { VFile } from 'vfile';
import { checkUrls } from '../online/check-urls.ts';
import type { RuleModule } from '../types.ts';
import { classify, linkDestinations } from '../../markdown/links.ts';
import { reportAt } from '../util/report.ts';
import { placeholderProblem } from './no-placeholder-link.ts';
import { resolveCacheDir } from '../../issue/location.ts';

const id = 'url-reachable';

export const urlReachable: RuleModule = {
  id,
  docs:
    'With `--online` only: external links answer (HEAD, then GET; 10 s timeout; 4 at a time; cached a day in ' +
    '`.cache/links.json`).',
  severity: 'error',
  examples: {
    bad: [
      {
        caption: 'With `--online`: a page that moved answers 404.',
        markdown: '[het rapport](https://www.rijksoverheid.nl/rapport-dat-verhuisde)\n',
        issue: { online: { 'https://www.rijksoverheid.nl/rapport-dat-verhuisde': 404 } },
        messages: [
          {
            line: 1,
            message:
              'Unexpected unreachable link `https://www.rijksoverheid.nl/rapport-dat-verhuisde`: 404, expected a ' +
              'page that exists',
          },
        ],
      },
    ],
    good: [
      {
        caption: 'With `--online`: the page answers.',
        markdown: '[het rapport](https://www.rijksoverheid.nl/documenten/rapporten/2022/meldingen)\n',
        issue: { online: { 'https://www.rijksoverheid.nl/documenten/rapporten/2022/meldingen': 200 } },
      },
    ],
  },
  async check(context) {
    if (!context.options.online) return;
    const uses: { file: VFile; node: Link | Definition; url: string }[] = [];
    for (const article of context.issue.articles) {
      for (const { node, url } of linkDestinations(article.tree)) {
        if (classify(url).kind === 'web' && !placeholderProblem(url))
          uses.push({ file: article.file, node, url: url.trim() });
      }
    }
    if (uses.length === 0) return;
    const results = await checkUrls(
      uses.map((use) => use.url),
      {
        fetch: context.options.fetch,
        cacheFile: path.join(resolveCacheDir(context.options.cacheDir), 'links.json'),
      },
    );
    for (const use of uses) {
      const result = results.get(use.url);
      if (!result || result.ok) continue;
      reportAt(
        use.file,
        `Unexpected unreachable link \`${use.url}\`: ${result.reason ?? 'no answer'}, expected a page that exists`,
        use.node.position,
        id,
      );
    }
  },
};
