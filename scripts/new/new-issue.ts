/**
 * `persklaar new DIR`: a ready issue folder that builds and lints clean as it comes, with an
 * authors' template (`sjabloon.docx`) whose styles `persklaar import` knows. The folder
 * is written whole or not at all (made beside its destination, then renamed into place), and
 * an existing folder with anything in it is never written into.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../util/errors.ts';
import { authorsTemplate } from './authors-template.ts';
import { issueYaml, readme, sampleArticle, sampleDrawing, wordList, type NewIssue } from './templates.ts';

export async function newIssue(target: string, today = new Date()): Promise<string[]> {
  const dir = path.resolve(target);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new UsageError(`${target} already exists and is not empty: choose a new folder for the issue`);
  }
  const issue = describe(dir, today);
  const files: Record<string, string | Buffer> = {
    'issue.yaml': issueYaml(issue),
    'eerste-artikel.md': sampleArticle,
    'images/voorbeeld.svg': sampleDrawing,
    'woordenlijst.txt': wordList,
    'README.md': readme(issue),
    'sjabloon.docx': await authorsTemplate(issue.title),
  };
  const staging = path.join(path.dirname(dir), `.${path.basename(dir)}.new-${process.pid}`);
  try {
    await mkdir(path.join(staging, 'images'), { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(staging, name), text);
    if (existsSync(dir)) await rm(dir, { recursive: true });
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return Object.keys(files);
}

/** Title and slug from the folder's name (`mijn-blad` → "Mijn blad", `mijn-blad`). */
function describe(dir: string, today: Date): NewIssue {
  const base = path.basename(dir);
  const plain = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const slug = plain.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'nieuw-nummer';
  const words = slug.replace(/-/g, ' ');
  const title = words.charAt(0).toUpperCase() + words.slice(1);
  const date = `${today.getUTCFullYear()}-${String(today.getUTCMonth() + 1).padStart(2, '0')}`;
  return { title, slug, date };
}
