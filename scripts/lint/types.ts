/**
 * What a rule is and what it gets. Per-file rules are unified plugins made with
 * `unified-lint-rule` and receive the article and the issue-wide context as their option;
 * issue-wide rules (anchors into other articles are checked per file, but listing articles,
 * photos of the cover, spelling in issue.yaml need the whole issue) run once after every file
 * is loaded, like remark-validate-links.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import type { Article, Issue } from '../issue/load.ts';
import type { Level } from './severity.ts';

export interface LintOptions {
  /** Check external URLs over the network (`--online`); never by default. */
  online?: boolean;
  /** Folder for `links.json`, the cache of checked URLs. Default `.cache` in the working folder. */
  cacheDir?: string;
  /** Injected for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

export interface LintContext {
  issue: Issue;
  options: LintOptions;
  /** Anchor ids per article name (`gesprek.md`), exactly as the renderer writes them. */
  ids: Map<string, Set<string>>;
  /** Articles by name and by id, for links written `gesprek.md#…` or `gesprek.html#…`. */
  articles: Map<string, Article>;
  /** Files outside the issue's articles that received messages (an unlisted article). */
  extraFiles: VFile[];
  /** Rules that crashed: a bug in the linter, not a finding; the run fails with exit 2. */
  failures: Error[];
  level(ruleId: string): Level;
}

/** The option every per-file rule receives. */
export interface ArticleContext {
  article: Article;
  context: LintContext;
}

export interface RuleModule {
  /** kebab-case, the `ruleId` of its messages and the key in issue.yaml `lint:`. */
  id: string;
  /** One line for the rule list (`scripts/lint/README.md`). */
  docs: string;
  severity: Level;
  /** A per-article rule, run on the tree the build renders. */
  plugin?: Plugin<Root, ArticleContext>;
  /** An issue-wide rule, run once after every article has been loaded. */
  check?: (context: LintContext) => void | Promise<void>;
}
