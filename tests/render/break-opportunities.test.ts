/**
 * Where an address may break (`<wbr>`, no character added), and where nothing changes: short
 * addresses, preformatted code, ordinary words. Also the hyphenation of long capitalised
 * compounds, the other long words a justified column cannot keep whole.
 */
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { addressBreaks, breakPoints } from '../../scripts/render/break-opportunities.ts';
import { hyphenateWord } from '../../scripts/pdf/hyphenate.ts';

function broken(...children: Parameters<typeof h>[2][]): string {
  const tree: Root = { type: 'root', children: [h('p', children as never)] };
  addressBreaks(tree);
  return toHtml(tree);
}

describe('address breaks', () => {
  it('breaks after / . - ? & = and after a run of them, keeping three characters at either end', () => {
    const marked = (address: string) =>
      [...breakPoints(address), address.length]
        .map((point, index, points) => address.slice(points[index - 1] ?? 0, point))
        .join('|');
    expect(marked('https://zoeken.overheid.nl/resultaten?trefwoord=oin&pagina=2')).toBe(
      'https://|zoeken.|overheid.|nl/|resultaten?|trefwoord=|oin&|pagina=2',
    );
    expect(marked('/etc/rvr.org/a.nl')).toBe('/etc/|rvr.|org/|a.nl');
    expect(marked('ind.nl')).toBe('ind.nl');
  });

  it('marks a link whose text is an address, bare or written out', () => {
    const html = broken(h('a', { href: 'https://www.logius.nl/diensten/oin' }, 'https://www.logius.nl/diensten/oin'));
    expect(html).toBe(
      '<p><a href="https://www.logius.nl/diensten/oin">https://<wbr>www.<wbr>logius.<wbr>nl/<wbr>diensten/<wbr>oin</a></p>',
    );
  });

  it('marks a long path in inline code and an address in running text, and nothing else of the text', () => {
    expect(broken('Zie ', h('code', '/etc/persklaar/kolommen.yaml'), ' voor de kolom-instellingen.')).toBe(
      '<p>Zie <code>/etc/<wbr>persklaar/<wbr>kolommen.<wbr>yaml</code> voor de kolom-instellingen.</p>',
    );
    expect(broken('Lees het op www.rijksoverheid.nl/documenten vandaag.')).toBe(
      '<p>Lees het op www.<wbr>rijksoverheid.<wbr>nl/<wbr>documenten vandaag.</p>',
    );
  });

  it('leaves short addresses, ordinary words, link texts with spaces and preformatted code as they are', () => {
    const html = [
      broken(h('a', { href: 'https://ind.nl' }, 'ind.nl')),
      broken('De kinderopvangtoeslagaffaire en de uitvoeringsorganisatie.'),
      broken(h('a', { href: 'https://www.logius.nl/a/b' }, 'de site van Logius.nl/diensten')),
      broken(h('pre', h('code', 'curl https://oinregister.logius.nl/api/v1/openapi.json'))),
    ];
    expect(html.join('')).not.toContain('<wbr>');
  });
});

describe('hyphenation of capitalised words', () => {
  it('breaks a long capitalised compound, not a name or an acronym', () => {
    expect(hyphenateWord('Kinderbeschermingsmaatregelen')).toContain('\u00ad');
    expect(hyphenateWord('Christiaans')).toBe('Christiaans');
    expect(hyphenateWord('KINDERBESCHERMINGSRAAD')).toBe('KINDERBESCHERMINGSRAAD');
  });
});
