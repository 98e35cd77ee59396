/**
 * The stages depend downward only, as in the data-flow picture: every import in scripts/ goes
 * to its own folder or to a folder of a lower layer (LAYERS), and the referee (check/) reads
 * PDFs through the neutral reader only, never through the code it judges.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.ts';
import { LAYERS } from './layers.ts';

const scripts = path.join(root, 'scripts');

/** The referee's own rule: what it may import besides itself. */
const refereeMayImport = new Set(['util', 'pdf-read', 'check', 'report']);

function layerOf(folder: string): number {
  const index = LAYERS.findIndex((layer: readonly string[]) => layer.includes(folder));
  if (index === -1) throw new Error(`scripts/${folder}/ is in no layer of this test`);
  return index;
}

/** `scripts/<folder>/…` → folder. */
function folderOf(file: string): string {
  return path.relative(scripts, file).split(path.sep)[0]!;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => path.resolve(path.dirname(file), specifier));
}

describe('the stages’ imports', () => {
  it('point down the layers (or stay in their folder), and the referee imports only the neutral reader', () => {
    const wrong: string[] = [];
    const unread: string[] = [];
    let imports = 0;
    for (const file of sourceFiles(scripts)) {
      const from = folderOf(file);
      const targets = relativeImports(file);
      // A file that names a relative module but yields no import: the pattern no longer reads
      // the way imports are written, and this test would check nothing.
      if (targets.length === 0 && /(?:from|import)\s*\(?\s*["'`]\.{1,2}\//.test(readFileSync(file, 'utf8'))) {
        unread.push(path.relative(root, file));
      }
      imports += targets.length;
      for (const target of targets) {
        const name = `${path.relative(root, file)} → ${path.relative(root, target)}`;
        if (!target.startsWith(`${scripts}${path.sep}`)) {
          wrong.push(`${name} (outside scripts/)`);
          continue;
        }
        const to = folderOf(target);
        if (to === from) continue;
        if (from === 'check' && !refereeMayImport.has(to)) wrong.push(`${name} (the referee)`);
        else if (layerOf(to) >= layerOf(from)) wrong.push(name);
      }
    }
    expect(unread).toEqual([]);
    expect(imports, 'relative imports found in scripts/').toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});
