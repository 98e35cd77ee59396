/**
 * load: an issue folder → Issue { meta, articles[{ file, tree, data }] }.
 *
 * Every problem found is collected before giving up, so an editor fixes them in one go; each
 * is a fatal VFile message at its file and line, and the whole set is thrown as an InputError.
 */
import { realpathSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Root, Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { forgetOtherArticles, parseWithCache } from '../markdown/parse-cache.ts';
import { hasFatal, InputError } from '../util/errors.ts';
import { readTextFile } from '../util/text-file.ts';
import { frontMatterInputSchema, frontMatterSchema, issueSchema, type FrontMatter, type IssueMeta } from './schema.ts';
import { articleIds } from './article-id.ts';
import { loadTheme, type Theme } from './theme.ts';
import { titleFromFileName, titleFromHeading } from './article-title.ts';
import { parseYaml } from './yaml-errors.ts';
import { imagesDirOf } from './images-dir.ts';
import { issueFile } from './issue-file.ts';
import { isWithin } from '../util/paths.ts';

export interface Article {
  /** File name as listed in issue.yaml, e.g. `coos-maas.md`. */
  name: string;
  /** Stable id used for page names, anchors and output files, e.g. `coos-maas`. */
  id: string;
  file: VFile;
  tree: Root;
  data: FrontMatter;
}

export interface Issue {
  dir: string;
  /** The folder photographs are resolved in: `images/` beside the issue folder, or inside it. */
  imagesDir: string;
  file: VFile;
  meta: IssueMeta;
  articles: Article[];
  /** The issue's own look from `thema.yaml`, when it has one (see `theme.ts`). */
  theme?: Theme;
  /** `thema.yaml` itself, where a problem with its logo is reported. */
  themeFile?: VFile;
}

export interface LoadOptions {
  /** Keep parsed trees here between builds (see `markdown/parse-cache.ts`). */
  cacheDir?: string;
}

export async function loadIssue(issueDir: string, options: LoadOptions = {}): Promise<Issue> {
  const dir = path.resolve(issueDir);
  const file = await readTextFile(issueFile(issueDir));
  const meta = hasFatal(file) ? undefined : parseYaml(file, String(file.value), issueSchema);
  if (!meta) throw new InputError([file]);

  checkArticleList(file, meta, dir);
  const ids = articleIds([...new Set(meta.articles)]);
  const articles = await Promise.all(
    [...new Set(meta.articles)]
      .filter((name) => articleProblem(dir, name) === undefined)
      .map((name) => loadArticle(dir, name, ids.get(name)!, options)),
  );
  const theme = await loadTheme(dir);
  const failed = [file, ...(theme ? [theme.file] : []), ...articles.map((article) => article.file)].filter(hasFatal);
  if (failed.length > 0) throw new InputError(failed);
  if (options.cacheDir) await forgetOtherArticles(options.cacheDir, dir, meta.articles);

  const issue: Issue = { dir, imagesDir: imagesDirOf(dir), file, meta, articles: articles as Article[] };
  if (theme && 'theme' in theme) Object.assign(issue, { theme: theme.theme, themeFile: theme.file });
  return issue;
}

async function loadArticle(
  dir: string,
  name: string,
  id: string,
  options: LoadOptions,
): Promise<Article | { file: VFile }> {
  const file = await readTextFile(path.join(dir, name));
  if (hasFatal(file)) return { file };
  const parsed = options.cacheDir
    ? await parseWithCache(file, options.cacheDir, dir, name)
    : (await import('../markdown/parse.ts')).parseMarkdown(file);
  if (hasFatal(file)) return { file };
  // Front matter is optional: ordinary Markdown has its title in the first `#` heading.
  const yaml = parsed.children.find((node): node is Yaml => node.type === 'yaml');
  const given = yaml
    ? parseYaml(file, yaml.value, frontMatterInputSchema, { line: (yaml.position?.start.line ?? 1) + 1 })
    : frontMatterInputSchema.parse({});
  if (!given) return { file };
  const fromHeading = given.title === undefined ? titleFromHeading(parsed) : undefined;
  const title = given.title ?? fromHeading?.title ?? titleFromFileName(file, name);
  const data: FrontMatter = frontMatterSchema.parse({ ...given, title });
  return { name, id, file, tree: fromHeading?.tree ?? parsed, data };
}

/** Articles missing or listed twice are errors at their line in issue.yaml. */
function checkArticleList(file: VFile, meta: IssueMeta, dir: string): void {
  const text = String(file.value);
  const seen = new Set<string>();
  for (const name of meta.articles) {
    const place = lineOfListItem(text, name, seen.has(name));
    if (seen.has(name)) {
      report(file, `Unexpected duplicate article \`${name}\`: each article is listed once`, place, 'article-list');
    } else {
      const problem = articleProblem(dir, name);
      if (problem) report(file, problem, place, 'article-list');
    }
    seen.add(name);
  }
}

/**
 * Why an article listed in issue.yaml cannot be read, or undefined. The schema already allows
 * only plain file names; a symbolic link may still lead out of the issue folder, and the build
 * publishes only what is in it.
 */
function articleProblem(dir: string, name: string): string | undefined {
  const file = path.join(dir, name);
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats) return `Missing article \`${name}\`: no such file in ${path.basename(dir)}/`;
  if (!stats.isFile()) return `Unexpected article \`${name}\`: it is a folder, not a Markdown file`;
  const real = realpathSync(file);
  if (!isWithin(real, realpathSync(dir))) {
    return (
      `Unexpected article \`${name}\`: it is a symbolic link to ${real}, ` +
      `outside the issue folder; copy the file into ${path.basename(dir)}/`
    );
  }
  return undefined;
}

function lineOfListItem(text: string, name: string, second: boolean): { line: number; column: number } {
  const lines = text.split(/\r?\n/);
  const matches = lines.flatMap((line, index) =>
    new RegExp(`^\\s*-\\s*["']?${escapeRegExp(name)}["']?\\s*(#.*)?$`).test(line) ? [index] : [],
  );
  const index = (second ? matches[1] : matches[0]) ?? 0;
  return { line: index + 1, column: (lines[index]?.indexOf(name) ?? 0) + 1 };
}

function report(file: VFile, reason: string, place: { line: number; column: number }, ruleId: string): void {
  const message = file.message(reason, { place, ruleId, source: 'persklaar' });
  message.fatal = true;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Markdown files in the folder that issue.yaml does not list (for the linter). */
export async function unlistedArticles(issue: Issue): Promise<string[]> {
  const listed = new Set(issue.meta.articles);
  const names = await readdir(issue.dir);
  return names.filter((name) => name.endsWith('.md') && name !== 'README.md' && !listed.has(name)).sort();
}
