/**
 * An issue built by the real command, and what its referees say of every edition: EPUBCheck
 * and the PDF/UA preflight (`persklaar check`), the Nu Html Checker and axe on the web pages,
 * and where the PDF draws its images and text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { launchChromium } from '../../scripts/pdf/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { openPdf } from '../helpers/pdf.ts';
import { placementProblems } from '../helpers/pdf-layout.ts';
import { vnuErrors } from '../helpers/vnu.ts';
import { openEpub } from '../epub/read-epub.ts';
import { persklaarAsync } from '../hostile/helpers.ts';

export function webPages(out: string): string[] {
  const dir = path.join(out, 'web');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => path.join(dir, name));
}

async function refereeVerdicts(
  out: string,
  slug: string,
): Promise<{ epub: string; pdf: string; vnu: string[]; axe: string[]; placement: string[] }> {
  const [epub, pdf] = await Promise.all([
    persklaarAsync(['check', path.join(out, `${slug}.epub`)]),
    persklaarAsync(['check', path.join(out, `${slug}.pdf`)]),
  ]);
  const vnu = vnuErrors(webPages(out)).map(
    (error) => `${path.basename(error.url)}:${error.lastLine}: ${error.message}`,
  );
  const browser = await launchChromium();
  const axe: string[] = [];
  try {
    for (const page of webPages(out)) {
      for (const violation of await axeViolations(browser, page))
        axe.push(`${path.basename(page)}: ${violation.id} at ${violation.nodes.slice(0, 3).join(', ')}`);
    }
  } finally {
    await browser.close();
  }
  const placement = await placementProblems(await openPdf(path.join(out, `${slug}.pdf`)));
  return {
    epub: `${epub.status} ${epub.stdout}${epub.stderr}`,
    pdf: `${pdf.status} ${pdf.stdout}${pdf.stderr}`,
    vnu,
    axe,
    placement,
  };
}

/** Every text file of every edition: web pages, the print document, the EPUB's entries. */
/** Every referee passes every edition in `out`, and the PDF draws no image off a page or under text. */
export async function expectRefereesPass(out: string, slug: string): Promise<void> {
  const verdicts = await refereeVerdicts(out, slug);
  expect(verdicts.epub).toMatch(/^0 .*passed \(no errors/);
  expect(verdicts.pdf).toMatch(/^0 .*preflight passed/);
  expect(verdicts.vnu).toEqual([]);
  expect(verdicts.axe).toEqual([]);
  expect(verdicts.placement).toEqual([]);
}

export async function editionTexts(out: string, slug: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const page of webPages(out)) texts.set(`web/${path.basename(page)}`, readFileSync(page, 'utf8'));
  texts.set('print/index.html', readFileSync(path.join(out, 'print', 'index.html'), 'utf8'));
  const epub = await openEpub(path.join(out, `${slug}.epub`));
  for (const name of epub.names.filter((each) => /\.(xhtml|opf|ncx)$/.test(each)))
    texts.set(`epub/${name}`, await epub.text(name));
  return texts;
}

/** English words the tool itself could add, and placeholders for what issue.yaml leaves out. */
export function strayWords(texts: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [name, text] of texts) {
    for (const pattern of [
      /Footnotes/,
      /Back to (?:reference|content)/,
      /#00\b/,
      /undefined/,
      /<dc:(\w+)[^>]*>\s*<\/dc:\1>/,
      /<meta [^>]*property="[^"]+"[^>]*>\s*<\/meta>/,
    ]) {
      const match = pattern.exec(text);
      if (match) found.push(`${name}: ${match[0]}`);
    }
  }
  return found;
}
