import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectImages } from '../../scripts/images/index.ts';
import { figure, makeIssue, type TestIssue } from './fixtures.ts';

describe('collectImages', () => {
  let fixture: TestIssue;

  beforeAll(async () => {
    fixture = await makeIssue({
      markdown: [
        figure('portret.jpg', 'portret'),
        figure('breed.jpg', 'breed'),
        ':::figuur\n![zonder plaatsing](standaard.jpg)\n:::\n\n',
        '::::kader[Kader]\nTekst met ![inline](in-kader.jpg) foto.\n\n' +
          ':::figuur{plaatsing="breed"}\n![genest](genest.jpg)\n:::\n::::\n\n',
        '![referentie][foto]\n\n[foto]: via-definitie.jpg\n',
      ].join(''),
      cover: 'omslag.jpg',
    });
  });
  afterAll(() => fixture?.cleanup());

  it('finds every image with its placement, file and position, and the cover', () => {
    const references = collectImages(fixture.issue);
    expect(
      references.map((reference) => [
        reference.name,
        reference.placement,
        reference.file.basename,
        reference.position?.start.line,
      ]),
    ).toEqual([
      ['portret.jpg', 'portrait', 'artikel.md', 6],
      ['breed.jpg', 'wide', 'artikel.md', 12],
      ['standaard.jpg', 'column', 'artikel.md', 18],
      ['in-kader.jpg', 'column', 'artikel.md', 22],
      ['genest.jpg', 'wide', 'artikel.md', 25],
      ['via-definitie.jpg', 'column', 'artikel.md', 29],
      ['omslag.jpg', 'cover', 'issue.yaml', 6],
    ]);
    expect(references.every((reference) => reference.baseDir === fixture.issue.dir)).toBe(true);
  });
});
