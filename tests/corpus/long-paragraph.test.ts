/**
 * One very long paragraph prints in bounded time: the print sets it as consecutive pieces cut
 * after a sentence, which read as one paragraph (no indent after the first, justified through),
 * and hold the whole text in order. (Times are measured in the README, not asserted here.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHARACTERS_PER_PIECE } from '../../scripts/pdf/long-paragraphs.ts';
import { withoutPlacementMarks } from '../helpers/cli.ts';
import { openPdf } from '../helpers/pdf.ts';
import { miniIssue, outDir, persklaarAsync } from '../hostile/helpers.ts';

function longParagraph(characters: number): string {
  const words = ['de', 'overheid', 'luistert', 'naar', 'burgers', 'en', 'werkt', 'samen', 'aan', 'goed', 'besluit'];
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < characters; index++) {
    const word = words[(index * 7) % words.length]!;
    const end = index % 23 === 22 ? '.' : '';
    parts.push(`${word}${end}`);
    length += word.length + end.length + 1;
  }
  return `${parts.join(' ')}.`;
}

describe('a paragraph of 120 000 characters', () => {
  it('is printed as pieces of at most the piece size, in order, reading as one paragraph', async () => {
    const text = longParagraph(120_000);
    const dir = miniIssue({ 'voorwoord.md': `---\ntitle: Lang\n---\n\n${text}\n\nDaarna een gewone alinea.\n` });
    const out = outDir();
    const build = await persklaarAsync(['build', dir, '--out', out, '--only', 'pdf']);
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);

    const html = withoutPlacementMarks(readFileSync(path.join(out, 'print', 'index.html'), 'utf8'));
    const pieces = [...html.matchAll(/<p class="([^"]*piece[^"]*)">([^<]*)<\/p>/g)].map((match) => ({
      // A piece may also be set ragged where a line of it would stretch too far (`ragged-paragraphs.ts`).
      classes: match[1]!.split(' ').filter((name) => name !== 'ragged'),
      text: match[2]!.replace(/\u00ad/g, ''),
    }));
    expect(pieces.length).toBeGreaterThanOrEqual(Math.ceil(text.length / CHARACTERS_PER_PIECE));
    for (const piece of pieces) expect(piece.text.length).toBeLessThanOrEqual(CHARACTERS_PER_PIECE);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
    expect(pieces[0]!.classes).toEqual(['piece-runs-on']);
    expect(pieces.at(-1)!.classes).toEqual(['piece-continued']);
    // Cut after a sentence where one ends near the cut.
    expect(pieces.slice(0, -1).every((piece) => /\.\s$/.test(piece.text))).toBe(true);
    expect(html).toContain('<p>Daarna een gewone alinea.</p>');

    const pdf = await openPdf(path.join(out, 'proefnummer-01.pdf'));
    let printed = '';
    for (let number = 1; number <= pdf.numPages; number++) {
      printed += (await (await pdf.getPage(number)).getTextContent()).items
        .map((item) => ('str' in item ? item.str : ''))
        .join('');
    }
    expect(printed).toContain('Daarna een gewone alinea.');
    expect(pdf.numPages).toBeGreaterThan(20);
  }, 240_000);
});
