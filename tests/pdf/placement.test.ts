/**
 * Pages an art director signs, measured on the rendered pages: no column on a page that does
 * not end its article stops more than a quarter short. A box that does not fit where it stands
 * is set after the text that fills the column; pinned in place by the editor, it leaves the
 * hole, and the build names it at its line. The shipped issue has no hole.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { kidsOf, typeOf, walkElements } from '../../scripts/pdf-read/tree.ts';
import { holes, runtPages } from '../helpers/column-feet.ts';
import { fixtures, type CliResult } from '../helpers/cli.ts';
import { miniIssue, outDir, persklaarAsync } from '../hostile/helpers.ts';

const sentence =
  'De redactie zet elke tekst in twee kolommen, en een kader dat niet meer past, gaat naar de volgende kolom. ';
const paragraph = (n: number) => `${sentence.repeat(4)}Alinea ${n}.`;
const paragraphs = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => paragraph(from + index)).join('\n\n');

function boxArticle(pin: boolean): string {
  const box = Array.from({ length: 14 }, (_, index) => `Regel ${index + 1} van het kader. ${sentence}`).join('\n\n');
  return [
    '---\ntitle: Een kader dat niet past\n---\n',
    paragraphs(1, 2),
    `:::kader[Achtergrond]${pin ? '{plaats="hier"}' : ''}\n${box}\n:::`,
    paragraphs(3, 14),
  ].join('\n\n');
}

/** The manuscript line of the box's opening. */
const boxLine = (text: string) => text.split('\n').findIndex((line) => line.startsWith(':::kader')) + 1;

function issueWith(articleText: string): string {
  const yaml = readFileSync(path.join(fixtures, 'mini/issue.yaml'), 'utf8').replace(
    'articles:\n',
    'articles:\n  - kader.md\n',
  );
  return miniIssue({ 'issue.yaml': yaml, 'kader.md': articleText });
}

describe('placement on the printed page', () => {
  let placed: { out: string; build: CliResult };
  let pinned: { out: string; build: CliResult };
  beforeAll(async () => {
    const [first, second] = [outDir(), outDir()];
    const builds = await Promise.all([
      persklaarAsync(['build', issueWith(boxArticle(false)), '--out', first, '--only', 'pdf']),
      persklaarAsync(['build', issueWith(boxArticle(true)), '--out', second, '--only', 'pdf']),
    ]);
    placed = { out: first, build: builds[0]! };
    pinned = { out: second, build: builds[1]! };
  }, 240_000);

  it('sets a box that does not fit after the text that fills the column: no hole', async () => {
    expect(placed.build.status, placed.build.stderr).toBe(0);
    expect(await holes(path.join(placed.out, 'proefnummer-01.pdf'))).toEqual([]);
    expect(placed.build.stderr).not.toMatch(/layout-hole/);
    // The print document has the box after a later paragraph than in the manuscript.
    const print = readFileSync(path.join(placed.out, 'print/index.html'), 'utf8');
    const boxAt = print.indexOf('class="kader');
    expect(print.indexOf('Alinea 5.')).toBeLessThan(boxAt);
    expect(print.indexOf('Alinea 6.')).toBeLessThan(boxAt);
  });

  it('reads the moved box where the manuscript has it: right after its paragraph in the tag tree', async () => {
    const doc = await PDFDocument.load(readFileSync(path.join(placed.out, 'proefnummer-01.pdf')));
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const articles: string[][] = [];
    walkElements(doc.context, root, (elem) => {
      if (typeOf(doc.context, elem) !== 'Art') return;
      articles.push(
        kidsOf(doc.context, elem).flatMap((kid) => (kid.kind === 'elem' ? [typeOf(doc.context, kid.elem)] : [])),
      );
    });
    const boxArticleTags = articles.find((kids) => kids.includes('Aside'));
    // The title block, the two paragraphs before the box in the manuscript, then the box.
    expect(boxArticleTags?.slice(0, 4)).toEqual(['NonStruct', 'P', 'P', 'Aside']);
  });

  it('leaves a pinned box where the editor put it, and names the hole at its line', async () => {
    expect(pinned.build.status, pinned.build.stderr).toBe(0);
    const found = await holes(path.join(pinned.out, 'proefnummer-01.pdf'));
    expect(found.length).toBeGreaterThan(0);
    const line = boxLine(boxArticle(true));
    expect(pinned.build.stderr).toMatch(
      new RegExp(
        `kader\\.md\\n(?:.*\\n)*?\\s*${line}:1\\s+warning\\s+Page \\d+: the \\w+ column's foot is \\d+ % blank.*layout-hole`,
      ),
    );
  });

  it('gives the layout report as JSON for CI', async () => {
    const dir = issueWith(boxArticle(true));
    const json = await persklaarAsync(['build', dir, '--out', outDir(), '--only', 'pdf', '--format', 'json']);
    expect(json.status).toBe(0);
    const records = JSON.parse(json.stdout) as { file: string; line: number; ruleId: string }[];
    const line = boxLine(boxArticle(true));
    expect(records).toContainEqual(expect.objectContaining({ line, ruleId: 'layout-hole' }));
  }, 120_000);

  it('leaves no hole in the shipped issue, and no line alone', async () => {
    expect(await holes(path.join(inject('issueBuild'), 'wendbaar-06.pdf'))).toEqual([]);
    expect(await runtPages(path.join(inject('issueBuild'), 'wendbaar-06.pdf'))).toEqual([]);
    expect(
      inject('issueBuildReport')
        .split('\n')
        .filter((line) => /\slayout-/.test(line)),
    ).toEqual([]);
  });
});
