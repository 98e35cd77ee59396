/**
 * An issue's own look from thema.yaml: masthead name, colours and typefaces reach every
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
`;

describe('thema.yaml', () => {
  it('gives every edition its masthead name, colours and typefaces', async () => {
    const dir = miniIssue({ 'thema.yaml': theme });
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
    expect(readFileSync(path.join(out, 'print', 'index.html'), 'utf8')).toContain('<span class="cover-masthead">Het Proefblad</span>');
    expect(readFileSync(path.join(out, 'web', 'index.html'), 'utf8')).toContain('<span class="site-title-name">Het Proefblad</span>');
    const check = await persklaarAsync(['check', path.join(out, 'proefnummer-01.epub')]);
    expect(check.status).toBe(0);
  }, 240_000);

  it('refuses a colour that text cannot be read in, at its line, and an unknown key', async () => {
    const dir = miniIssue({ 'thema.yaml': 'kleuren:\n  papier: "#fdfcf8"\n  hoofdkleur: "#9fc5e8"\nlogo: x.svg\n' });
    const build = await persklaarAsync(['build', dir, '--out', outDir(), '--only', 'web']);
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/thema\.yaml\n\s*4:1\S*\s+error\s+.*"logo"/);
    const fixed = miniIssue({ 'thema.yaml': 'kleuren:\n  papier: "#fdfcf8"\n  hoofdkleur: "#9fc5e8"\n' });
    const again = await persklaarAsync(['build', fixed, '--out', outDir(), '--only', 'web']);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/3:1\S*\s+error\s+Unexpected contrast 1\.\d:1 of `hoofdkleur` #9fc5e8 on the paper #fdfcf8/);
  });

  it('makes a changed thema.yaml a change to build', async () => {
    const dir = miniIssue({ 'thema.yaml': theme });
    const out = outDir();
    expect((await persklaarAsync(['build', dir, '--out', out, '--only', 'web'])).status).toBe(0);
    writeFileSync(path.join(dir, 'thema.yaml'), theme.replace('#5b2a86', '#1d4e2a'));
    expect((await persklaarAsync(['build', dir, '--out', out, '--only', 'web'])).stdout).toMatch(/^Built web/);
    expect(readFileSync(path.join(out, 'web', 'assets', 'web.css'), 'utf8')).toContain('--petrol: #1d4e2a;');
  });
});
