/**
 * Odd but valid input builds: an article with nothing but its front matter, a file saved with
 * a BOM and Windows line ends, nesting 500 levels deep, a 5 MB article.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { edit } from '../helpers/temp-issue.ts';
import { openEpub } from '../epub/read-epub.ts';
import { article, miniIssue, outDir, persklaarAsync } from './helpers.ts';
import { PDFDocument } from '@cantoo/pdf-lib';

const LEVELS = 500;

/** Lists, quotes and HTML elements, each nested LEVELS deep. */
function deepArticle(): string {
  const list = Array.from({ length: LEVELS }, (_, level) => `${'  '.repeat(level)}- niveau ${level + 1}`).join('\n');
  const quotes = `${'> '.repeat(LEVELS)}diep geciteerd`;
  const html = `${'<div>'.repeat(LEVELS)}diep in HTML${'</div>'.repeat(LEVELS)}`;
  return article(`${list}\n\nTussentekst.\n\n${quotes}\n\nTussentekst.\n\n${html}\n`, 'Diep');
}

/** About 5 MB of ordinary article text: paragraphs, headings, lists, links, emphasis. */
function bigArticle(bytes = 5 * 1024 * 1024): string {
  const words = (
    'de het een ambtelijk vakmanschap werk gesprek collega beleid burger overheid ' +
    'dienst justitie veiligheid luisteren tegenspraak samen beter vertrouwen menselijk'
  ).split(' ');
  let state = 7;
  const next = () => (state = (state * 48271) % 2147483647);
  const sentence = () => {
    const text = Array.from({ length: 8 + (next() % 12) }, () => words[next() % words.length]).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const blocks: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index++) {
    const block =
      index % 40 === 0
        ? `## Deel ${index / 40 + 1}`
        : index % 13 === 0
          ? Array.from({ length: 4 }, () => `- ${sentence()}`).join('\n')
          : index % 17 === 0
            ? `Met *nadruk*, **vet** en [een link](https://www.rijksoverheid.nl). ${sentence()}`
            : Array.from({ length: 5 }, sentence).join(' ');
    blocks.push(block);
    size += block.length + 2;
  }
  return article(`${blocks.join('\n\n')}\n`, 'Groot');
}

