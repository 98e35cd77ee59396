/**
 * The README and the pages in docs/ name files of the code and link to each other: every
 * `scripts/…` and `tests/…` path they name, and every relative link, must exist, so that a file
 * that moves takes its documentation along.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.ts';

const pages = [
  'README.md',
  ...readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

function read(page: string): string {
  return readFileSync(path.join(root, page), 'utf8');
}

describe('README.md and docs/', () => {
  it('name only scripts/ and tests/ paths that exist', () => {
    const named: string[] = [];
    const missing: string[] = [];
    for (const page of pages) {
      for (const [found] of read(page).matchAll(/(?<![\w/.-])(?:scripts|tests)\/[\w.\-/]*[\w/]/g)) {
        named.push(found);
        if (!existsSync(path.join(root, found))) missing.push(`${page}: ${found}`);
      }
    }
    expect(named.length, 'paths named').toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it('link only to files that exist', () => {
    const links: string[] = [];
    const missing: string[] = [];
    for (const page of pages) {
      // Links in examples (fenced, or in code spans: a manuscript's image) are not links of the page.
      const prose = read(page)
        .replace(/^```[\s\S]*?^```/gm, '')
        .replace(/`[^`\n]*`/g, '');
      for (const [, target] of prose.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        links.push(target!);
        if (!existsSync(path.resolve(root, path.dirname(page), target!))) missing.push(`${page}: ${target}`);
      }
    }
    expect(links.length, 'relative links').toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
