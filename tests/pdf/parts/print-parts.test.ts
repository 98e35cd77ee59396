/**
 * Printing the parts (`scripts/pdf/parts/print-parts.ts`) with a printer that records what it
 * is asked: only parts whose document changed are printed again, at most the set number at a
 * time; a part that fails stops the rest and is named in the error.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { h } from 'hastscript';
import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { keepOnlyParts, printParts } from '../../../scripts/pdf/parts/print-parts.ts';
import type { PartDocument } from '../../../scripts/pdf/parts/split.ts';
import type { Printer } from '../../../scripts/pdf/printer.ts';

const doc = (text: string): Root => ({ type: 'root', children: [h('html', [h('body', [h('p', text)])])] });
const parts = (texts: Record<string, string>): PartDocument[] =>
  Object.entries(texts).map(([name, text]) => ({ name, tree: doc(text) }));

/** Answers every print with the printed file's name as its "PDF", after `delayMs`. */
function recordingPrinter(options: { fail?: string; delayMs?: number } = {}) {
  const asked: string[] = [];
  let running = 0;
  let most = 0;
  const abandoned: string[] = [];
  const printer: Printer = {
    async print(file, signal) {
      const name = path.basename(file, '.html');
      asked.push(name);
      most = Math.max(most, ++running);
      try {
        if (name === options.fail) throw new Error('Chromium failed while printing (tried twice): crashed');
        await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 5));
        if (signal?.aborted) abandoned.push(name);
        return new TextEncoder().encode(name);
      } finally {
        running--;
      }
    },
    close: async () => undefined,
  };
  return { printer, asked, abandoned, most: () => most };
}

function folders() {
  const dir = mkdtempSync(path.join(tmpdir(), 'persklaar-parts-'));
  return { printDir: dir, partsDir: path.join(dir, 'cache', 'parts') };
}

const describePart = (name: string) => `${name}.md`;

describe('printing the parts', () => {
  it('prints every part once, at most the set number at a time, in order in the result', async () => {
    const { printer, asked, most } = recordingPrinter({ delayMs: 20 });
    const where = folders();
    const first = await printParts(parts({ front: 'Omslag', 'art-a': 'A', 'art-b': 'B', 'art-c': 'C' }), {
      printer,
      ...where,
      describe: describePart,
      parallel: 2,
    });
    expect(first.printed.map((part) => new TextDecoder().decode(part.pdf))).toEqual([
      'front',
      'art-a',
      'art-b',
      'art-c',
    ]);
    expect(asked.sort()).toEqual(['art-a', 'art-b', 'art-c', 'front']);
    expect(most()).toBe(2);
    expect(first.report).toEqual({ printed: 4, kept: 0 });
  });

  it('prints again only the parts whose document changed, and keeps only the parts in use', async () => {
    const where = folders();
    const options = (printer: Printer) => ({ printer, ...where, describe: describePart, parallel: 2 });
    const first = await printParts(
      parts({ front: 'Omslag', 'art-a': 'A', 'art-b': 'B' }),
      options(recordingPrinter().printer),
    );
    await keepOnlyParts(where.partsDir, new Set(first.keys));
    const again = recordingPrinter();
    const second = await printParts(
      parts({ front: 'Omslag', 'art-a': 'A, herzien', 'art-b': 'B' }),
      options(again.printer),
    );
    expect(again.asked).toEqual(['art-a']);
    expect(second.report).toEqual({ printed: 1, kept: 2 });
    await keepOnlyParts(where.partsDir, new Set(second.keys));
    expect(readdirSync(where.partsDir).sort()).toEqual(second.keys.map((key) => `${key}.pdf`).sort());
    expect(existsSync(path.join(where.printDir, 'art-a.html'))).toBe(true);
  });

  it('names the article whose print failed, and abandons the prints still running', async () => {
    const { printer, asked, abandoned } = recordingPrinter({ fail: 'art-a', delayMs: 50 });
    const failure = await printParts(parts({ front: 'Omslag', 'art-a': 'A', 'art-b': 'B', 'art-c': 'C' }), {
      printer,
      ...folders(),
      describe: describePart,
      parallel: 2,
    }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toBe('art-a.md: Chromium failed while printing (tried twice): crashed');
    expect(asked).toEqual(['front', 'art-a']);
    expect(abandoned).toEqual(['front']);
  });
});