describe('odd but valid input builds, every edition', () => {
  let dir: string;
  let out: string;
  let result: Awaited<ReturnType<typeof persklaarAsync>>;
  beforeAll(async () => {
    dir = miniIssue({
      'leeg.md': '---\ntitle: Leeg\n---\n',
      'windows.md':
        '\uFEFF' +
        article('Een regel.\r\n\r\n## Kop\r\n\r\n- een\r\n- twee\r\n', 'Windows')
          .replace(/\n/g, '\r\n')
          .replace(/\r\r/g, '\r'),
      'diep.md': deepArticle(),
      // Pasted from a word processor: a vertical tab, a bell, a C1 control.
      'controle.md': article('Een\u000bregel met een bel\u0007 en \u0085 erin.\n', 'Controle'),
    });
    edit(path.join(dir, 'issue.yaml'), (text) =>
      text.replace('  - gesprek.md', '  - gesprek.md\n  - leeg.md\n  - windows.md\n  - diep.md\n  - controle.md'),
    );
    out = outDir();
    result = await persklaarAsync(['build', dir, '--out', out]);
  }, 120_000);

  it('builds, naming the one repair at its line', () => {
    // The control characters are replaced by spaces: a repair the build reports as a warning.
    expect(result.stderr).toMatch(
      /^\S+controle\.md\n5:4\s+warning\s+Unexpected control character U\+000B \(and 2 more\): replaced by a space/,
    );
    expect(result.stderr).toMatch(/⚠ 1 warning\n$/);
    expect(result.status).toBe(0);
    for (const page of ['leeg', 'windows', 'diep', 'controle'])
      expect(existsSync(path.join(out, 'web', `${page}.html`))).toBe(true);
    expect(existsSync(path.join(out, 'proefnummer-01.pdf'))).toBe(true);
  });

  it('an empty article gets its title block and nothing else', () => {
    const html = readFileSync(path.join(out, 'web/leeg.html'), 'utf8');
    expect(html).toMatch(/<h1 id="artikel-titel">Leeg<\/h1>[\s\S]*<div class="article-body"><\/div>/);
  });

  it('a BOM and CRLF line ends read like any file: title, heading id, list', () => {
    const html = readFileSync(path.join(out, 'web/windows.html'), 'utf8');
    expect(html).toContain('<h1 id="artikel-titel">Windows</h1>');
    expect(html).toContain('<h2 id="kop">Kop</h2>');
    expect(html).toMatch(/<li>een<\/li>\s*<li>twee<\/li>/);
    expect(html).not.toContain('\uFEFF');
    expect(html).not.toContain('\r');
  });

  it('control characters become spaces, so the EPUB stays well-formed XML', async () => {
    const epub = await openEpub(path.join(out, 'proefnummer-01.epub'));
    const chapter = await epub.text(epub.names.find((name) => name.endsWith('controle.xhtml'))!);
    const web = readFileSync(path.join(out, 'web/controle.html'), 'utf8');
    for (const html of [chapter, web]) {
      expect(html).toContain('Een regel met een bel  en   erin.');
      expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
    }
  });

  it('500 levels of lists, quotes and HTML are all there, in every edition', async () => {
    const web = readFileSync(path.join(out, 'web/diep.html'), 'utf8');
    // The print document carries soft hyphens (Dutch hyphenation); the words are the same.
    for (const html of [web, readFileSync(path.join(out, 'print/index.html'), 'utf8').replaceAll('\u00ad', '')]) {
      expect(html.match(/<ul>/g)?.length).toBeGreaterThanOrEqual(LEVELS);
      expect(html.match(/<blockquote>/g)?.length).toBeGreaterThanOrEqual(LEVELS);
      expect(html).toContain(`niveau ${LEVELS}`);
      expect(html).toContain('diep geciteerd');
    }
    expect(web).toMatch(new RegExp(`(?:<div>){${LEVELS}}diep in HTML`));
    const epub = await openEpub(path.join(out, 'proefnummer-01.epub'));
    const chapter = await epub.text(epub.names.find((name) => name.endsWith('diep.xhtml'))!);
    expect(chapter).toContain(`niveau ${LEVELS}`);
    expect(chapter).toContain('diep in HTML');
  });
});

describe('a 5 MB article', () => {
  it('builds every edition: web page, a PDF of a thousand pages, the EPUB chapter', async () => {
    const dir = miniIssue({ 'voorwoord.md': bigArticle() });
    const out = outDir();
    const result = await persklaarAsync(['build', dir, '--out', out]);
    // A thousand pages of generated text: the layout report names its lone lines, nothing else is said.
    const said = result.stderr.split('\n').filter((line) => /\b(warning|error)\b/.test(line));
    expect(said.filter((line) => !/\slayout-(widow|orphan|runt-page)\s/.test(line))).toEqual([]);
    expect(result.status).toBe(0);
    const html = readFileSync(path.join(out, 'web/voorwoord.html'), 'utf8');
    expect(html.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(html).toContain('<h2 id="deel-2">Deel 2</h2>');
    const pdf = await PDFDocument.load(readFileSync(path.join(out, 'proefnummer-01.pdf')), { updateMetadata: false });
    expect(pdf.getPageCount()).toBeGreaterThan(500);
    const epub = await openEpub(path.join(out, 'proefnummer-01.epub'));
    expect(await epub.text(epub.names.find((name) => name.endsWith('voorwoord.xhtml'))!)).toContain('Deel 2');
    // A deadline, not a measure: a thousand pages printed twice, measured and finished, on two
    // cores shared with the other suites (docs/performance.md has the figures).
  }, 600_000);
});
