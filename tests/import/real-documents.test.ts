/**
 * Acceptance on Word documents no one here wrote (mammoth's test documents, kept aside in
 * tests/fixtures/import/real/ with their licence): each is imported into an issue made by
 * `persklaar new`, the issue is built, and its editions pass EPUBCheck and `persklaar check`.
 * At least 95 % of each document's words reach the web edition; every footnote, table and
 * picture arrives; deleted text and comments stay out. The document with a picture linked from
 * outside it, and a real document cut off halfway, are refused at their name, the issue unchanged.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../helpers/cli.ts';
import { hashesOf, outDir, persklaarAsync, snapshot, tempDir } from '../hostile/helpers.ts';
import { importInto, newIssue } from './issue.ts';
import { articleText, shareFound, wordContent } from './word-text.ts';

const folder = path.join(fixtures, 'import', 'real');
const refused = new Set(['external-picture.docx']);
const documents = readdirSync(folder).filter((name) => name.endsWith('.docx') && !refused.has(name));
const nameOf = (file: string) => file.replace(/\.docx$/, '');

let issue: string;
let out: string;
const imports = new Map<string, { status: number | null; stderr: string }>();

beforeAll(async () => {
  issue = await newIssue();
  for (const document of documents) imports.set(document, await importInto(issue, path.join(folder, document)));
  out = outDir();
  const build = await persklaarAsync(['build', issue, '--out', out]);
  expect(build.status, build.stderr).toBe(0);
}, 600_000);

const page = (document: string) => readFileSync(path.join(out, 'web', `${nameOf(document)}.html`), 'utf8');

describe('real Word documents, imported into a new issue', () => {
  it('all import with exit 0', () => {
    expect(documents.length).toBeGreaterThanOrEqual(15);
    for (const [document, result] of imports) expect(result.status, `${document}: ${result.stderr}`).toBe(0);
  });

  it('the issue’s EPUB passes EPUBCheck and its PDF passes persklaar check', async () => {
    const slug = 'blad';
    const [epub, pdf] = await Promise.all([
      persklaarAsync(['check', path.join(out, `${slug}.epub`)]),
      persklaarAsync(['check', path.join(out, `${slug}.pdf`)]),
    ]);
    expect(`${epub.status} ${epub.stdout}${epub.stderr}`).toMatch(/^0 .*passed \(no errors/);
    expect(`${pdf.status} ${pdf.stdout}${pdf.stderr}`).toMatch(/^0 .*preflight passed/);
  });

  it('at least 95 % of each document’s words reach the web edition', async () => {
    for (const document of documents) {
      const { words } = await wordContent(readFileSync(path.join(folder, document)));
      expect(shareFound(words, articleText(page(document))), document).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('every footnote, endnote, table and picture arrives', async () => {
    let seen = { notes: 0, tables: 0, pictures: 0 };
    for (const document of documents) {
      const content = await wordContent(readFileSync(path.join(folder, document)));
      const body = /<article[\s\S]*<\/article>/.exec(page(document))![0];
      const arrived = {
        notes: body.match(/<li id="[^"]*fn-[^"]*"/g)?.length ?? 0,
        tables: body.match(/<table\b/g)?.length ?? 0,
        pictures: body.match(/<img\b/g)?.length ?? 0,
      };
      expect(arrived, document).toEqual({ notes: content.notes, tables: content.tables, pictures: content.pictures });
      seen = {
        notes: seen.notes + arrived.notes,
        tables: seen.tables + arrived.tables,
        pictures: seen.pictures + arrived.pictures,
      };
    }
    // The set has each kind at least once, or this test would prove nothing of it.
    expect(seen.notes).toBeGreaterThanOrEqual(4);
    expect(seen.tables).toBeGreaterThanOrEqual(1);
    expect(seen.pictures).toBeGreaterThanOrEqual(2);
  });

  it('comments stay out of the text and are named in warnings; deleted text stays out', async () => {
    expect(imports.get('comments.docx')!.stderr).toMatch(
      /comment by Michael Williamson on “[^”]+”: “A tachyon walks into a bar\.”/,
    );
    expect(articleText(page('comments.docx'))).not.toContain('tachyon');
    for (const document of documents) {
      const { deletedWords } = await wordContent(readFileSync(path.join(folder, document)));
      const text = articleText(page(document));
      for (const word of deletedWords)
        expect(text.toLowerCase(), `${document}: ${word}`).not.toMatch(new RegExp(`\\b${word}\\b`));
    }
  });

  it('a picture linked from outside the document, and a real document cut off halfway, are refused at their name', async () => {
    const before = hashesOf(snapshot(issue));
    const linked = path.join(folder, 'external-picture.docx');
    const refusal = await importInto(issue, linked);
    expect(refusal.status).toBe(1);
    expect(refusal.stderr).toContain(linked);
    expect(refusal.stderr).toMatch(/linked from outside the file/);

    const broken = path.join(tempDir('persklaar-broken-'), 'tables.docx');
    const whole = readFileSync(path.join(folder, 'tables.docx'));
    writeFileSync(broken, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const damaged = await importInto(issue, broken);
    expect(damaged.status).toBe(1);
    expect(damaged.stderr).toContain(broken);
    expect(damaged.stderr).toMatch(/damaged zip package/);
    expect(hashesOf(snapshot(issue))).toEqual(before);
  });
});
