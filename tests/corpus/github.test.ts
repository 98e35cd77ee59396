/**
 * What GitHub renders, built by the real command (tests/fixtures/github): `<details>` open in
 * print and EPUB, alerts as note boxes, a Mermaid diagram drawn as SVG with real text,
 * formulas as MathML, emoji in the embedded colour face. Every word of the article is in
 * every edition, every referee passes, and the build asks nothing of the network.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, withoutPlacementMarks } from '../helpers/cli.ts';
import type { CliResult } from '../helpers/cli.ts';
import { articleText, pdfText, wordsOf } from '../helpers/edition-words.ts';
import { openPdf, walkStruct, type StructNode } from '../helpers/pdf.ts';
import { ace } from '../epub/checkers.ts';
import { elements, openEpub } from '../epub/read-epub.ts';
import { countingServer, outDir, persklaarAsync, tempDir, type CountingServer } from '../hostile/helpers.ts';
import { expectRefereesPass } from './editions.ts';

const SLUG = 'github-constructies';
const DIAGRAM = 'flowchart LR\n  Manuscript --> Drukproef\n  Drukproef --> Tijdschrift';

function githubIssue(extra = ''): string {
  const dir = path.join(tempDir('persklaar-github-'), 'github');
  cpSync(path.join(fixtures, 'github'), dir, { recursive: true });
  if (extra)
    writeFileSync(path.join(dir, 'github.md'), `${readFileSync(path.join(dir, 'github.md'), 'utf8')}\n${extra}`);
  return dir;
}

function elementsNamed(tree: Root | Element, tagName: string): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === tagName) found.push(node);
  });
  return found;
}

async function chapter(out: string): Promise<string> {
  return (await openEpub(path.join(out, `${SLUG}.epub`))).text('OEBPS/github.xhtml');
}

describe('GitHub’s constructs in every edition', () => {
  let out: string;
  let cacheDir: string;
  let build: CliResult;
  let server: CountingServer;
  beforeAll(async () => {
    server = await countingServer();
    // Ways a diagram or a formula could ask for something, pointed at a server that counts.
    const fetching = [
      '```mermaid',
      `%%{init: {"themeCSS": "@import url(${server.url}/thema.css);"}}%%`,
      'flowchart TB',
      '  Bron --> Uitgave',
      `  click Bron href "${server.url}/klik"`,
      '```',
    ].join('\n');
    out = outDir();
    cacheDir = tempDir('persklaar-github-cache-');
    build = await persklaarAsync(['build', githubIssue(fetching), '--out', out], { PERSKLAAR_CACHE_DIR: cacheDir });
  }, 240_000);
  afterAll(async () => {
    await server?.close();
  });

  it('builds without a warning and without a request to the network', () => {
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    expect(server.requests).toEqual([]);
  });

  it('passes EPUBCheck, Ace, the PDF/UA preflight, the Nu Html Checker and axe', async () => {
    await expectRefereesPass(out, SLUG);
    const verdict = await ace(path.join(out, `${SLUG}.epub`));
    expect(verdict.violations).toEqual([]);
  }, 240_000);

  it('has every word of the web edition’s article in the PDF and in the EPUB', async () => {
    const web = wordsOf(articleText(readFileSync(path.join(out, 'web', 'github.html'), 'utf8')));
    const pdf = wordsOf(pdfText(path.join(out, `${SLUG}.pdf`)));
    const epub = wordsOf(articleText(await chapter(out)));
    // The text inside <details>, which a closed one hides in print, and inside `<div hidden>`.
    expect(web).toContain('uitklapblok');
    expect(web).toContain('verborgen');
    expect([...web].filter((word) => !pdf.has(word))).toEqual([]);
    expect([...web].filter((word) => !epub.has(word))).toEqual([]);
  });

  it('prints <details> open, and keeps it open in the EPUB', async () => {
    const print = withoutPlacementMarks(readFileSync(path.join(out, 'print', 'index.html'), 'utf8'));
    expect(print).toMatch(/<details open>/);
    expect(elements(await chapter(out), 'details')).toEqual([{ open: 'open' }]);
  });

  it('makes each alert a note box named by its Dutch label, a section of its own in the PDF', async () => {
    const page = readFileSync(path.join(out, 'web', 'github.html'), 'utf8');
    const boxes = [...page.matchAll(/<aside class="alert alert-(\w+)" role="note" aria-labelledby="([^"]+)">/g)];
    expect(boxes.map((box) => box[1])).toEqual(['note', 'tip', 'important', 'warning', 'caution']);
    const labels = boxes.map((box) => new RegExp(`id="${box[2]}">([^<]+)<`).exec(page)?.[1]);
    expect(labels).toEqual(['Opmerking', 'Tip', 'Belangrijk', 'Waarschuwing', 'Let op']);
    expect(page).not.toContain('[!');
    expect(pdfText(path.join(out, `${SLUG}.pdf`))).not.toContain('[!');

    const sections: string[] = [];
    const document = await openPdf(path.join(out, `${SLUG}.pdf`));
    for (let number = 1; number <= document.numPages; number++) {
      walkStruct((await (await document.getPage(number)).getStructTree()) as StructNode, (node) => {
        // The box's own first structure (after its tint, drawn as content) is the label's paragraph.
        const first = node.children?.find((child) => child.role !== undefined);
        if (node.role === 'Sect' && first?.role === 'P') sections.push('Sect');
      });
    }
    expect(sections.length).toBeGreaterThanOrEqual(5);
  });

  it('draws the Mermaid block as SVG with its labels as text, its source as the text alternative', async () => {
    const page = fromHtml(readFileSync(path.join(out, 'web', 'github.html'), 'utf8'));
    const svg = elementsNamed(page, 'svg').find((each) => each.properties.ariaLabel === DIAGRAM)!;
    expect(svg.properties.role).toBe('img');
    const labels = elementsNamed(svg, 'text').map((text) => toString(text).trim());
    expect(labels).toEqual(expect.arrayContaining(['Manuscript', 'Drukproef', 'Tijdschrift']));
    for (const name of ['style', 'script', 'foreignObject', 'a', 'image']) expect(elementsNamed(svg, name)).toEqual([]);
    // In the PDF: a Figure with the source as Alt, the labels as text (vector, not a picture).
    const figures: string[] = [];
    const document = await openPdf(path.join(out, `${SLUG}.pdf`));
    for (let number = 1; number <= document.numPages; number++) {
      walkStruct((await (await document.getPage(number)).getStructTree()) as StructNode, (node) => {
        if (node.role === 'Figure' && node.alt) figures.push(node.alt);
      });
    }
    expect(figures).toContain(DIAGRAM.replace(/\n/g, ' ').replace(/\s+/g, ' '));
    expect(pdfText(path.join(out, `${SLUG}.pdf`))).toMatch(/Manuscript[\s\S]*Drukproef[\s\S]*Tijdschrift/);
    expect(execFileSync('pdfimages', ['-list', path.join(out, `${SLUG}.pdf`)], { encoding: 'utf8' })).not.toMatch(
      /\n\s*\d+\s+\d+\s+image/,
    );
    const epub = await openEpub(path.join(out, `${SLUG}.epub`));
    expect(await chapter(out)).toMatch(/<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*>Tijdschrift</);
    const item = elements(await epub.text('OEBPS/content.opf'), 'item').find((each) => each.href === 'github.xhtml');
    expect(item?.properties).toBe('mathml svg');
  });

  it('sets formulas as MathML with their TeX as alttext and annotation, on the web and in the EPUB', async () => {
    const page = readFileSync(path.join(out, 'web', 'github.html'), 'utf8');
    const xhtml = await chapter(out);
    for (const markup of [page, xhtml]) {
      expect(markup).toMatch(
        /<math[^>]*alttext="E = mc\^2"[^>]*>[\s\S]*?<annotation encoding="application\/x-tex">E = mc\^2</,
      );
      expect(markup).toMatch(/<math[^>]*display="block"[\s\S]*?<mfrac>/);
      expect(markup).not.toMatch(/\$E = mc/);
    }
    expect(xhtml).toMatch(/<math [^>]*xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML"/);
    // Set in print: the mathematical italic letters, not the dollar source.
    const printed = pdfText(path.join(out, `${SLUG}.pdf`));
    expect(printed).toContain('𝐸 = 𝑚𝑐');
    expect(printed).not.toContain('$');
  });

  it('prints emoji, typed and from :shortcodes:, in the embedded colour face', () => {
    const page = readFileSync(path.join(out, 'web', 'github.html'), 'utf8');
    expect(page).not.toMatch(/:tada:|:cake:/);
    expect([...page.matchAll(/<span class="emoji">🎉<\/span>/g)]).toHaveLength(2);
    expect(page).toContain('<span class="emoji">🍰</span>');
    const printed = pdfText(path.join(out, `${SLUG}.pdf`));
    expect(printed).toContain('🎉');
    expect(printed).toContain('🍰');
    // Colour glyphs are embedded as a Type 3 font; no other face of the issue is one.
    const fonts = execFileSync('pdffonts', [path.join(out, `${SLUG}.pdf`)], { encoding: 'utf8' });
    expect(fonts).toMatch(/Type 3\s+Custom\s+yes/);
  });

  it('keeps the drawing in the cache by the block’s content and draws it from there', async () => {
    const dir = path.join(cacheDir, 'diagrams');
    const entries = readdirSync(dir).filter((name) => name.endsWith('.json'));
    expect(entries.length).toBe(2);
    for (const name of entries) {
      const file = path.join(dir, name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/>Manuscript</g, '>Uit de cache<'));
    }
    const again = outDir();
    const rebuilt = await persklaarAsync(['build', githubIssue(), '--out', again, '--only', 'web'], {
      PERSKLAAR_CACHE_DIR: cacheDir,
      // Drawing anew would need a browser: none can start, so the page is the cache's.
      PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium',
    });
    expect(rebuilt.stderr).toBe('');
    expect(readFileSync(path.join(again, 'web', 'github.html'), 'utf8')).toContain('>Uit de cache<');
  }, 120_000);
});

describe('a diagram or a formula that cannot be read', () => {
  it('stays its source, with a warning at its line', async () => {
    const broken = ['```mermaid', 'flowchart LR', '  A --> ', '  --> -->', '```', '', 'Fout: $\\frac{1}{2$ hier.'].join(
      '\n',
    );
    const dir = githubIssue(broken);
    const lines = readFileSync(path.join(dir, 'github.md'), 'utf8').split('\n');
    const fence = lines.lastIndexOf('```mermaid') + 1;
    const formula = lines.findIndex((line) => line.startsWith('Fout:')) + 1;
    const out = outDir();
    const result = await persklaarAsync(['build', dir, '--out', out, '--only', 'web'], {
      PERSKLAAR_CACHE_DIR: tempDir('persklaar-github-cache-'),
    });
    expect(result.status).toBe(0);
    // Mermaid's "line 3" is the block's third line: `  --> -->`.
    expect(lines[fence + 2]).toBe('  --> -->');
    expect(result.stderr).toMatch(new RegExp(`^\\s*${fence + 3}:1\\s+warning\\s+Unexpected Mermaid diagram`, 'm'));
    expect(result.stderr).toMatch(new RegExp(`^\\s*${formula}:7-\\S+\\s+warning\\s+Unexpected formula`, 'm'));
    const page = readFileSync(path.join(out, 'web', 'github.html'), 'utf8');
    expect(page).toContain('<code class="language-mermaid">flowchart LR\n  A --> \n  --> -->\n</code>');
    expect(page).toContain('<code class="formula-source">$\\frac{1}{2$</code>');
  }, 120_000);
});

describe('an issue without diagrams', () => {
  it('starts no browser for its web edition: there is nothing to draw', async () => {
    const out = outDir();
    const result = await persklaarAsync(['build', path.join(fixtures, 'mini'), '--out', out, '--only', 'web'], {
      PERSKLAAR_CACHE_DIR: tempDir('persklaar-github-cache-'),
      PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);
});
