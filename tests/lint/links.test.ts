import { describe, expect, it } from 'vitest';
import { at, BODY, bodyFindings, findings, messages } from './helpers.ts';

describe('no-placeholder-link', () => {
  it('reports #, empty, javascript:, example domains, TODO and an empty mailto:', async () => {
    const markdown = [
      '[De IND](#)',
      '',
      '[Het rapport]()',
      '',
      '[Start](javascript:void(0))',
      '',
      'Zie [het rapport](https://example.com/rapport) of [de ' +
        'site](http://www.example.org) of [test](https://intranet.test/x).',
      '',
      '[Het beleid](TODO)',
      '',
      '[Mail ons](mailto:)',
      '',
    ].join('\n');
    expect(await bodyFindings(markdown, 'no-placeholder-link')).toEqual(
      [
        '[De IND]',
        '[Het rapport]',
        '[Start]',
        '[het rapport]',
        '[de site]',
        '[test]',
        '[Het beleid]',
        '[Mail ons]',
      ].map((needle) => at(markdown, needle)),
    );
  });

  it('accepts real URLs, mailto: and tel: with an address, and autolinks', async () => {
    const markdown = [
      '[Website van de IND](https://ind.nl) en <https://www.rijksoverheid.nl> en www.forensischinstituut.nl.',
      '',
      'Mail [wendbaar@minjenv.nl](mailto:wendbaar@minjenv.nl) of ' +
        '<redactie@minjenv.nl>, bel [070 370 79 11](tel:+31703707911).',
      '',
    ].join('\n');
    expect(await bodyFindings(markdown, 'no-placeholder-link')).toEqual([]);
    expect(await bodyFindings(markdown, 'link-text-descriptive')).toEqual([]);
    expect(await bodyFindings(markdown, 'link-text-empty')).toEqual([]);
    expect(await bodyFindings(markdown, 'local-file-exists')).toEqual([]);
  });

  it('reports a reference link’s placeholder once, at its definition', async () => {
    const markdown = 'Lees [het rapport][r] en [nog eens][r].\n\n[r]: #\n';
    expect(await bodyFindings(markdown, 'no-placeholder-link')).toEqual(['3:1']);
  });

  it('never reads links inside code spans or code blocks', async () => {
    const markdown = 'Schrijf niet `[klik hier](#)` of `[x]()`.\n\n```\n[klik hier](#)\n[Lees][ontbreekt]\n```\n';
    for (const rule of [
      'no-placeholder-link',
      'link-text-descriptive',
      'link-text-empty',
      'reference-defined',
      'anchor-exists',
    ]) {
      expect(await bodyFindings(markdown, rule)).toEqual([]);
    }
  });
});

describe('link-text-descriptive', () => {
  it('reports text that says nothing out of context (WCAG 2.4.4), whatever its case and punctuation', async () => {
    const markdown = [
      'Meer weten? [Klik hier](https://ind.nl).',
      '',
      'Het rapport staat [hier](https://ind.nl). [Lees meer…](https://ind.nl)',
      '',
      '[Meer informatie](https://ind.nl) · [deze pagina](https://ind.nl) · [click ' +
        'here](https://ind.nl) · [link](https://ind.nl) · [**KLIK HIER**](https://ind.nl)',
      '',
    ].join('\n');
    expect(await bodyFindings(markdown, 'link-text-descriptive')).toEqual(
      [
        '[Klik hier]',
        '[hier]',
        '[Lees meer…]',
        '[Meer informatie]',
        '[deze pagina]',
        '[click here]',
        '[link]',
        '[**KLIK HIER**]',
      ].map((needle) => at(markdown, needle)),
    );
    const [message] = await messages(
      { articles: { 'a.md': '[Klik hier](https://ind.nl)\n' } },
      'link-text-descriptive',
    );
    expect(message).toContain('‘Klik hier’ zegt niets buiten de context');
  });

  it('accepts text that names the destination, even when it contains a vague word', async () => {
    const markdown =
      '[Website van de IND](https://ind.nl), [hier vindt u het jaarverslag ' +
      '2022](https://ind.nl), [deze pagina op Rijksportaal](https://ind.nl)\n';
    expect(await bodyFindings(markdown, 'link-text-descriptive')).toEqual([]);
  });
});

describe('link-text-empty', () => {
  it('reports links without text, also an image without alt as the only content', async () => {
    const markdown =
      '[](https://ind.nl)\n\n[![](logo.png)](https://ind.nl)\n\n[![Logo van ' +
      'de IND](logo.png)](https://ind.nl)\n\n[ ][r]\n\n[r]: https://ind.nl\n';
    expect(await bodyFindings(markdown, 'link-text-empty', { images: ['logo.png'] })).toEqual(['1:1', '3:1', '7:1']);
  });
});

