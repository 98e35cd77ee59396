/** The article's name: the document's file name (or `--name`), slugged: `Interview Coos Maas.docx` → `interview-coos-maas`. */
import path from 'node:path';
import { UsageError } from '../util/errors.ts';

export function articleName(file: string, given?: string): string {
  const source = given ?? path.basename(file).replace(/\.[^.]+$/, '');
  const slug = source
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') {
    throw new UsageError(`“${source}” gives no article name: choose one with --name, in letters and digits`);
  }
  return slug;
}

/** A title from the file name, for a document with no title anywhere. */
export function titleFromName(file: string): string {
  const words = path
    .basename(file)
    .replace(/\.[^.]+$/, '')
    .replace(/[_\s-]+/g, ' ')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
