/**
 * Raw HTML in a manuscript is rendered, sanitised: scripts, embedded documents, event
 * handlers, `javascript:` URLs and remote resources are gone from every edition's files, what
 * an editor may use (`<sup>`, `<abbr>`, a table) stays, and the linter names each dangerous
 * part at its line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openEpub } from '../epub/read-epub.ts';
import { openPdf } from '../helpers/pdf.ts';
import { withoutPlacementMarks } from '../helpers/cli.ts';
import { edit } from '../helpers/temp-issue.ts';
import { vnuErrors } from '../helpers/vnu.ts';
import { article, miniIssue, outDir, persklaarAsync } from './helpers.ts';
import { expectMagazineComponents } from '../helpers/components.ts';

/** Each hostile line, and what the linter says about it. */
const hostile: [string, RegExp][] = [
  ['<script>document.title = "gehackt"</script>', /`<script>`/],
  ['<p>Tekst <img src="portret.jpg" alt="Twee collega’s" onerror="alert(1)"> na</p>', /event handler `onerror`/],
  ['<iframe src="https://video.example.org/embed/1"></iframe>', /`<iframe>`/],
  ['<object data="https://example.org/film.swf"></object>', /`<object>`/],
  ['<embed src="https://example.org/film.swf">', /`<embed>`/],
  ['<a href="javascript:alert(1)">klik</a>', /`javascript:` URL in `href`/],
  ['<p onclick="alert(1)">Klikbare alinea</p>', /event handler `onclick`/],
  ['<img src="https://example.org/teller.gif" alt="">', /remote resource `https:\/\/example\.org\/teller\.gif`/],
  ['<link rel="stylesheet" href="https://example.org/stijl.css">', /`<link>`/],
  ['<style>body { background: url(https://example.org/achtergrond.png) }</style>', /remote resource in `<style>`/],
  ['<div style="background-image: url(//example.org/x.png)">Achtergrond</div>', /remote resource in `style`/],
  ['<svg><script>alert(1)</script><image href="https://example.org/x.svg"/></svg>', /`<script>`/],
];

const benign = 'Een voetnoot<sup>2</sup>, een <abbr title="Justitie en Veiligheid">JenV</abbr> en <b>vet</b>.';
const table = '<table><tr><th scope="col">Jaar</th></tr><tr><td>2022</td></tr></table>';

const body = [
  benign,
  ...hostile.map(([html]) => html),
  table,
  '[Markdown-link met script](javascript:alert(2))',
  '<details open><summary>Meer</summary>\n\nMarkdown **binnen** HTML.\n\n</details>',
].join('\n\n');
const text = article(`${body}\n`, 'Ruwe HTML');
/** Line of the nth hostile snippet in the article file (front matter: 4 lines, blocks 2 apart). */
const lineOf = (index: number) => 5 + 2 * (index + 1);

/** Our own stylesheets are the only `<link>`s, and the print's running heads the only `<style>`. */
const ownStylesheets = new Set(['assets/web.css', 'assets/print.css', 'style.css']);

