import { describe, expect, it } from 'vitest';
import { bodyFindings, findings, messages } from './helpers.ts';

describe('image-alt-missing', () => {
  it('reports an image without alt text, or with only spaces', async () => {
    expect(
      await bodyFindings('![](a.jpg)\n\nTekst ![ ](b.jpg) en meer.\n', 'image-alt-missing', {
        images: ['a.jpg', 'b.jpg'],
      }),
    ).toEqual(['1:1', '3:7']);
  });

  it('accepts described images, and reads reference images too', async () => {
    const markdown = '![Een vrouw leest een brief aan tafel](a.jpg)\n\n![][foto]\n\n[foto]: a.jpg\n';
    expect(await bodyFindings(markdown, 'image-alt-missing', { images: ['a.jpg'] })).toEqual(['3:1']);
  });

  it('never reads images inside code spans or code blocks', async () => {
    const markdown = 'Schrijf `![](a.jpg)` zo niet.\n\n```markdown\n![](a.jpg)\n```\n\n    ![](a.jpg)\n';
    expect(await bodyFindings(markdown, 'image-alt-missing')).toEqual([]);
    expect(await bodyFindings(markdown, 'image-missing')).toEqual([]);
  });
});

describe('image-alt-filename', () => {
  it('reports file names and camera names as alt text', async () => {
    const markdown = '![IMG_2034.jpg](a.jpg)\n\n![DSC01234](a.jpg)\n\n![a](a.jpg)\n\n![portret.png](a.jpg)\n';
    expect(await bodyFindings(markdown, 'image-alt-filename', { images: ['a.jpg'] })).toEqual([
      '1:1',
      '3:1',
      '5:1',
      '7:1',
    ]);
  });

  it('reports alt text that announces the image', async () => {
    const markdown = '![Foto van Erik Pool](a.jpg)\n\n![afbeelding van een zaal](a.jpg)\n\n![Image of a hall](a.jpg)\n';
    expect(await bodyFindings(markdown, 'image-alt-filename', { images: ['a.jpg'] })).toEqual(['1:1', '3:1', '5:1']);
  });

  it('accepts a description that merely mentions a photo', async () => {
    const markdown =
      '![Erik Pool houdt een foto van zijn team omhoog](a.jpg)\n\n![Fotograaf aan het werk in de zaal](a.jpg)\n';
    expect(await bodyFindings(markdown, 'image-alt-filename', { images: ['a.jpg'] })).toEqual([]);
  });
});

describe('image-alt-length', () => {
  it('warns past 250 characters, not at 250', async () => {
    const long = 'a'.repeat(251);
    const exact = 'b'.repeat(250);
    expect(
      await bodyFindings(`![${long}](a.jpg)\n\n![${exact}](a.jpg)\n`, 'image-alt-length', { images: ['a.jpg'] }),
    ).toEqual(['1:1']);
    const [record] = await findings(
      { articles: { 'a.md': `![${long}](a.jpg)\n` }, images: ['a.jpg'] },
      { only: ['image-alt-length'] },
    );
    expect(record).toBeDefined();
  });
});

describe('image-missing', () => {
  it('reports an image file that is not in images/, with the loader’s reason', async () => {
    expect(
      await bodyFindings('![Een zaal](zaal.jpg)\n\n![Een gang](gang.jpg)\n', 'image-missing', { images: ['zaal.jpg'] }),
    ).toEqual(['3:1']);
    const [message] = await messages(
      { articles: { 'a.md': '![Een gang](Gang.JPG)\n' }, images: ['gang.jpg'] },
      'image-missing',
    );
    expect(message).toContain('did you mean `gang.jpg`');
  });

  it('checks the cover photo in issue.yaml at its line', async () => {
    const yaml = 'cover:\n  image: omslag.jpg\n  alt: Een vrouw kijkt lachend in de camera';
    expect(await findings({ articles: { 'a.md': 'Tekst.\n' }, yaml }, { only: ['image-missing'] })).toEqual([
      'issue.yaml:7:10 image-missing',
    ]);
    expect(
      await findings({ articles: { 'a.md': 'Tekst.\n' }, yaml, images: ['omslag.jpg'] }, { only: ['image-missing'] }),
    ).toEqual([]);
  });
});

describe('html-img-alt', () => {
  it('reports raw HTML <img> without alt, at the tag', async () => {
    const markdown = 'Tekst <img src="a.png"> tekst.\n\n<div>\n<p>x</p>\n<img src="b.png">\n</div>\n';
    expect(await bodyFindings(markdown, 'html-img-alt')).toEqual(['1:7', '5:1']);
  });

  it('accepts alt, also alt="" (decoration on purpose), and ignores code', async () => {
    const markdown =
      '<img src="a.png" alt="Grafiek van het aantal meldingen">\n\n<img src="b.png" ' +
      'alt="">\n\nSchrijf nooit `<img src="c.png">`.\n\n```html\n<img src="d.png">\n```\n';
    expect(await bodyFindings(markdown, 'html-img-alt')).toEqual([]);
  });
});

describe('figure-has-image', () => {
  it('reports a figure without a photo', async () => {
    const markdown =
      ':::figuur\nAlleen een bijschrift\n:::\n\n:::figuur\n![Een zaal met stoelen](a.jpg)\n\nDe zaal\n:::\n';
    expect(await bodyFindings(markdown, 'figure-has-image', { images: ['a.jpg'] })).toEqual(['1:1']);
  });
});
