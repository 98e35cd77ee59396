/**
 * `persklaar import FILE.docx [ISSUE_DIR]`: an author's Word document becomes an article of the
 * issue — its Markdown, its pictures in the images folder, its name in issue.yaml — written whole
 * or not at all. The document itself is only read. What the importer could not carry, or the
 * editor must check, comes back as warnings at the document's name.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { issueFile } from '../issue/issue-file.ts';
import { issueSchema } from '../issue/schema.ts';
import { parseYaml } from '../issue/yaml-errors.ts';
import { InputError } from '../util/errors.ts';
import { withArticleListed } from './article-list.ts';
import { articleName, titleFromName } from './article-name.ts';
import { convertToHtml } from './convert.ts';
import { picturesDirOf, refuseOverwriting } from './destination.ts';
import { openDocx } from './docx-package.ts';
import { readBody } from './ooxml/body.ts';
import { comments } from './ooxml/comments.ts';
import { documentProperties } from './ooxml/properties.ts';
import { trackedChanges } from './ooxml/tracked-changes.ts';
import { unsupportedContent } from './ooxml/unsupported.ts';
import { placeWhole } from './placement.ts';
import { mammothStyleMap, stylesFor } from './style-map.ts';
import { htmlToArticle } from './to-markdown.ts';
import type { ImportWarning } from './warning.ts';

export interface ImportOptions {
  name?: string;
  force?: boolean;
}

export interface Imported {
  /** The article's file name in the issue folder. */
  article: string;
  title: string;
  pictures: string[];
  /** The document, carrying the warnings as messages. */
  report: VFile;
}

export async function importArticle(file: string, issueDir: string, options: ImportOptions = {}): Promise<Imported> {
  const dir = path.resolve(issueDir);
  const issue = await readIssue(issueDir);
  const name = articleName(file, options.name);
  const docx = await openDocx(file);

  const body = readBody(docx);
  const styles = mammothStyleMap(stylesFor(issue.meta.import?.styles));
  const converted = await convertToHtml(docx, name, styles);
  const article = htmlToArticle(converted.html, documentProperties(docx), titleFromName(file));
  const warnings: ImportWarning[] = [
    ...trackedChanges(body),
    ...comments(docx, body),
    ...unsupportedContent(body),
    ...converted.warnings,
    ...article.warnings,
  ];

  const articleFile = `${name}.md`;
  const picturesDir = picturesDirOf(dir);
  const planned = [
    { target: path.join(dir, articleFile), data: article.markdown },
    ...converted.pictures.map((picture) => ({ target: path.join(picturesDir, picture.fileName), data: picture.bytes })),
  ];
  refuseOverwriting(
    planned.map((each) => each.target),
    options.force === true,
  );
  const listed = withArticleListed(issue.text, articleFile);
  await placeWhole(dir, [...planned, ...(listed === issue.text ? [] : [{ target: issue.path, data: listed }])]);

  return {
    article: articleFile,
    title: article.fields.title,
    pictures: converted.pictures.map((picture) =>
      path.relative(process.cwd(), path.join(picturesDir, picture.fileName)),
    ),
    report: reportOf(file, warnings),
  };
}

/** issue.yaml, checked as the build checks it: its `import:` styles are used here. */
async function readIssue(issueDir: string) {
  const issuePath = issueFile(issueDir);
  const text = await readFile(issuePath, 'utf8');
  const file = new VFile({ path: issuePath, value: text });
  const meta = parseYaml(file, text, issueSchema);
  if (!meta) throw new InputError([file]);
  return { path: issuePath, text, meta };
}

function reportOf(file: string, warnings: ImportWarning[]): VFile {
  const report = new VFile({ path: file });
  const seen = new Set<string>();
  for (const { ruleId, message } of warnings) {
    if (seen.has(message)) continue;
    seen.add(message);
    report.message(message, { ruleId, source: 'persklaar-import' });
  }
  return report;
}