function unsafeIn(html: string): string[] {
  const found: string[] = [];
  const patterns = [
    /<script/i,
    /<iframe/i,
    /<object/i,
    /<embed/i,
    /<svg/i,
    /\son[a-z]+=/i,
    /javascript:/i,
    /example\.org/i,
    /\surl\(/i,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(html);
    if (match) found.push(html.slice(Math.max(0, match.index - 40), match.index + 60));
  }
  for (const [tag, href] of html.matchAll(/<link\b[^>]*?href="([^"]*)"[^>]*>/g))
    if (!ownStylesheets.has(href!)) found.push(tag);
  for (const [, css] of html.matchAll(/<style>([^<]*)<\/style>/g))
    if (!/^\s*(?:@page art-[\w-]+ \{[^\n]*\}\s*)*$/.test(css!)) found.push(css!);
  return found;
}

describe('raw HTML through every edition', () => {
  let out: string;
  let dir: string;
  beforeAll(async () => {
    dir = miniIssue({ 'voorwoord.md': text });
    // The article with every component gets raw HTML too, so that it goes through the HTML parser.
    edit(path.join(dir, 'gesprek.md'), (markdown) => `${markdown}\nEen laatste noot<sup>1</sup>.\n`);
    out = outDir();
    const result = await persklaarAsync(['build', dir, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  /** Every HTML or XHTML document an edition wrote, by name. */
  async function documents(): Promise<[string, string][]> {
    const web = readdirSync(path.join(out, 'web'))
      .filter((name) => name.endsWith('.html'))
      .map((name): [string, string] => [`web/${name}`, readFileSync(path.join(out, 'web', name), 'utf8')]);
    const epub = await openEpub(path.join(out, 'proefnummer-01.epub'));
    const xhtml = await Promise.all(
      epub.names
        .filter((name) => name.endsWith('.xhtml'))
        .map(async (name): Promise<[string, string]> => [`epub/${name}`, await epub.text(name)]),
    );
    return [...web, ['print/index.html', readFileSync(path.join(out, 'print/index.html'), 'utf8')], ...xhtml];
  }

  it('leaves no script, embed, handler, javascript: URL or remote resource in any file', async () => {
    const found: string[] = [];
    for (const [name, html] of await documents()) found.push(...unsafeIn(html).map((part) => `${name}: ${part}`));
    expect(found).toEqual([]);
  });

  it('keeps what an editor may write, and Markdown inside HTML', async () => {
    for (const [name, html] of (await documents()).filter(([name]) => /voorwoord|print/.test(name))) {
      const plain = withoutPlacementMarks(html).replaceAll('\u00ad', '');
      expect(plain, name).toMatch(
        /Een voetnoot<sup>2<\/sup>, een <abbr title="Justitie en Veiligheid">JenV<\/abbr> en <b>vet<\/b>\./,
      );
      // A column of numbers is marked as such (right-aligned), in raw HTML tables too.
      expect(plain, name).toMatch(/<th (scope="col" class="num"|class="num" scope="col")>Jaar<\/th>/);
      expect(plain, name).toMatch(
        // Printed open (a print reader cannot open it): `open` in the print document.
        /<details(?: open(?:="open")?)?><summary>Meer<\/summary>\s*<p>Markdown <strong>binnen<\/strong> HTML\.<\/p>/,
      );
      // The photo of the hostile <img> is kept (it is a local photo), its handler is not.
      expect(plain, name).toMatch(/Tekst <(?:picture|img)[\s\S]*?alt="Twee collega[\s\S]*? na/);
      // A link that would run a script keeps its words, not its destination.
      expect(plain, name).toContain('klik');
      expect(plain, name).toContain('Markdown-link met script');
    }
  });

  it('every magazine component survives the HTML parser exactly as rendered', () => {
    const html = readFileSync(path.join(out, 'web/gesprek.html'), 'utf8');
    expect(html).toContain('Een laatste noot<sup>1</sup>.');
    expectMagazineComponents(html);
    expect(html).not.toContain('data-persklaar-own');
  });

  it('the sanitised pages are valid HTML (Nu Html Checker)', () => {
    const errors = vnuErrors(['voorwoord.html', 'gesprek.html'].map((page) => path.join(out, 'web', page)));
    expect(errors.map((error) => `${path.basename(error.url)}:${error.lastLine}: ${error.message}`)).toEqual([]);
  });

  it('the PDF has no link to a script or a file', async () => {
    const pdf = await openPdf(path.join(out, 'proefnummer-01.pdf'));
    const urls: string[] = [];
    for (let page = 1; page <= pdf.numPages; page++) {
      for (const annotation of await (await pdf.getPage(page)).getAnnotations()) {
        if (annotation.url) urls.push(String(annotation.url));
      }
    }
    expect(urls.filter((url) => /^(?:javascript|file|data):/i.test(url))).toEqual([]);
  });

  it('the linter names each dangerous part at its line', async () => {
    const result = await persklaarAsync(['lint', dir, '--format', 'json']);
    expect(result.status).toBe(1);
    const records = (
      JSON.parse(result.stdout) as { file: string; line: number; ruleId: string; severity: string; message: string }[]
    ).filter((record) => record.ruleId === 'raw-html-unsafe');
    hostile.forEach(([html, reason], index) => {
      const here = records.filter((record) => record.line === lineOf(index));
      expect(
        here.map((record) => record.message),
        html,
      ).toContainEqual(expect.stringMatching(reason));
      for (const record of here) expect(record.severity).toBe('error');
    });
    // The Markdown `javascript:` link is `no-placeholder-link`'s; nothing else is reported by this rule.
    expect(records.every((record) => hostile.some((_, index) => record.line === lineOf(index)))).toBe(true);
  });
});
