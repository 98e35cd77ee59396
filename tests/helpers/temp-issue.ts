import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixtures } from './cli.ts';

/** A writable copy of a fixture issue, to break on purpose. */
export function copyFixture(name = 'mini'): string {
  const dir = mkdtempSync(path.join(tmpdir(), `persklaar-${name}-`));
  cpSync(path.join(fixtures, name), dir, { recursive: true });
  return dir;
}

export function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}
