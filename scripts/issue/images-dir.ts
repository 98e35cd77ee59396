/** Where an issue's photographs are: `images/` inside the issue folder, else beside it. */
import { existsSync } from 'node:fs';
import path from 'node:path';

export function imagesDirOf(issueDir: string): string {
  const dir = path.resolve(issueDir);
  const inside = path.join(dir, 'images');
  return existsSync(inside) ? inside : path.join(path.dirname(dir), 'images');
}
