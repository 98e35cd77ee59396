/**
 * A manuscript that tries to fetch from the network fetches nothing: the sanitiser removes
 * remote resources, the print refuses anything outside the print folder (Chromium's
 * allow-list, navigations checked here), and Chromium itself has no route to any server. Counted with a real HTTP
 * server on 127.0.0.1, which must see zero requests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/pdf/browser.ts';
import { folderAllowList, printPdf } from '../../scripts/pdf/print.ts';
import { article, countingServer, miniIssue, outDir, persklaarAsync, tempDir, type CountingServer } from './helpers.ts';

let server: CountingServer;
beforeAll(async () => {
  server = await countingServer();
});
afterAll(async () => {
  await server?.close();
});

/** Every way HTML can ask for something, pointed at the counting server. */
function fetchingHtml(url: string): string[] {
  return [
    `<img src="${url}/foto.png" alt="Een foto">`,
    `<img src="portret.jpg" srcset="${url}/groot.png 2x" alt="Twee collega's">`,
    `<picture><source srcset="${url}/bron.png"><img src="portret.jpg" alt="Twee collega's"></picture>`,
    `<link rel="stylesheet" href="${url}/stijl.css">`,
    `<link rel="prefetch" href="${url}/vooraf">`,
    `<style>@import url(${url}/import.css); p { background: url(${url}/achtergrond.png) }</style>`,
    `<style>@font-face { font-family: X; src: url(${url}/letter.woff2) } body { font-family: X }</style>`,
    `<div style="background-image: url(${url}/stijl-attribuut.png)">Tekst</div>`,
    `<iframe src="${url}/frame"></iframe>`,
    `<script src="${url}/script.js"></script>`,
    `<object data="${url}/object"></object>`,
    `<embed src="${url}/embed">`,
    `<video src="${url}/film.mp4" poster="${url}/poster.png"></video>`,
    `<audio src="${url}/geluid.mp3" autoplay></audio>`,
    `<input type="image" src="${url}/knop.png" alt="Knop">`,
    `<table background="${url}/tabel.png"><tr><td>cel</td></tr></table>`,
    `<svg><image href="${url}/svg.png" width="10" height="10"/></svg>`,
    `<meta http-equiv="refresh" content="0; url=${url}/doorverwezen">`,
    `<base href="${url}/">`,
  ];
}

describe('a manuscript that fetches from a local server', () => {
  it('a full build (web, PDF, EPUB) makes zero requests', async () => {
    const markdown = [
      ...fetchingHtml(server.url),
      // Links are followed by readers, never fetched by the build.
      `[Een link naar de server](${server.url}/pagina) en <a href="${server.url}/html-link">een HTML-link</a>.`,
    ].join('\n\n');
    const dir = miniIssue({ 'voorwoord.md': article(`${markdown}\n`, 'Netwerk') });
    const result = await persklaarAsync(['build', dir, '--out', outDir()]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(server.requests).toEqual([]);
  }, 120_000);

  it('a Markdown image from the server is refused at its line, without a request', async () => {
    const dir = miniIssue({
      'voorwoord.md': article(`Tekst.\n\n![Een grafiek van het aantal meldingen](${server.url}/grafiek.png)\n`),
    });
    const result = await persklaarAsync(['build', dir, '--out', outDir()]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        /voorwoord\.md\s*\n\s*7:1(?:-\d+:\d+)?\s+error\s+/.source +
          /Cannot read image `http:\/\/127\.0\.0\.1:\d+\/grafiek\.png`/.source +
          /: remote images are not supported/.source,
      ),
    );
    expect(server.requests).toEqual([]);
  }, 60_000);
});

describe('the renderer on its own (no sanitiser in front of it)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('prints a hostile document without a single request, and refuses files outside the print folder', async () => {
    const dir = tempDir('persklaar-print-');
    const html = [
      '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Vijandig</title>',
      ...fetchingHtml(server.url),
      '</head><body><p>Tekst</p>',
      ...fetchingHtml(server.url),
      '<img src="file:///etc/hostname" alt=""><iframe src="file:///etc/passwd"></iframe>',
      `<img src="../${path.basename(dir)}-buiten.png" alt="">`,
      `<script>fetch("${server.url}/door-script")</script>`,
      '</body></html>',
    ].join('\n');
    writeFileSync(path.join(dir, 'index.html'), html);
    const blocked: string[] = [];
    const pdf = await printPdf(browser, path.join(dir, 'index.html'), {
      onBlocked: (url) => blocked.push(url),
      timeoutMs: 30_000,
    });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(server.requests).toEqual([]);
    expect(blocked).toContain('file:///etc/hostname');
    expect(blocked).toContain('file:///etc/passwd');
    expect(blocked.some((url) => url.endsWith('-buiten.png'))).toBe(true);
    expect(blocked.some((url) => url.startsWith(server.url))).toBe(true);
  });

  it(
    'loads the print folder’s own files, even under a ' + 'name full of pattern characters, and nothing beside it',
    async () => {
      const parent = tempDir('persklaar-print-');
      const dir = path.join(parent, 'druk (1)+{a}*?');
      const twin = path.join(parent, 'druk (1)+{a}*?-tweeling');
      mkdirSync(dir);
      mkdirSync(twin);
      // A real 1×1 PNG: inside, beside, and in a folder whose name begins with the print folder's.
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      );
      for (const file of [
        path.join(dir, 'binnen.png'),
        path.join(parent, 'buiten.png'),
        path.join(twin, 'tweeling.png'),
      ])
        writeFileSync(file, png);
      writeFileSync(
        path.join(dir, 'index.html'),
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Map</title></head><body>' +
          '<img src="binnen.png" alt="" width="50" height="50"><img src="../buiten.png" ' +
          'alt=""><img src="../druk%20(1)+%7Ba%7D*%3F-tweeling/tweeling.png" alt="">' +
          '</body></html>',
      );
      const blocked: string[] = [];
      const pdf = await printPdf(browser, path.join(dir, 'index.html'), {
        onBlocked: (url) => blocked.push(url),
        timeoutMs: 30_000,
      });
      expect(blocked.map((url) => decodeURIComponent(url)).sort()).toEqual([
        `file://${parent}/buiten.png`,
        `file://${twin}/tweeling.png`,
      ]);
      // The one allowed photo is in the PDF.
      expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    },
  );

  it('the allow-list: the folder (its pattern characters escaped), then every other file and URL', () => {
    expect(folderAllowList('/tmp/a (1)/druk')).toEqual([
      { urlPattern: 'file:///tmp/a%20\\(1\\)/druk/*', block: false },
      { urlPattern: 'file:///*', block: true },
      { urlPattern: '*://*:*/*', block: true },
    ]);
  });

  it('Chromium has no route to any server even without request interception', async () => {
    const page = await browser.newPage();
    try {
      const error = await page.goto(`${server.url}/direct`, { timeout: 15_000 }).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(String(error)).toMatch(/net::ERR_/);
      expect(server.requests).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
