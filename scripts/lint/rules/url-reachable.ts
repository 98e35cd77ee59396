/**
 * url-reachable — an external link answers (2xx or 3xx, or 401/403/429: there, but not for a
 * robot). Only with `--online`: a default run, and so CI, never uses the network. Placeholder
 * domains are left to no-placeholder-link.
 *
 * Bad:  `[het rapport](https://www.rijksoverheid.nl/rapport-dat-verhuisde)` answering 404
 * Good: `[het rapport](https://www.rijksoverheid.nl/documenten/rapporten/…)`
 */
import path from 'node:path';
import type { Definition, Link } from 'mdast';
import type { VFile } from 'vfile';
import { checkUrls } from '../online/check-urls.ts';
import type { RuleModule } from '../types.ts';
import { classify, linkDestinations } from '../util/links.ts';
import { reportAt } from '../util/report.ts';
import { placeholderProblem } from './no-placeholder-link.ts';

const id = 'url-reachable';

export const urlReachable: RuleModule = {
  id,
  docs: 'External links answer (only with --online; HEAD then GET, cached for a day).',
  severity: 'error',
  async check(context) {
    if (!context.options.online) return;
    const uses: { file: VFile; node: Link | Definition; url: string }[] = [];
    for (const article of context.issue.articles) {
      for (const { node, url } of linkDestinations(article.tree)) {
        if (classify(url).kind === 'web' && !placeholderProblem(url)) uses.push({ file: article.file, node, url: url.trim() });
      }
    }
    if (uses.length === 0) return;
    const results = await checkUrls(
      uses.map((use) => use.url),
      { fetch: context.options.fetch, cacheFile: path.join(path.resolve(context.options.cacheDir ?? '.cache'), 'links.json') },
    );
    for (const use of uses) {
      const result = results.get(use.url);
      if (!result || result.ok) continue;
      reportAt(use.file, `Unexpected unreachable link \`${use.url}\`: ${result.reason ?? 'no answer'}, expected a page that exists`, use.node.position, id);
    }
  },
};
