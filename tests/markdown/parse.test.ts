/**
 * The one parser and the guards in front of it (scripts/markdown/): what every stage receives,
 * and the manuscripts it refuses at their line instead of hanging or overflowing the stack.
 */
import type { Heading, Root } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { headingIds } from '../../scripts/markdown/heading-ids.ts';
import { MAX_MARKERS_PER_PARAGRAPH, markerFlood } from '../../scripts/markdown/marker-flood.ts';
import { MAX_NESTING, tooDeep } from '../../scripts/markdown/nesting.ts';
import { parseMarkdown } from '../../scripts/markdown/parse.ts';
import { respecTerms } from '../../scripts/markdown/respec-terms.ts';

function parse(text: string): { tree: Root; file: VFile } {
  const file = new VFile({ path: 'artikel.md', value: text });
  return { tree: parseMarkdown(file), file };
}

describe('parseMarkdown', () => {
  it('reads front matter, GFM and directives in one tree', () => {
    const { tree, file } = parse(
      ['---', 'title: Proef', '---', '', '| a | b |', '| - | - |', '| 1 | 2 |', '', ':::kader', 'Tekst', ':::'].join(
        '\n',
      ),
    );
    expect(file.messages).toEqual([]);
    expect(tree.children.map((node) => node.type)).toEqual(['yaml', 'table', 'containerDirective']);
  });

  it('refuses a paragraph flooded with brackets at its line, with a fatal message', () => {
    const { tree, file } = parse(`# Titel\n\nGewone tekst.\n\n${'['.repeat(MAX_MARKERS_PER_PARAGRAPH + 1)}\n`);
    expect(tree.children).toEqual([]);
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({ ruleId: 'marker-flood', fatal: true, line: 5, column: 1 });
  });

  it('refuses an article nested deeper than the tools can walk, at the line where it goes too deep', () => {
    const depth = MAX_NESTING + 10;
    const { file } = parse(`# Titel\n\n${'>'.repeat(depth)} diep\n`);
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({ ruleId: 'nesting', fatal: true, line: 3 });
  });
});

describe('markerFlood', () => {
  it('counts brackets and emphasis markers per paragraph, not per file', () => {
    const paragraph = '*'.repeat(60);
    expect(markerFlood(`${paragraph}\n\n${paragraph}\n`, 100)).toBeUndefined();
    expect(markerFlood(`${paragraph}\n${paragraph}\n`, 100)).toEqual({ count: 101, place: { line: 1, column: 1 } });
  });

  it('places the paragraph at its first line of text', () => {
    expect(markerFlood('Eerste.\n\n  \nTweede [a] [b]\n_c_ _d_', 5)?.place).toEqual({ line: 4, column: 1 });
  });
});

describe('tooDeep', () => {
  it('counts tree levels and open HTML tags together', () => {
    const { tree } = parse('<div>\n\n> > citaat\n\n</div>\n');
    expect(tooDeep(tree, 10)).toBeUndefined();
    const found = tooDeep(tree, 3);
    expect(found?.depth).toBeGreaterThan(3);
    expect(found?.place?.line).toBe(3);
  });

  it('does not count void or self-closed elements as levels', () => {
    const { tree } = parse(`${'<br>'.repeat(50)}<img src="a.png"/>\n\nTekst\n`);
    expect(tooDeep(tree, 5)).toBeUndefined();
  });
});

describe('headingIds', () => {
  it('gives headings and box titles unique slugs, in document order', () => {
    const { tree } = parse(['# Over ons', '', '## Over ons', '', ':::kader[Meer weten]', 'Tekst', ':::'].join('\n'));
    const ids = [...headingIds(tree).values()];
    expect(ids).toEqual(['over-ons', 'over-ons-1', 'meer-weten']);
    const heading = tree.children[0] as Heading;
    expect(headingIds(tree).get(heading)).toBe('over-ons');
  });
});

describe('respecTerms', () => {
  it('sets a ReSpec reference as its word and leaves other brackets alone', () => {
    expect(respecTerms('De [=COR=] en [=weergave|term=], niet [=SubOiN] of [tekst].')).toBe(
      'De COR en weergave, niet [=SubOiN] of [tekst].',
    );
  });
});
