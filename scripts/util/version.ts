/** The tool's own version, from package.json (two folders up, from the sources and the bundle alike). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function toolRelease(): string {
  const file = path.resolve(import.meta.dirname, '../..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
