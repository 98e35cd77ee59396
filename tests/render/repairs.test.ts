/**
 * The build never writes an edition its referee would reject: a link to a missing anchor, a
 * skipped heading level and a link without text are repaired in the output, each with a warning at its line, and the
 * editions pass EPUBCheck and the PDF/UA preflight; the linter still calls them errors.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliResult } from '../helpers/cli.ts';
import { miniIssue, outDir, persklaarAsync } from '../hostile/helpers.ts';
import { expectRefereesPass } from '../corpus/editions.ts';

const body = [
  '---',
  'title: Reparaties',
  '---',
  '',
  'Zie [de eerste vraag](#bestaat-niet) en [het gesprek](gesprek.md#ook-niet), of [de echte kop](#een-kop).',
  '',
  '## Een kop',
  '',
  '#### Te diep',
  '',
  'Tekst.',
  '',
  '# Nog een titel',
  '',
  'Tekst.',
  '',
  'Een [](https://www.rijksoverheid.nl) zonder tekst.',
  '',
].join('\n');

describe('a manuscript the referees would reject as written', () => {
  let dir: string;
  let out: string;
  let build: CliResult;
  beforeAll(async () => {
    dir = miniIssue();
    writeFileSync(path.join(dir, 'voorwoord.md'), body);
    out = outDir();
    build = await persklaarAsync(['build', dir, '--out', out]);
  }, 240_000);

  it('builds, with a warning at each repaired line', () => {
    expect(build.status).toBe(0);
    const warnings = [...build.stderr.matchAll(/^(\d+):\d+\S*\s+warning\s.*\s(\S+)\s+persklaar$/gm)].map((match) => [
      Number(match[1]),
      match[2],
    ]);
    expect(warnings).toEqual([
      [5, 'anchor-exists'],
      [5, 'anchor-exists'],
      [9, 'heading-increment'],
      [13, 'heading-increment'],
      [17, 'link-text-empty'],
    ]);
    expect(build.stderr).toMatch(
      /5:\d+\S*\s+warning\s+Link to missing anchor `#bestaat-niet` in this article printed as plain text/,
    );
    expect(build.stdout).toMatch(/^Built web, pdf, epub/);
  });

  it('writes broken links as their text and closes up heading levels, in every edition', () => {
    const web = readFileSync(path.join(out, 'web', 'voorwoord.html'), 'utf8');
    expect(web).toContain('Zie de eerste vraag en het gesprek, of <a href="#een-kop">de echte kop</a>.');
    expect(web).toMatch(/<h2 id="een-kop">Een kop<\/h2>\s*<h3 id="te-diep">Te diep<\/h3>/);
    expect(web).toMatch(/<h2 id="nog-een-titel">Nog een titel<\/h2>/);
    // The address shown is the link's, with the break opportunities of an address.
    expect(web).toContain(
      'Een <a href="https://www.rijksoverheid.nl">https://<wbr>www.<wbr>rijksoverheid.nl</a> zonder tekst.',
    );
  });

  it('passes EPUBCheck, the PDF/UA preflight, the Nu Html Checker and axe', async () => {
    await expectRefereesPass(out, 'proefnummer-01');
  }, 240_000);

  it('is still reported as errors by the linter, at the same lines', async () => {
    const lint = await persklaarAsync(['lint', dir, '--format', 'json']);
    expect(lint.status).toBe(1);
    const errors = (JSON.parse(lint.stdout) as { line: number; ruleId: string; severity: string }[])
      .filter((message) => message.severity === 'error')
      .map((message) => [message.line, message.ruleId]);
    expect(errors).toEqual([
      [5, 'anchor-exists'],
      [5, 'anchor-exists'],
      [9, 'heading-increment'],
      [13, 'heading-increment'],
      [17, 'link-text-empty'],
    ]);
  });
});

describe('what the build cannot repair', () => {
  it('refuses an HTML <img> without alt at its line, and writes no edition', async () => {
    const dir = miniIssue();
    writeFileSync(path.join(dir, 'voorwoord.md'), '---\ntitle: Zonder alt\n---\n\nTekst.\n\n<img src="portret.jpg">\n');
    const out = outDir();
    const build = await persklaarAsync(['build', dir, '--out', out]);
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/voorwoord\.md\n7:1\S*\s+error\s+Unexpected HTML <img> `portret\.jpg` without alt/);
    expect(existsSync(out)).toBe(false);
  });
});
