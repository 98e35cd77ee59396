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
  /** Folder for `links.json`, the cache of checked URLs (`resolveCacheDir`: `.cache` unless moved). */
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
  /** One line of Markdown: what the rule checks, for the rule list in `scripts/lint/README.md`. */
  docs: string;
  severity: Level;
  /** A per-article rule, run on the tree the build renders. */
  plugin?: Plugin<Root, ArticleContext>;
  /** An issue-wide rule, run once after every article has been loaded. */
  check?: (context: LintContext) => void | Promise<void>;
  /**
   * What the rule reports and what it lets pass, shown in `scripts/lint/README.md` (made from
   * them by `npm run docs:lint`) and run through the linter by tests/lint/rule-examples.test.ts.
   */
  examples: RuleExamples;
}

export interface RuleExamples {
  bad: readonly [BadExample, ...BadExample[]];
  good: readonly [GoodExample, ...GoodExample[]];
}

export interface GoodExample {
  /** One sentence: what the example shows. */
  caption: string;
  /**
   * The article `a.md` as an editor writes it. Without a front matter of its own it gets one
   * with a title; lines are counted as the example shows them either way.
   */
  markdown: string;
  /** What else the issue holds, where the example needs it. */
  issue?: ExampleIssue;
}

export interface BadExample extends GoodExample {
  /** Every message the rule gives on the example, in the order of the files and lines. */
  messages: readonly [ExampleMessage, ...ExampleMessage[]];
}

export interface ExampleMessage {
  /** The file it is reported in, when not `a.md`: another article, an unlisted file, `issue.yaml`. */
  file?: string;
  /** The line, counted as the example shows the file. */
  line: number;
  /** The message exactly as the rule words it. */
  message: string;
}

export interface ExampleIssue {
  /** Other articles listed in issue.yaml after `a.md`, name → Markdown as written. */
  articles?: Record<string, string>;
  /** Files in the issue's images/ folder. */
  images?: readonly string[];
  /** Other files beside the articles, name → text. */
  files?: Record<string, string>;
  /** Markdown files in the issue folder that issue.yaml does not list, name → text as written. */
  unlisted?: Record<string, string>;
  /** Lines of `woordenlijst.txt`. */
  words?: readonly string[];
  /** Linted with `--online`: what each external address answers (an HTTP status). */
  online?: Record<string, number>;
}
