/**
 * Paths stay inside the issue. An image that leads out of images/ (`../`, an absolute path,
 * a symbolic link) fails the build at its line; a link that leads out of the issue folder is
 * rendered as its text in every edition, and the linter reports it at its line.
 */
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openEpub } from '../epub/read-epub.ts';
import { openPdf } from '../helpers/pdf.ts';
import { photo } from '../images/fixtures.ts';
import { article, miniIssue, outDir, persklaarAsync, tempDir } from './helpers.ts';

describe('image paths', () => {
  it('`../`, absolute paths, symbolic links out of images/ and raw HTML <img> are refused at their lines', async () => {
    const dir = miniIssue({
      'voorwoord.md': article(
        `${[
          '![Een foto van de afdeling](../../../etc/passwd)',
          '![Een foto van de afdeling](/etc/hostname)',
          '![Een foto van de afdeling](link.jpg)',
          '<img src="../../geheim.jpg" alt="Een foto van de afdeling">',
        ].join('\n\n')}\n`,
      ),
    });
    const secret = path.join(tempDir(), 'geheim.jpg');
    writeFileSync(secret, await photo({ width: 200, height: 100 }));
    symlinkSync(secret, path.join(dir, 'images/link.jpg'));
    const result = await persklaarAsync(['build', dir, '--out', outDir(), '--only', 'web']);
    expect(result.status).toBe(1);
    const lines = [
      [5, /Cannot read image `\.\.\/\.\.\/\.\.\/etc\/passwd`: the path leads outside images\//],
      [7, /Cannot read image `\/etc\/hostname`: absolute paths are refused/],
      [9, /Cannot read image `link\.jpg`: the path leads outside images\/ through a symbolic link/],
      [11, /Cannot read image `\.\.\/\.\.\/geheim\.jpg`: the path leads outside images\//],
    ] as const;
    for (const [line, reason] of lines)
      expect(result.stderr).toMatch(new RegExp(`\\n${line}:\\d+(?:-\\d+:\\d+)?\\s+error\\s+${reason.source}`));
  });
});

describe('link paths', () => {
  const links = [
    '[het wachtwoordbestand](../../../etc/passwd)',
    '[de hostnaam](/etc/hostname)',
    '[een snelkoppeling](snelkoppeling.txt)',
    '[een netwerkmap](//fileserver/redactie)',
    '[een bestand via file](file:///etc/passwd)',
    '<a href="../../../etc/shadow">een HTML-link naar buiten</a>',
  ];
  const inside = '[de bijlage](bijlage.pdf) en [het gesprek](gesprek.md#de-eerste-vraag)';
  const text = article(`${[...links, inside].join('\n\n')}\n`, 'Paden');
  let dir: string;
  let out: string;
  beforeAll(async () => {
    dir = miniIssue({ 'voorwoord.md': text, 'bijlage.pdf': '%PDF-1.4\n' });
    symlinkSync('/etc/passwd', path.join(dir, 'snelkoppeling.txt'));
    out = outDir();
    const result = await persklaarAsync(['build', dir, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  it('a link out of the issue keeps its words and loses its destination, in every edition', async () => {
    const epub = await openEpub(path.join(out, 'proefnummer-01.epub'));
    const documents: [string, string][] = [
      ['web', readFileSync(path.join(out, 'web/voorwoord.html'), 'utf8')],
      ['print', readFileSync(path.join(out, 'print/index.html'), 'utf8').replaceAll('\u00ad', '')],
      ['epub', await epub.text(epub.names.find((name) => name.endsWith('voorwoord.xhtml'))!)],
    ];
    for (const [edition, html] of documents) {
      for (const words of [
        'het wachtwoordbestand',
        'de hostnaam',
        'een snelkoppeling',
        'een netwerkmap',
        'een bestand via file',
        'een HTML-link naar buiten',
      ]) {
        expect(html, edition).toContain(words);
        expect(html, edition).not.toMatch(new RegExp(`<a [^>]*>${words}</a>`));
      }
      expect(html, edition).not.toMatch(/etc\/(?:passwd|hostname|shadow)|snelkoppeling\.txt|fileserver|file:/);
      if (edition !== 'print') expect(html, edition).toMatch(/<a href="[^"]*bijlage\.pdf">de bijlage<\/a>/);
    }
  });

  it('the PDF has no file links at all (a file does not travel with the PDF)', async () => {
    const pdf = await openPdf(path.join(out, 'proefnummer-01.pdf'));
    const urls: string[] = [];
    for (let page = 1; page <= pdf.numPages; page++) {
      for (const annotation of await (await pdf.getPage(page)).getAnnotations())
        if (annotation.url) urls.push(String(annotation.url));
    }
    // Not even into the issue: a file beside the manuscript does not travel with the PDF.
    expect(urls.filter((url) => /^file:|etc\/|snelkoppeling|fileserver/.test(url))).toEqual([]);
  });

  it('the linter reports each at its line', async () => {
    const result = await persklaarAsync(['lint', dir, '--format', 'json']);
    const records = (
      JSON.parse(result.stdout) as { line: number; ruleId: string; severity: string; message: string }[]
    ).filter((record) => ['local-path-inside', 'no-placeholder-link'].includes(record.ruleId));
    const byLine = (line: number) => records.filter((record) => record.line === line);
    links.forEach((link, index) => {
      const line = 5 + 2 * index;
      expect(
        byLine(line).map((record) => record.severity),
        link,
      ).toEqual(['error']);
    });
    expect(byLine(5)[0]?.message).toMatch(/`\.\.\/\.\.\/\.\.\/etc\/passwd` leads outside the issue folder/);
    expect(byLine(7)[0]?.message).toMatch(/`\/etc\/hostname` is an absolute path/);
    expect(byLine(9)[0]?.message).toMatch(
      /`snelkoppeling\.txt` leads outside the issue folder through a symbolic link/,
    );
    expect(byLine(11)[0]?.message).toMatch(/network path/);
    expect(byLine(13)[0]?.message).toMatch(/`file:` links do not work in the editions/);
    expect(byLine(15)[0]?.message).toMatch(/`\.\.\/\.\.\/\.\.\/etc\/shadow` leads outside the issue folder/);
    expect(byLine(5 + 2 * links.length)).toEqual([]);
    expect(result.status).toBe(1);
  });
});
