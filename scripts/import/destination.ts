/**
 * Where an import writes in an issue folder, and what it may not overwrite. Pictures go to the
 * issue's images folder as the build finds it (`images/` inside the issue folder, else the one
 * beside it, as the shipped issue has), made inside the issue folder when there is none.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { InputError } from '../util/errors.ts';

export function picturesDirOf(issueDir: string): string {
  const inside = path.join(issueDir, 'images');
  const beside = path.join(path.dirname(issueDir), 'images');
  return !existsSync(inside) && existsSync(beside) ? beside : inside;
}

/** Refuses, naming them, files the import would overwrite (unless forced). */
export function refuseOverwriting(targets: string[], force: boolean): void {
  if (force) return;
  const existing = targets.filter((target) => existsSync(target));
  if (existing.length === 0) return;
  const files = existing.map((target) => {
    const file = new VFile({ path: target });
    try {
      file.fail(
        'already exists: the import does not overwrite it (use --force to replace it, or --name for another name)',
        {
          ruleId: 'import-exists',
          source: 'persklaar-import',
        },
      );
    } catch {
      // The message is on the file, which is what is reported.
    }
    return file;
  });
  throw new InputError(files, 'The import would overwrite existing files');
}
