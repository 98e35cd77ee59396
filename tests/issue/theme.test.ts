/**
 * An issue's own look from thema.yaml: masthead name, colours, typefaces and logo reach every
 * edition; a text colour without AA contrast on the paper is refused at its line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEpub } from '../epub/read-epub.ts';
import { miniIssue, outDir, persklaarAsync } from '../hostile/helpers.ts';

const theme = `# Huisstijl van dit blad
naam: Het Proefblad
kleuren:
  hoofdkleur: "#5b2a86"
  accent: "#b3261e"
lettertypen:
  koppen: "DejaVu Sans, sans-serif"
logo: logo.svg
`;

const logo =
  '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"><rect width="600" ' +
  'height="200" fill="#5b2a86"/><circle cx="100" cy="100" r="60" fill="#fff"/></svg>';

describe('thema.yaml', () => {
  it('gives every edition its masthead name, colours, typefaces and logo', async () => {
    const dir = miniIssue({ 'thema.yaml': theme, 'images/logo.svg': logo });
    const out = outDir();
    const build = await persklaarAsync(['build', dir, '--out', out]);
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    for (const sheet of ['web/assets/web.css', 'print/assets/print.css']) {
      const css = readFileSync(path.join(out, sheet), 'utf8');
      // After the theme's tokens, so that it wins.
      expect(css.indexOf('--petrol: #5b2a86;'), sheet).toBeGreaterThan(css.indexOf('--petrol: #0d4a57;'));
      expect(css, sheet).toContain('--font-display: DejaVu Sans, sans-serif;');
    }
    const epubCss = await (await openEpub(path.join(out, 'proefnummer-01.epub'))).text('OEBPS/style.css');
    expect(epubCss).toContain('color: #5b2a86');
    expect(epubCss).not.toContain('#0d4a57');
    expect(readFileSync(path.join(out, 'print', 'index.html'), 'utf8')).toContain(
      '<span class="cover-masthead">Het Proefblad</span>',
    );
    expect(readFileSync(path.join(out, 'web', 'index.html'), 'utf8')).toContain(
      '<span class="site-title-name">Het Proefblad</span>',
    );
    expect(readFileSync(path.join(out, 'print', 'index.html'), 'utf8')).toMatch(
      /<div class="cover-top"><img class="cover-logo" src="images\/logo-[\w-]+\.\w+" alt="">/,
    );
    // An SVG logo is a drawing: the web edition serves the SVG itself, no <picture> of rasters.
    expect(readFileSync(path.join(out, 'web', 'index.html'), 'utf8')).toMatch(
      /<img class="cover-logo" src="images\/logo-[0-9a-f]{8}\.svg" alt="" width="600" height="200"/,
    );
    expect(await (await openEpub(path.join(out, 'proefnummer-01.epub'))).text('OEBPS/cover.xhtml')).toMatch(
      /<img class="cover-logo" src="images\/logo-[\w-]+\.\w+" alt=""\/>/,
    );
    for (const edition of ['proefnummer-01.epub', 'proefnummer-01.pdf']) {
      const check = await persklaarAsync(['check', path.join(out, edition)]);
      expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
    }
  }, 240_000);

  it('refuses a colour that text cannot be read in, an unknown key and a missing logo, at their lines', async () => {
    const dir = miniIssue({
      'thema.yaml': 'kleuren:\n  papier: "#fdfcf8"\n  hoofdkleur: "#9fc5e8"\nkleur: "#000000"\n',
    });
    const build = await persklaarAsync(['build', dir, '--out', outDir(), '--only', 'web']);
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/thema\.yaml\n\s*4:1\S*\s+error\s+.*"kleur"/);
    const noLogo = miniIssue({ 'thema.yaml': 'naam: Blad\nlogo: weg.svg\n' });
    const missing = await persklaarAsync(['build', noLogo, '--out', outDir(), '--only', 'web']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(
      /thema\.yaml\n\s*2:7\S*\s+error\s+Cannot read image `weg\.svg`: the file does not exist/,
    );
    const fixed = miniIssue({ 'thema.yaml': 'kleuren:\n  papier: "#fdfcf8"\n  hoofdkleur: "#9fc5e8"\n' });
    const again = await persklaarAsync(['build', fixed, '--out', outDir(), '--only', 'web']);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(
      /3:1\S*\s+error\s+Unexpected contrast 1\.\d:1 of `hoofdkleur` #9fc5e8 on the paper #fdfcf8/,
    );
  });

  it('makes a changed thema.yaml a change to build', async () => {
    const dir = miniIssue({ 'thema.yaml': theme, 'images/logo.svg': logo });
    const out = outDir();
    expect((await persklaarAsync(['build', dir, '--out', out, '--only', 'web'])).status).toBe(0);
    writeFileSync(path.join(dir, 'thema.yaml'), theme.replace('#5b2a86', '#1d4e2a'));
    expect((await persklaarAsync(['build', dir, '--out', out, '--only', 'web'])).stdout).toMatch(/^Built web/);
    expect(readFileSync(path.join(out, 'web', 'assets', 'web.css'), 'utf8')).toContain('--petrol: #1d4e2a;');
  });
});
