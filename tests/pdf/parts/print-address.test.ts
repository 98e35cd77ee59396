/**
 * A warm printer's own address for a print folder (`scripts/pdf/print-address.ts`): the same
 * path from one build's folder to the next, pointing at the folder under way, one per kind of
 * print, gone when the printer closes.
 */
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PrintAddress } from '../../../scripts/pdf/print-address.ts';

describe('the address a warm printer reads a print folder at', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'persklaar-address-test-'));
  const folder = (name: string) => {
    const made = mkdtempSync(path.join(work, `${name}-`));
    writeFileSync(path.join(made, 'part.html'), name);
    return made;
  };

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('stays the same from build to build and reads the folder of the build under way', async () => {
    const address = new PrintAddress();
    const first = folder('build-1');
    const second = folder('build-2');
    const at = await address.of(first, 'parts');
    expect(readFileSync(path.join(at, 'part.html'), 'utf8')).toBe('build-1');
    expect(await address.of(second, 'parts')).toBe(at);
    expect(readFileSync(path.join(at, 'part.html'), 'utf8')).toBe('build-2');
    expect(realpathSync(at)).toBe(realpathSync(second));
    await address.close();
  });

  it('keeps one address per kind of print, and removes them all when the printer closes', async () => {
    const address = new PrintAddress();
    const pdf = await address.of(folder('print'), 'parts');
    const press = await address.of(folder('press'), 'press-parts');
    expect(press).not.toBe(pdf);
    expect(readFileSync(path.join(pdf, 'part.html'), 'utf8')).toBe('print');
    expect(readFileSync(path.join(press, 'part.html'), 'utf8')).toBe('press');
    await address.close();
    expect(existsSync(path.dirname(pdf))).toBe(false);
  });
});
