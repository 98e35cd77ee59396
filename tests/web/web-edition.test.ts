import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'puppeteer';
import { launchChromium } from '../../scripts/pdf/browser.ts';
import { loadIssue } from '../../scripts/issue/load.ts';
import { root } from '../helpers/cli.ts';
import { axeViolations } from '../helpers/axe.ts';
import { vnuErrors } from '../helpers/vnu.ts';
import { expectMagazineComponents } from '../helpers/components.ts';

const webDir = path.join(inject('issueBuild'), 'web');
const pages = () =>
  readdirSync(webDir)
    .filter((name) => name.endsWith('.html'))
    .sort();

describe('web edition of the shipped issue', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has index.html and one page per article, in the order of issue.yaml', async () => {
    const issue = await loadIssue(path.join(root, 'manuscript'));
    expect(existsSync(path.join(webDir, 'index.html'))).toBe(true);
    for (const article of issue.articles) expect(existsSync(path.join(webDir, `${article.id}.html`))).toBe(true);
    const index = readFileSync(path.join(webDir, 'index.html'), 'utf8');
    const linked = [...index.matchAll(/<h3 class="contents-title"><a href="([^"]+)"/g)].map((match) => match[1]);
    expect(linked).toEqual(issue.articles.map((article) => `${article.id}.html`));
  });

  it('every page has lang="nl", one h1, landmarks and a skip link to main', () => {
    for (const page of pages()) {
      const html = readFileSync(path.join(webDir, page), 'utf8');
      expect(html, page).toMatch(/<html lang="nl">/);
      expect(html.match(/<h1[\s>]/g), page).toHaveLength(1);
      expect(html, page).toMatch(/<a class="skip-link" href="#inhoud">/);
      expect(html, page).toMatch(/<main id="inhoud"/);
      for (const landmark of ['<header class="site-header"', '<nav ', '<footer'])
        expect(html, page).toContain(landmark);
    }
  });

  it('the Nu Html Checker reports no errors on any page', () => {
    const errors = vnuErrors(pages().map((page) => path.join(webDir, page)));
    expect(errors.map((error) => `${path.basename(error.url)}:${error.lastLine}: ${error.message}`)).toEqual([]);
  });

  it('axe-core finds no WCAG 2.1 A/AA violations on any page', async () => {
    const found: string[] = [];
    for (const page of pages()) {
      for (const violation of await axeViolations(browser, path.join(webDir, page))) {
        found.push(`${page}: ${violation.id} (${violation.help}) at ${violation.nodes.slice(0, 3).join(', ')}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('photos are <picture>s with modern formats, srcset, intrinsic size and the manuscript alt text', () => {
    const html = readFileSync(path.join(webDir, pages().find((page) => page !== 'index.html')!), 'utf8');
    const picture = html.match(/<picture>[\s\S]*?<\/picture>/)?.[0] ?? '';
    expect(picture).toMatch(/<source type="image\/avif" srcset="[^"]+ \d+w/);
    expect(picture).toMatch(/<source type="image\/webp"/);
    expect(picture).toMatch(
      /<img src="images\/[^"]+\.jpg" srcset="[^"]+" sizes="[^"]+" alt="[^"]{10,}" width="\d+" height="\d+"/,
    );
  });
});

describe('web edition of a small issue', () => {
  it('renders every component as accessible HTML', async () => {
    const { build } = await import('../../scripts/build/build.ts');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = mkdtempSync(path.join(tmpdir(), 'persklaar-web-'));
    await build({
      issueDir: path.join(root, 'tests/fixtures/mini'),
      outDir: out,
      only: ['web'],
      cacheDir: path.join(root, '.cache'),
    });
    const html = readFileSync(path.join(out, 'web/gesprek.html'), 'utf8');
    expectMagazineComponents(html);
    expect(vnuErrors([path.join(out, 'web/gesprek.html'), path.join(out, 'web/index.html')])).toEqual([]);
  });
});
