/**
 * The press edition as an issue asks for it: `press:` in issue.yaml adds it to a plain build,
 * with the bleed it gives; a photo too small for the press is a warning at its manuscript line
 * and in the preflight; a profile that is not a CMYK printer profile stops the build at its
 * line. Built from a copy of the small test issue.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDocument, PDFName, type PDFNumber } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultEditions, inputFingerprint } from '../../scripts/build/build-state.ts';
import { checkPress } from '../../scripts/check/press/index.ts';
import { resolveLocation } from '../../scripts/issue/location.ts';
import { SRGB_PROFILE } from '../../scripts/press/settings.ts';
import { persklaar, root } from '../helpers/cli.ts';
import { copyFixture, edit } from '../helpers/temp-issue.ts';

const MM = 72 / 25.4;
const made: string[] = [];
const issue = () => {
  const dir = copyFixture('mini');
  made.push(dir);
  return dir;
};
/** Outputs go outside the issue folder: the build refuses to write inside it. */
const outFolder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'persklaar-press-out-'));
  made.push(dir);
  return dir;
};

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('press: in issue.yaml', () => {
  it('adds the press edition to a plain build only when asked', async () => {
    const dir = issue();
    expect(await defaultEditions(dir)).toEqual(['web', 'pdf', 'epub']);
    edit(path.join(dir, 'issue.yaml'), (text) => `${text}press: false\n`);
    expect(await defaultEditions(dir)).toEqual(['web', 'pdf', 'epub']);
    edit(path.join(dir, 'issue.yaml'), (text) => text.replace('press: false', 'press:\n  bleed: 5'));
    expect(await defaultEditions(dir)).toEqual(['web', 'pdf', 'epub', 'press']);
  });

  it('reads the key as YAML does, quoted or not, with a comment after it', async () => {
    const dir = issue();
    const yaml = path.join(dir, 'issue.yaml');
    const original = readFileSync(yaml, 'utf8');
    writeFileSync(yaml, `${original}"press": {bleed: 3}\n`);
    expect(await defaultEditions(dir)).toEqual(['web', 'pdf', 'epub', 'press']);
    writeFileSync(yaml, `${original}press: false # not this issue\n`);
    expect(await defaultEditions(dir)).toEqual(['web', 'pdf', 'epub']);
  });

  it('counts a printer profile beside issue.yaml among the inputs, so that a new one rebuilds', async () => {
    const dir = issue();
    const location = resolveLocation({ issueDir: dir, outDir: path.join(dir, '..', 'dist') });
    const before = await inputFingerprint(location);
    copyFileSync(SRGB_PROFILE, path.join(dir, 'drukker.icc'));
    const added = await inputFingerprint(location);
    expect(added).not.toBe(before);
    copyFileSync(path.join(dir, 'images', 'omslag.jpg'), path.join(dir, 'drukker.icc'));
    expect(await inputFingerprint(location)).not.toBe(added);
  });

  it('builds it beside the others with the bleed it gives, and warns of a photo too small for the press', async () => {
    const dir = issue();
    edit(path.join(dir, 'issue.yaml'), (text) => `${text}press:\n  bleed: 5\n`);
    // 600 pixels over the portrait placement's 70 mm: 217 ppi.
    const portrait = path.join(dir, 'images', 'portret.jpg');
    const small = await sharp(readFileSync(portrait)).resize({ width: 600 }).jpeg().toBuffer();
    await sharp(small).toFile(portrait);
    const out = outFolder();
    const result = persklaar(['build', dir, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Built web, pdf, epub, press from 2 articles/);
    expect(readdirSync(out)).toContain('proefnummer-01-press.pdf');

    const line =
      readFileSync(path.join(dir, 'gesprek.md'), 'utf8')
        .split('\n')
        .findIndex((text) => text.includes('(portret.jpg)')) + 1;
    expect(result.stderr).toContain(
      `gesprek.md:${line}:1: warning: Photo \`portret.jpg\` prints at 217 ppi as placed (portrait)`,
    );

    const pressBytes = readFileSync(path.join(out, 'proefnummer-01-press.pdf'));
    const press = await PDFDocument.load(pressBytes, { updateMetadata: false });
    const accessible = await PDFDocument.load(readFileSync(path.join(out, 'proefnummer-01.pdf')), {
      updateMetadata: false,
    });
    expect(press.getPageCount()).toBe(accessible.getPageCount());
    for (const page of press.getPages()) {
      const values = (name: string) =>
        page.node
          .lookup(PDFName.of(name), PDFArray)
          .asArray()
          .map((item) => (item as PDFNumber).asNumber());
      const [trim, bleed] = [values('TrimBox'), values('BleedBox')];
      expect(trim[0]! - bleed[0]!).toBeCloseTo(5 * MM, 2);
      expect(bleed[3]! - trim[3]!).toBeCloseTo(5 * MM, 2);
    }

    // The test issue's cover photo (1200 × 1600) is too small for a full page with bleed as well.
    const coverLine =
      readFileSync(path.join(dir, 'issue.yaml'), 'utf8')
        .split('\n')
        .findIndex((text) => text.includes('image: omslag.jpg')) + 1;
    expect(result.stderr).toMatch(
      new RegExp(
        `issue\\.yaml:${coverLine}:\\d+: warning: Photo .omslag\\.jpg. prints at 13\\d ppi as placed \\(cover\\)`,
      ),
    );

    // The preflight sees the same in the PDF itself: below 150 ppi an error, below 250 a warning.
    const check = await checkPress(pressBytes, 'press.pdf');
    const soft = check.findings.filter((finding) => finding.check === 'resolution');
    expect(soft.map(({ severity, page }) => ({ severity, page }))).toEqual([
      { severity: 'error', page: 1 },
      { severity: 'warning', page: expect.any(Number) },
    ]);
    expect(soft[1]!.page).toBeGreaterThan(2);
    expect(soft[0]!.message).toMatch(/^prints at 13\d ppi as placed/);
    expect(soft[1]!.message).toMatch(/^prints at 21\d ppi as placed/);
    for (const finding of soft) expect(finding.object).toMatch(/^image \/\w+ \(object \d+\)$/);
    expect(check.findings.filter((finding) => finding.severity === 'error')).toEqual([soft[0]]);

    // The plain build is fast again without it: the press edition is unchanged and not rebuilt.
    const again = persklaar(['build', dir, '--out', out]);
    expect(again.stdout).toBe('Unchanged: web, pdf, epub, press (nothing to build)\n');
  });

  it('stops at the profile line when the profile is not a CMYK printer profile', () => {
    const dir = issue();
    copyFileSync(SRGB_PROFILE, path.join(dir, 'scherm.icc'));
    edit(path.join(dir, 'issue.yaml'), (text) => `${text}press:\n  profile: scherm.icc\n`);
    const line =
      readFileSync(path.join(dir, 'issue.yaml'), 'utf8')
        .split('\n')
        .findIndex((text) => text.includes('profile: scherm.icc')) + 1;
    const result = persklaar(['build', dir, '--out', outFolder(), '--only', 'press']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        /issue\.yaml\n\s*(\d+):1 +error The press profile .*scherm\.icc./.source +
          / is a mntr RGB profile; expected a CMYK printer \(prtr\)/.source,
      ),
    );
    expect(result.stderr).toContain(`\n${line}:1 `);
  });
});

describe('the press preflight', () => {
  it('does not use the code that makes press files', () => {
    const dir = path.join(root, 'scripts/check/press');
    for (const name of readdirSync(dir)) {
      const source = readFileSync(path.join(dir, name), 'utf8');
      expect(source, name).not.toMatch(/from '[^']*pdf\/press\//);
    }
  });
});

describe('the press edition is reproducible', () => {
  it('two builds of the same issue make the same bytes (Chromium’s print dates left out)', () => {
    const dir = issue();
    const out = outFolder();
    const file = path.join(out, 'proefnummer-01-press.pdf');
    expect(persklaar(['build', dir, '--out', out, '--only', 'press']).status).toBe(0);
    const first = readFileSync(file);
    expect(persklaar(['build', dir, '--out', out, '--only', 'press', '--force']).status).toBe(0);
    expect(readFileSync(file).equals(first)).toBe(true);
  });
});
