/**
 * An issue folder's `issue.yaml`, or the usage error that says the folder is no issue. Light on
 * purpose: the build's first question (`cli/build-command.ts`) asks it before any parser is loaded.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../util/errors.ts';

export function issueFile(issueDir: string): string {
  const file = path.join(path.resolve(issueDir), 'issue.yaml');
  if (!existsSync(file)) {
    throw new UsageError(`No issue.yaml in ${issueDir}: an issue folder holds issue.yaml and one .md file per article`);
  }
  if (!statSync(file).isFile()) throw new UsageError(`${issueDir}/issue.yaml is a folder, not a file`);
  return file;
}
