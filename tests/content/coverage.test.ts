/**
 * The manuscripts are the editors' words: after repairing the PDF-conversion debris they must
 * still hold the converted source's text. Measured as distinct words of four or more letters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.ts';

function words(text: string): Set<string> {
  return new Set([...text.toLowerCase().matchAll(/\p{L}{4,}/gu)].map((match) => match[0]));
}

describe('Wendbaar #06 manuscripts', () => {
  const source = words(readFileSync(path.join(root, 'tests/fixtures/seed/wendbaar-06-source.md'), 'utf8'));
  const dir = path.join(root, 'manuscript');
  const manuscripts = words(
    readdirSync(dir)
      .filter((name) => (name.endsWith('.md') && name !== 'README.md') || name === 'issue.yaml')
      .map((name) => readFileSync(path.join(dir, name), 'utf8'))
      .join('\n'),
  );

  it('keep at least 97 % of the distinct words (4+ letters) of the converted source', () => {
    const missing = [...source].filter((word) => !manuscripts.has(word));
    const coverage = 1 - missing.length / source.size;
    expect(coverage, `missing: ${missing.join(', ')}`).toBeGreaterThanOrEqual(0.97);
  });

  it('have no placeholder links or page markers left', () => {
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.md') && file !== 'README.md')) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      expect(text, name).not.toMatch(/\]\(#\)|[▶►]|KLIK HIER/i);
    }
  });
});