describe('anchor-exists', () => {
  const other =
    '---\ntitle: Ander artikel\n---\n\n## Één vraag over ‘privé’\n\n' +
    'Tekst.\n\n:::kader[Wat Coos zegt]\nTekst.\n:::\n\n## De eerste vraag\n';

  it('accepts anchors of the same article and of another article, diacritics and box titles included', async () => {
    const article = [
      '## Inleiding',
      '',
      'Zie [de inleiding](#inleiding), [de ' +
        'vraag](other.md#één-vraag-over-privé), [het kader](other.md#wat-coos-zegt),',
      '[procentgecodeerd](other.md#%C3%A9%C3%A9n-vraag-over-priv%C3%A9), ' +
        '[als pagina](other.html#de-eerste-vraag) en [het artikel](other.md).',
      '',
    ].join('\n');
    expect(
      await findings(
        { articles: { 'a.md': article, 'other.md': other } },
        { only: ['anchor-exists', 'local-file-exists'] },
      ),
    ).toEqual([]);
  });

  it('reports a missing anchor in the same article and in another article, with the closest id', async () => {
    const article =
      '## Inleiding\n\nZie [de inleiding](#inleidng) en [de ' +
      'vraag](other.md#een-vraag-over-pive) en [x](other.md#bestaat-niet).\n';
    expect(await bodyFindings(article, 'anchor-exists', { articles: { 'other.md': other } })).toEqual(
      ['[de inleiding]', '[de vraag]', '[x]'].map((needle) => at(article, needle)),
    );
    const reasons = await messages({ articles: { 'a.md': article, 'other.md': other } }, 'anchor-exists');
    expect(reasons[0]).toBe('Unexpected link to missing anchor `#inleidng` in this article, expected `#inleiding`');
    expect(reasons[1]).toBe(
      'Unexpected link to missing anchor `#een-vraag-over-pive` in `other.md`, expected `#één-vraag-over-privé`',
    );
  });

  it('links a fragment that misses an anchor only by accents, case or hyphens, with a warning', async () => {
    const article = 'Zie [de vraag](other.md#een-vraag-over-prive) en [ook](other.md#Één--Vraag-over-privé).\n';
    const files = { articles: { 'a.md': article, 'other.md': other } };
    expect(await messages(files, 'anchor-exists')).toEqual([]);
    expect(await messages(files, 'anchor-near-miss')).toEqual([
      'Unexpected anchor `#een-vraag-over-prive`, expected `other.md#één-vraag-over-privé` (linked there)',
      'Unexpected anchor `#Één--Vraag-over-privé`, expected `other.md#één-vraag-over-privé` (linked there)',
    ]);
  });

  it('finds a fragment alone in another article, and raw HTML ids and `<a name>`s as anchors', async () => {
    const article =
      'Zie [de vraag](#één-vraag-over-privé), [noot](#n1) en [kader](other.md#kader).\n\n<a name="n1">1</a>\n';
    const withIds = `${other}\n<div id="kader">Kader</div>\n`;
    const files = { articles: { 'a.md': article, 'other.md': withIds } };
    expect(await messages(files, 'anchor-exists')).toEqual([]);
    expect(await messages(files, 'anchor-near-miss')).toEqual([]);
  });

  it('checks anchors of reference links at their definition', async () => {
    const article = '## Inleiding\n\n[Terug][top] en [verder][v].\n\n[top]: #inleiding\n[v]: #verder\n';
    expect(await bodyFindings(article, 'anchor-exists')).toEqual(['6:1']);
  });
});

describe('local-file-exists', () => {
  it("reports missing files and unlisted articles; root-relative paths are local-path-inside's", async () => {
    const markdown =
      '[De folder](folder.pdf), [het gesprek](gesprk.md), ' +
      '[concept](concept.md), [root](/over-ons.html), [bestaat](bijlage.pdf)\n';
    const spec = {
      articles: { 'a.md': markdown },
      unlisted: { 'concept.md': 'Concept.\n' },
      files: { 'bijlage.pdf': '%PDF' },
    };
    const place = (needle: string, rule: string) => {
      const [line, column] = at(markdown, needle).split(':');
      return `a.md:${Number(line) + BODY}:${column} ${rule}`;
    };
    const expected = [
      ...['[De folder]', '[het gesprek]', '[concept]'].map((needle) => place(needle, 'local-file-exists')),
      place('[root]', 'local-path-inside'),
    ];
    expect(await findings(spec, { only: ['local-file-exists', 'local-path-inside'] })).toEqual(expected);
  });

  it('accepts links to articles of the issue, to their pages and to the contents page', async () => {
    const markdown = '[Het voorwoord](b.md), [als pagina](b.html), [de inhoud](index.html), [met query](b.md?x=1)\n';
    expect(
      await findings({ articles: { 'a.md': markdown, 'b.md': 'Tekst.\n' } }, { only: ['local-file-exists'] }),
    ).toEqual([]);
  });
});

describe('reference-defined', () => {
  it('reports full and collapsed references and footnotes without a definition, at the bracket', async () => {
    const markdown =
      'Lees [het rapport][rapport] en [de wet][] of ![de foto][foto].\n' +
      '\nEen voetnoot[^1] en een goede[^2].\n\n[^2]: Bron.\n';
    expect(await bodyFindings(markdown, 'reference-defined')).toEqual(
      ['[het rapport]', '[de wet]', '![de foto]', '[^1]'].map((needle) => at(markdown, needle)),
    );
  });

  it('accepts defined references (any case), escaped brackets, and square brackets in quotes', async () => {
    const markdown = [
      'Lees [het rapport][Rapport] en [de wet][] en [Rapport].',
      '',
      '“Hij [de minister] zei het al” en \\[x\\]\\[y\\] en `[a][b]`.',
      '',
      '[rapport]: https://www.rijksoverheid.nl',
      '[de wet]: https://wetten.overheid.nl',
      '',
    ].join('\n');
    expect(await bodyFindings(markdown, 'reference-defined')).toEqual([]);
  });

  it('finds an undefined reference whose label has emphasis', async () => {
    expect(await bodyFindings('Lees [het *nieuwe* rapport][nieuw].\n', 'reference-defined')).toEqual(['1:6']);
  });
});
