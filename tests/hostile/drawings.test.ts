/**
 * Hostile drawings built by the real command, their outside references pointed at a counting
 * server on 127.0.0.1: a drawing that can be made safe is carried clean in every edition with
 * what was removed named at its file, one that cannot is refused at its line; either way the
 * server sees zero requests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../helpers/cli.ts';
import { openEpub } from '../epub/read-epub.ts';
import { article, countingServer, miniIssue, outDir, persklaarAsync, type CountingServer } from './helpers.ts';

let server: CountingServer;
beforeAll(async () => {
  server = await countingServer();
});
afterAll(async () => {
  await server?.close();
});

/** A hostile fixture with its attacker's address made the counting server's. */
function hostile(name: string): string {
  return readFileSync(path.join(fixtures, 'drawings/hostile', name), 'utf8').replaceAll(
    'http://attacker.invalid',
    server.url,
  );
}

function figure(file: string): string {
  return `:::figuur{plaatsing="kolom" fotograaf="Redactie"}\n![Een schema met twee vlakken en een pijl ertussen, voor de proef](${file})\n:::\n`;
}

/** Every text file the build wrote: web pages and drawings, the print document, the EPUB's entries. */
async function editionTexts(out: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(html|svg|css)$/.test(entry.name)) texts.set(path.relative(out, file), readFileSync(file, 'utf8'));
    }
  };
  walk(out);
  const epubFile = readdirSync(out).find((name) => name.endsWith('.epub'))!;
  const epub = await openEpub(path.join(out, epubFile));
  for (const name of epub.names.filter((each) => /\.(xhtml|svg|opf)$/.test(each)))
    texts.set(`epub/${name}`, await epub.text(name));
  return texts;
}

describe('a hostile drawing that can be made safe', () => {
  it('is carried clean in every edition, what went named at its file, with zero requests', async () => {
    const dir = miniIssue({
      'voorwoord.md': article(
        `Tekst.\n\n${figure('code.svg')}\n${figure('buiten.svg')}\n${figure('rijk.svg')}`,
        'Tekeningen',
      ),
      'code.svg': hostile('script.svg'),
      'buiten.svg': hostile('external.svg'),
      // Rich labels: the EPUB gets a PNG that Chromium draws of the sanitised drawing.
      'rijk.svg': readFileSync(path.join(fixtures, 'drawings/drawio-rich-labels.svg'), 'utf8').replace(
        '<defs/>',
        `<defs/><image href="${server.url}/rijk.png" width="10" height="10"/>`,
      ),
    });
    const out = outDir();
    const result = await persklaarAsync(['build', dir, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(server.requests).toEqual([]);
    expect(result.stderr).toMatch(
      /warning\s+Drawing `code\.svg` was made safe; removed: .*onload on <svg>; a <script>/,
    );
    expect(result.stderr).toMatch(/warning\s+Drawing `buiten\.svg` was made safe; removed: a <style> with @import/);

    const texts = await editionTexts(out);
    const drawings = [...texts.keys()].filter((name) => name.endsWith('.svg'));
    // Three drawings in the web edition and the print, two in the EPUB beside the PNG of the third.
    expect(drawings).toHaveLength(8);
    expect(result.stderr).toMatch(/warning\s+Drawing `rijk\.svg` was made safe; removed: href="http:\/\/127\.0\.0\.1/);
    const epub = await openEpub(path.join(out, readdirSync(out).find((name) => name.endsWith('.epub'))!));
    expect(epub.names.filter((name) => name.endsWith('.png'))).toEqual([
      expect.stringMatching(/^OEBPS\/images\/rijk-[0-9a-f]{8}-\d+\.png$/),
    ]);
    const port = new URL(server.url).port;
    const left = [...texts].filter(([, text]) =>
      [`:${port}`, 'onload=', 'onclick=', '<script', '@import', 'file:///etc', 'javascript:', '\\75'].some((attack) =>
        text.includes(attack),
      ),
    );
    expect(left.map(([name]) => name)).toEqual([]);
    for (const name of drawings) expect(texts.get(name)).toMatch(/Zonder code|Buiten weg|Gegevensuitwisseling/);
  }, 180_000);
});

describe('a hostile drawing that cannot be made safe', () => {
  it.each([
    ['xxe.svg', 'it declares entities in a DOCTYPE'],
    ['billion-laughs.svg', 'it declares entities in a DOCTYPE'],
  ])(
    '%s is refused at its line, nothing is written and nothing requested',
    async (name, reason) => {
      const dir = miniIssue({
        'voorwoord.md': article(`Tekst.\n\n${figure(name)}`, 'Tekeningen'),
        [name]: hostile(name),
      });
      const out = outDir();
      const result = await persklaarAsync(['build', dir, '--out', out]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        new RegExp(
          `voorwoord\\.md\\s*\\n\\s*8:1(?:-\\d+:\\d+)?\\s+error\\s+Cannot read image \`${name.replace('.', '\\.')}\`: the drawing cannot be made safe: ${reason}`,
        ),
      );
      expect(existsSync(out) ? readdirSync(out).filter((entry) => !entry.startsWith('.')) : []).toEqual([]);
      expect(server.requests).toEqual([]);
    },
    120_000,
  );
});
