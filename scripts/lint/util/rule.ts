/** A per-article rule as a unified plugin: `persklaar:<id>` as origin, the rule list as url. */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import type { ArticleContext } from '../types.ts';
import { ruleUrl } from './report.ts';

export function articleRule(
  id: string,
  rule: (tree: Root, file: VFile, option: ArticleContext) => void | Promise<void>,
) {
  return lintRule<Root, ArticleContext>({ origin: `persklaar:${id}`, url: ruleUrl(id) }, async (tree, file, option) => {
    try {
      await rule(tree, file, option);
    } catch (error) {
      // unified-lint-rule would turn a crash into a message with the rule's severity, so a bug
      // could pass CI as a warning. Kept aside instead: the run ends as an internal failure.
      option.context.failures.push(
        new Error(`rule \`${id}\` failed on ${file.path}: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        }),
      );
    }
  });
}

/** Quotes text for a message, shortened so a long alt or link text does not flood a line. */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `‘${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}’`;
}
