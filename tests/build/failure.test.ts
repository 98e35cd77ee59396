/**
 * A build that fails elsewhere while Chromium prints: the print is abandoned at once — its
 * page closed, no second attempt, nothing finished, nothing kept in the cache from it.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processImages } from '../../scripts/images/process.ts';
import { loadIssue } from '../../scripts/issue/load.ts';
import { buildPdf } from '../../scripts/pdf/build-pdf.ts';
import type { Printer } from '../../scripts/pdf/printer.ts';
import { renderArticle } from '../../scripts/render/to-hast.ts';
import { miniIssue, tempDir } from '../hostile/helpers.ts';

describe('a PDF build abandoned while it prints', () => {
  it('stops at once: the print is told, nothing is finished or kept in the cache', async () => {
    const dir = miniIssue();
    const issue = await loadIssue(dir);
    const rendered = issue.articles.map((article) => renderArticle(article, issue));
    const cacheDir = tempDir('persklaar-cache-');
    const printDir = path.join(tempDir('persklaar-print-'), 'print');
    mkdirSync(printDir, { recursive: true });

    const failed = new AbortController();
    let printing = false;
    let abandoned = false;
    const printer: Printer = {
      // A print that never ends by itself; the build fails elsewhere as soon as it starts.
      print: (_htmlFile, signal) =>
        new Promise((_resolve, reject) => {
          printing = true;
          signal?.addEventListener('abort', () => {
            abandoned = true;
            reject(signal.reason);
          });
          setTimeout(() => failed.abort(new Error('the web edition failed')), 10);
        }),
      close: async () => undefined,
    };
    const { images } = await processImages(issue, {
      outDir: { print: path.join(printDir, 'images') },
      editions: ['print'],
      cacheDir: path.join(cacheDir, 'images'),
    });
    await expect(
      buildPdf(issue, rendered, images, { printer, printDir, cacheDir, signal: failed.signal }),
    ).rejects.toThrow('the web edition failed');
    expect([printing, abandoned]).toEqual([true, true]);
    const kept = existsSync(cacheDir) ? readdirSync(cacheDir, { recursive: true }).map(String) : [];
    expect(kept.filter((name) => /page-map|finished-pages|hyphenated/.test(name))).toEqual([]);
  }, 60_000);
});
