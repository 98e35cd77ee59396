/**
 * `persklaar import` on one Word document per construct, made by a real generator (the `docx`
 * package): each is imported into an issue made by `persklaar new`, the issue is built once,
 * and each test reads back the article's Markdown and its page in the web edition.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Math as WordMath, MathRun } from 'docx';
import { ChartRun } from 'docx/charts';
import { EmbeddedFileRun } from 'docx/embedded-files';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefereesPass } from '../corpus/editions.ts';
import { outDir, persklaarAsync, tempDir } from '../hostile/helpers.ts';
import * as d from './documents.ts';
import { articleIn, importInto, newIssue, type ImportRun } from './issue.ts';

const date = '2026-11-02T10:00:00Z';
const photos = {
  landscape: await d.photo(1),
  portrait: await d.photo(2, 'png'),
  captioned: await d.photo(3),
  above: await d.photo(4),
};

/** A 2 × 2 pixel 24-bit BMP, written by hand: sharp writes none, and Word keeps what it is given. */
const bitmap = Buffer.concat([
  Buffer.from('424d46000000000000003600000028000000020000000200000001001800000000001000000000000000', 'hex'),
  Buffer.alloc(8),
  Buffer.from('0000ff0000ff00000000ff0000ff0000', 'hex'),
]).subarray(0, 70);

const documents: Record<string, () => Promise<Buffer>> = {
  koppen: () =>
    d.wordDocument({
      children: [
        d.title('Koppen uit Word'),
        d.paragraph(d.text('Een opening.')),
        d.heading(1, 'Eerste deel'),
        d.paragraph(d.text('Tekst onder kop 1.')),
        d.heading(2, 'Onderdeel'),
        d.paragraph(d.text('Tekst onder kop 2.')),
        d.heading(4, 'Te diep'),
        d.paragraph(d.text('Tekst onder kop 4.')),
      ],
    }),
  opmaak: () =>
    d.wordDocument({
      children: [
        d.title('Opmaak'),
        d.paragraph(
          d.text('Gewoon, '),
          d.text('vet', { bold: true }),
          d.text(', '),
          d.text('cursief', { italics: true }),
          d.text(' en een link naar de '),
          d.link('Website van de Rijksoverheid', 'https://www.rijksoverheid.nl'),
          d.text('.'),
        ),
        d.paragraph(d.text('Eerste regel'), new d.TextRun({ text: 'tweede regel', break: 1 })),
      ],
    }),
  lijsten: () =>
    d.wordDocument({
      children: [
        d.title('Lijsten'),
        d.numbered('een'),
        d.numbered('twee'),
        d.numbered('twee-a', 1),
        d.numbered('twee-b', 1),
        d.numbered('drie'),
        d.paragraph(d.text('Een alinea tussendoor.')),
        d.numbered('vier, de telling loopt door'),
        d.numbered('opnieuw een', 0, 2),
        d.numbered('opnieuw twee', 0, 2),
        d.paragraph(d.text('En opsommingen:')),
        d.bullet('appel'),
        d.bullet('peer', 1),
        d.bullet('kers'),
      ],
    }),
  citaten: () =>
    d.wordDocument({
      children: [
        d.title('Citaten'),
        d.paragraph(d.text('Een alinea voor het citaat.')),
        d.styled('Citaat', 'Goed werk begint bij een goed gesprek'),
        d.styled('Citaat bron', 'Anna de Vries'),
        d.paragraph(d.text('Een alinea tussen twee citaten.')),
        d.styled('Intense Quote', 'Een nadrukkelijk citaat'),
        d.paragraph(d.text('Een alinea voor het blokcitaat.')),
        d.styled('Blokcitaat', 'Een langer citaat uit een rapport, ingesprongen.'),
        d.paragraph(d.text('Een slotalinea.')),
      ],
    }),
  kaders: () =>
    d.wordDocument({
      children: [
        d.title('Kaders'),
        d.paragraph(d.text('Een alinea voor het kader.')),
        d.styled('Kadertitel', 'Drie tips'),
        d.styled('Kader', 'Eerste tip in het kader.'),
        d.styled('Kader', 'Tweede tip in het kader.'),
        d.paragraph(d.text('Een alinea tussen de kaders.')),
        d.styled('Meer info', 'Op de website van de Rijksoverheid staat meer.'),
      ],
    }),
  voorwerk: () =>
    d.wordDocument({
      creator: 'Anna de Vries',
      children: [
        d.styled('Bovenregel', 'Dienst Justitiële Inrichtingen'),
        d.title('Voorwerk uit stijlen'),
        d.styled('Intro', 'Een inleiding van twee zinnen. Zij komt in het voorwerk.'),
        new d.Paragraph({
          children: [new d.TextRun({ text: 'Yvonne', style: 'Spreker' }), d.text(' “Zo begint een antwoord.”')],
        }),
      ],
    }),
  eigenschappen: () =>
    d.wordDocument({
      title: 'Titel uit de eigenschappen',
      creator: 'Bram Jansen',
      children: [d.paragraph(d.text('Een document zonder kop en zonder titelstijl.'))],
    }),
  'eerste-kop': () =>
    d.wordDocument({
      children: [
        d.heading(1, 'De eerste kop is de titel'),
        d.paragraph(d.text('Tekst.')),
        d.heading(2, 'Een tussenkop'),
        d.paragraph(d.text('Meer tekst.')),
      ],
    }),
  tabel: () =>
    d.wordDocument({
      children: [
        d.title('Tabel'),
        new d.Table({
          rows: [
            row(['Onderdeel', 'Aantal', 'Opmerking'], true),
            row(['Artikelen', '12', 'in dit nummer']),
            new d.TableRow({
              children: [
                new d.TableCell({ columnSpan: 2, children: [d.paragraph(d.text('Samen: foto’s en tekeningen'))] }),
                new d.TableCell({ children: [d.paragraph(d.text('in images'))] }),
              ],
            }),
          ],
        }),
      ],
    }),
  noten: () =>
    d.wordDocument({
      footnotes: {
        1: {
          children: [
            d.paragraph(
              d.text('Zie de '),
              d.link('Website van het NFI', 'https://www.forensischinstituut.nl'),
              d.text('.'),
            ),
          ],
        },
        2: { children: [d.paragraph(d.text('Een noot met '), d.text('nadruk', { italics: true }), d.text('.'))] },
      },
      endnotes: { 1: { children: [d.paragraph(d.text('Een eindnoot aan het slot.'))] } },
      children: [
        d.title('Noten'),
        d.paragraph(d.text('Een zin met een voetnoot.'), new d.FootnoteReferenceRun(1)),
        d.paragraph(
          d.text('Nog een voetnoot'),
          new d.FootnoteReferenceRun(2),
          d.text(' en een eindnoot.'),
          new d.EndnoteReferenceRun(1),
        ),
      ],
    }),
  fotos: () =>
    d.wordDocument({
      children: [
        d.title('Foto’s'),
        d.paragraph(
          d.picture(photos.landscape, 'jpg', { description: 'Een blauw vlak op een grijze achtergrond, als proef' }),
        ),
        d.paragraph(d.text('Tekst tussen de foto’s.')),
        d.paragraph(d.picture(photos.portrait, 'png', { title: 'Een groen vlak, alleen met een titel als alt-tekst' })),
        d.paragraph(d.text('Tekst voor de foto met bijschrift.')),
        d.paragraph(
          d.picture(photos.captioned, 'jpg', { description: 'Een paars vlak dat een foto met bijschrift voorstelt' }),
        ),
        d.styled('Caption', 'Het bijschrift onder de foto'),
        d.paragraph(d.text('Tekst voor het bijschrift boven een foto.')),
        d.styled('Caption', 'Het bijschrift boven de foto'),
        d.paragraph(d.picture(photos.above, 'jpg', { description: 'Een oranje vlak met het bijschrift erboven' })),
      ],
    }),
  bitmap: () =>
    d.wordDocument({
      children: [
        d.title('Een BMP-afbeelding'),
        d.paragraph(d.text('Voor de afbeelding.')),
        d.paragraph(
          new d.ImageRun({
            type: 'bmp',
            data: bitmap,
            transformation: { width: 20, height: 20 },
            altText: { name: 'BMP', description: 'Een rood vierkantje' },
          }),
        ),
        d.paragraph(d.text('Na de afbeelding.')),
      ],
    }),
  'zonder-alt': () =>
    d.wordDocument({
      children: [
        d.title('Zonder alt-tekst'),
        d.paragraph(d.picture(photos.landscape, 'jpg')),
        d.paragraph(d.text('Slot.')),
      ],
    }),
  wijzigingen: () =>
    d.wordDocument({
      children: [
        d.title('Bijgehouden wijzigingen'),
        d.paragraph(
          d.text('De tekst is '),
          new d.InsertedTextRun({ text: 'zorgvuldig nagelezen', id: 1, author: 'Redactie', date }),
          new d.DeletedTextRun({ text: 'snel doorgebladerd', id: 2, author: 'Redactie', date }),
          d.text(' door de redactie.'),
        ),
      ],
    }),
  opmerkingen: () =>
    d.wordDocument({
      comments: {
        children: [
          { id: 0, author: 'Bram', date: new Date(date), children: [d.paragraph(d.text('Klopt dit jaartal?'))] },
        ],
      },
      children: [
        d.title('Opmerkingen'),
        new d.Paragraph({
          children: [
            d.text('Het programma begon '),
            new d.CommentRangeStart(0),
            d.text('in 2019'),
            new d.CommentRangeEnd(0),
            new d.TextRun({ children: [new d.CommentReference(0)] }),
            d.text(' met drie teams.'),
          ],
        }),
      ],
    }),
  onbekend: () =>
    d.wordDocument({
      children: [
        d.title('Wat niet mee kan'),
        d.paragraph(d.text('Een alinea voor het tekstvak.')),
        new d.Textbox({
          style: { width: '3in', height: '1in' },
          children: [d.paragraph(d.text('Tekst in een tekstvak'))],
        }),
        d.paragraph(
          new ChartRun({
            type: 'column',
            categories: ['2024', '2025'],
            series: [{ name: 'Aantal', values: [3, 5] }],
            transformation: { width: 300, height: 200 },
          }),
        ),
        d.paragraph(d.text('Een formule: '), new WordMath({ children: [new MathRun('E = mc²')] })),
        d.paragraph(d.text('Geschreven door '), new d.SimpleField('AUTHOR', 'Anna')),
      ],
    }),
  object: async () =>
    d.wordDocument({
      children: [
        d.title('Een ingesloten object'),
        d.paragraph(d.text('Een alinea voor de bijlage.')),
        d.paragraph(
          new EmbeddedFileRun({
            fileName: 'bijlage.docx',
            data: await d.wordDocument({ children: [d.paragraph(d.text('De tekst van de bijlage'))] }),
            preview: { type: 'png', data: photos.portrait },
            transformation: { width: 200, height: 120 },
          }),
        ),
        d.paragraph(d.text('Een alinea na de bijlage.')),
      ],
    }),
  // docx writes no SmartArt: a drawing of one, as Word writes it inline, put in a docx document's XML.
  smartart: async () =>
    withDiagram(
      await d.wordDocument({
        children: [
          d.title('Een SmartArt-schema'),
          d.paragraph(d.text('Het proces in vier stappen:')),
          d.paragraph(d.text('SCHEMA')),
          d.paragraph(d.text('Na het schema.')),
        ],
      }),
    ),
  'eigen-stijl': () =>
    d.wordDocument({
      ownStyles: ['Streamer'],
      children: [
        d.title('Eigen stijl'),
        d.paragraph(d.text('Een alinea voor de streamer.')),
        d.styled('Streamer', 'Een streamer in de stijl van de auteur'),
        d.paragraph(d.text('Een slotalinea.')),
      ],
    }),
};

async function withDiagram(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const drawing =
    '<w:r><w:drawing><wp:inline><wp:extent cx="5486400" cy="3200400"/><wp:docPr id="9" name="Diagram 1"/>' +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram">' +
    '<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" r:dm="rId90" r:lo="rId91" ' +
    'r:qs="rId92" r:cs="rId93"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';
  const changed = xml.replace(/<w:r>(?:(?!<w:r>).)*?<w:t[^>]*>SCHEMA<\/w:t><\/w:r>/, drawing);
  expect(changed).not.toBe(xml);
  zip.file('word/document.xml', changed);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function row(cells: string[], header = false) {
  return new d.TableRow({
    tableHeader: header,
    children: cells.map((cell) => new d.TableCell({ children: [d.paragraph(d.text(cell))] })),
  });
}

let issue: string;
let out: string;
const runs = new Map<string, ImportRun>();
const sources = new Map<string, { file: string; hash: string }>();

beforeAll(async () => {
  issue = await newIssue();
  const yaml = path.join(issue, 'issue.yaml');
  writeFileSync(yaml, `${readFileSync(yaml, 'utf8')}\nimport:\n  styles:\n    Streamer: citaat\n`);
  const folder = tempDir('persklaar-docx-');
  for (const [name, make] of Object.entries(documents)) {
    const file = path.join(folder, `${name}.docx`);
    writeFileSync(file, await make());
    sources.set(name, { file, hash: hashOf(file) });
    runs.set(name, await importInto(issue, file));
  }
  out = outDir();
  const build = await persklaarAsync(['build', issue, '--out', out]);
  expect(build.stderr).not.toMatch(/error/i);
  expect(build.status, build.stderr).toBe(0);
}, 600_000);

const hashOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const article = (name: string) => articleIn(issue, out, name);

describe('persklaar import: each construct, read back from the Markdown and the web edition', () => {
  it('imports every document with exit 0, leaving the .docx as it was, and lists each in issue.yaml in order', () => {
    for (const [name, run] of runs) {
      expect(run.status, `${name}: ${run.stderr}`).toBe(0);
      expect(run.stdout).toContain(`as ${name}.md`);
      expect(hashOf(sources.get(name)!.file)).toBe(sources.get(name)!.hash);
    }
    const yaml = readFileSync(path.join(issue, 'issue.yaml'), 'utf8');
    expect(yaml).toContain('# De artikelen (verplicht), in leesvolgorde');
    const listed = yaml
      .slice(yaml.indexOf('\narticles:'))
      .match(/^ {2}- (.+)$/gm)!
      .map((line) => line.slice(4));
    expect(listed).toEqual(['eerste-artikel.md', ...Object.keys(documents).map((name) => `${name}.md`)]);
  });

  it('headings: Word’s Heading 1–6 become levels under the title, skipped levels closed up', () => {
    const { markdown, web } = article('koppen');
    expect(markdown).toMatch(/^title: Koppen uit Word$/m);
    expect(markdown).toMatch(/^## Eerste deel$/m);
    expect(markdown).toMatch(/^### Onderdeel$/m);
    expect(markdown).toMatch(/^#### Te diep$/m);
    expect(web).toMatch(/<h1[^>]*>Koppen uit Word<\/h1>/);
    expect(web).toMatch(/<h2[^>]*>Eerste deel<\/h2>/);
    expect(web).toMatch(/<h4[^>]*>Te diep<\/h4>/);
  });

  it('bold, italic, links and line breaks', () => {
    const { markdown, web } = article('opmaak');
    expect(markdown).toContain(
      'Gewoon, **vet**, *cursief* en een link naar de [Website van de Rijksoverheid](https://www.rijksoverheid.nl).',
    );
    expect(markdown).toContain('Eerste regel\\\ntweede regel');
    expect(web).toContain('<strong>vet</strong>');
    expect(web).toContain('<em>cursief</em>');
    expect(web).toMatch(/<a href="https:\/\/www\.rijksoverheid\.nl"[^>]*>Website van de Rijksoverheid<\/a>/);
    expect(web).toMatch(/Eerste regel<br>\s*tweede regel/);
  });

  it('lists: nested, numbering that goes on after a paragraph, and a list that restarts', () => {
    const { markdown, web } = article('lijsten');
    expect(markdown).toContain('1. een\n2. twee\n   1. twee-a\n   2. twee-b\n3. drie');
    expect(markdown).toMatch(/^4\. vier, de telling loopt door$/m);
    expect(markdown).toMatch(/^1[.)] opnieuw een\n2[.)] opnieuw twee$/m);
    expect(markdown).toContain('- appel\n  - peer\n- kers');
    expect(web).toMatch(/<ol start="4">\s*<li>vier, de telling loopt door<\/li>\s*<\/ol>\s*<ol>\s*<li>opnieuw een/);
    expect(web).toMatch(/<ol>\s*<li>twee-a<\/li>/);
    expect(web).toMatch(/<ul>\s*<li>appel\s*<ul>\s*<li>peer/);
  });

  it('quote styles become pull quotes (with who said it), the block style a block quote', () => {
    const { markdown, web } = article('citaten');
    expect(markdown).toContain(':::citaat{wie="Anna de Vries"}\nGoed werk begint bij een goed gesprek\n:::');
    expect(markdown).toContain(':::citaat\nEen nadrukkelijk citaat\n:::');
    expect(markdown).toContain('> Een langer citaat uit een rapport, ingesprongen.');
    expect(web).toMatch(
      /<aside class="pullquote">\s*<blockquote>\s*<p>Goed werk begint bij een goed gesprek<\/p>\s*<\/blockquote>\s*<p class="pullquote-source">Anna de Vries<\/p>/,
    );
    expect(web).toMatch(/<blockquote>\s*<p>Een langer citaat uit een rapport, ingesprongen\.<\/p>/);
  });

  it('the box styles become boxes, with their title', () => {
    const { markdown, web } = article('kaders');
    expect(markdown).toContain(':::kader[Drie tips]\nEerste tip in het kader.\n\nTweede tip in het kader.\n:::');
    expect(markdown).toContain(':::meer-info\nOp de website van de Rijksoverheid staat meer.\n:::');
    expect(web).toMatch(/<h2[^>]*>Drie tips<\/h2>\s*<p>Eerste tip in het kader\.<\/p>\s*<p>Tweede tip/);
    expect(web).toMatch(/<h2[^>]*>Meer informatie<\/h2>\s*<p>Op de website/);
  });

  it('kicker, intro and speaker styles become the front matter and the speaker component; the author comes from the properties', () => {
    const { markdown, web } = article('voorwerk');
    expect(markdown).toMatch(/^kicker: Dienst Justitiële Inrichtingen$/m);
    expect(markdown).toMatch(/^lead: Een inleiding van twee zinnen\. Zij komt in het voorwerk\.$/m);
    expect(markdown).toMatch(/^authors:\n {2}- Anna de Vries$/m);
    expect(markdown).toContain(':spreker[Yvonne] “Zo begint een antwoord.”');
    expect(markdown).not.toMatch(/^Een inleiding/m);
    expect(web).toContain('Dienst Justitiële Inrichtingen');
    expect(web).toContain('Een inleiding van twee zinnen.');
    expect(web).toMatch(/<strong class="speaker">Yvonne:<\/strong> “Zo begint een antwoord\.”/);
  });

  it('a document with neither title style nor heading takes its title and author from its properties', () => {
    const { markdown, web } = article('eigenschappen');
    expect(markdown).toMatch(/^title: Titel uit de eigenschappen$/m);
    expect(markdown).toMatch(/^authors:\n {2}- Bram Jansen$/m);
    expect(markdown).toMatch(/^kind: feature$/m);
    expect(web).toMatch(/<h1[^>]*>Titel uit de eigenschappen<\/h1>/);
  });

  it('without a title style the first heading is the title, and the headings under it move up', () => {
    const { markdown, web } = article('eerste-kop');
    expect(markdown).toMatch(/^title: De eerste kop is de titel$/m);
    expect(markdown).toMatch(/^## Een tussenkop$/m);
    expect(markdown).not.toContain('# De eerste kop');
    expect(web).toMatch(/<h2[^>]*>Een tussenkop<\/h2>/);
  });

  it('tables keep their header row; a merged cell keeps its text in its first cell, with a warning', () => {
    const { markdown, web } = article('tabel');
    expect(markdown).toMatch(/^\| Onderdeel +\| Aantal +\| Opmerking +\|$/m);
    expect(markdown).toMatch(/^\| Samen: foto’s en tekeningen \| +\| in images +\|$/m);
    expect(web).toMatch(/<th[^>]*>Onderdeel<\/th>/);
    expect(web).toMatch(/<td[^>]*>Samen: foto’s en tekeningen<\/td>\s*<td[^>]*><\/td>\s*<td[^>]*>in images<\/td>/);
    expect(runs.get('tabel')!.stderr).toMatch(/table 1 \(“Onderdeel Aantal Opmerking”\) has 1 merged cell/);
  });

  it('footnotes and endnotes become Markdown footnotes, with their links and formatting', () => {
    const { markdown, web } = article('noten');
    expect(markdown).toContain('Een zin met een voetnoot.[^1]');
    expect(markdown).toContain('Nog een voetnoot[^2] en een eindnoot.[^eind-1]');
    expect(markdown).toContain('[^1]: Zie de [Website van het NFI](https://www.forensischinstituut.nl).');
    expect(markdown).toContain('[^2]: Een noot met *nadruk*.');
    expect(markdown).toContain('[^eind-1]: Een eindnoot aan het slot.');
    expect(web).toMatch(/<a href="https:\/\/www\.forensischinstituut\.nl"[^>]*>Website van het NFI<\/a>/);
    expect(web).toContain('<em>nadruk</em>');
    expect(web).toContain('Een eindnoot aan het slot.');
    expect(web.match(/<li id="[^"]*fn-[^"]*"/g)).toHaveLength(3);
  });

  it('pictures are extracted as their own bytes with Word’s alt text; a captioned one becomes a figure', () => {
    const { markdown, web } = article('fotos');
    expect(markdown).toContain('![Een blauw vlak op een grijze achtergrond, als proef](fotos-1.jpg)');
    expect(markdown).toContain('![Een groen vlak, alleen met een titel als alt-tekst](fotos-2.png)');
    expect(markdown).toContain(
      ':::figuur\n![Een paars vlak dat een foto met bijschrift voorstelt](fotos-3.jpg)\n\nHet bijschrift onder de foto\n:::',
    );
    const images = path.join(issue, 'images');
    expect(readFileSync(path.join(images, 'fotos-1.jpg')).equals(photos.landscape)).toBe(true);
    expect(readFileSync(path.join(images, 'fotos-2.png')).equals(photos.portrait)).toBe(true);
    expect(readFileSync(path.join(images, 'fotos-3.jpg')).equals(photos.captioned)).toBe(true);
    expect(markdown).toContain(
      ':::figuur\n![Een oranje vlak met het bijschrift erboven](fotos-4.jpg)\n\nHet bijschrift boven de foto\n:::',
    );
    expect(web).toMatch(
      /<img [^>]*alt="Een oranje vlak[^"]*"[^>]*>(\s*<\/picture>)?\s*<figcaption>Het bijschrift boven de foto/,
    );
    expect(web).toMatch(/<img [^>]*alt="Een blauw vlak op een grijze achtergrond, als proef"/);
    expect(web).toMatch(/<img [^>]*alt="Een groen vlak, alleen met een titel als alt-tekst"/);
    expect(web).toMatch(
      /<figure[^>]*>\s*(<picture>\s*)?(<source[^>]*>\s*)*<img [^>]*alt="Een paars vlak[^"]*"[^>]*>(\s*<\/picture>)?\s*<figcaption>Het bijschrift onder de foto/,
    );
  });

  it('a picture in a format no edition shows is written as it is, not placed, and named', () => {
    const { markdown, web } = article('bitmap');
    expect(readFileSync(path.join(issue, 'images', 'bitmap-1.bmp')).equals(bitmap)).toBe(true);
    expect(markdown).toContain('Voor de afbeelding.\n\nNa de afbeelding.');
    expect(markdown).not.toContain('bitmap-1.bmp');
    expect(runs.get('bitmap')!.stderr.replace(/\s+/g, ' ')).toMatch(
      /picture bitmap-1\.bmp is in a format no edition can show: it is in the images folder but not placed/,
    );
    expect(web).not.toContain('<img');
  });

  it('a picture without alt text keeps an empty alt, with a warning, and lint reports it', async () => {
    const { markdown, web } = article('zonder-alt');
    expect(markdown).toContain('![](zonder-alt-1.jpg)');
    expect(runs.get('zonder-alt')!.stderr).toMatch(/picture zonder-alt-1\.jpg has no alt text in Word/);
    expect(web).toMatch(/<img [^>]*alt=""/);
    const lint = await persklaarAsync(['lint', issue, '--format', 'json']);
    const findings = JSON.parse(lint.stdout) as Array<{ file: string; ruleId: string; line: number }>;
    expect(findings.filter((each) => each.file.endsWith('zonder-alt.md')).map((each) => each.ruleId)).toEqual([
      'image-alt-missing',
    ]);
  });

  it('tracked changes are accepted: insertions kept, deletions left out, with a warning', () => {
    const { markdown, web } = article('wijzigingen');
    expect(markdown).toContain('De tekst is zorgvuldig nagelezen door de redactie.');
    expect(markdown).not.toContain('doorgebladerd');
    expect(web).toContain('De tekst is zorgvuldig nagelezen door de redactie.');
    expect(web).not.toContain('doorgebladerd');
    expect(runs.get('wijzigingen')!.stderr).toMatch(
      /tracked changes, accepted here: 1 insertion \(kept\), 1 deletion \(left out\)/,
    );
  });

  it('comments never reach the text; each is a warning with the words it was on', () => {
    const { markdown, web } = article('opmerkingen');
    expect(markdown).toContain('Het programma begon in 2019 met drie teams.');
    expect(markdown).not.toContain('jaartal');
    expect(web).not.toContain('jaartal');
    expect(runs.get('opmerkingen')!.stderr).toMatch(
      /comment by Bram on “in 2019”: “Klopt dit jaartal\?” \(not in the text\)/,
    );
  });

  it('what it cannot carry is named with where it stood: text box, chart, equation, unknown field', () => {
    const { markdown, web } = article('onbekend');
    const stderr = runs.get('onbekend')!.stderr.replace(/\s+/g, ' ');
    expect(stderr).toMatch(
      /text box in paragraph \d+: its text \(“Tekst in een tekstvak”\) is set as ordinary paragraphs/,
    );
    expect(stderr).toMatch(/chart in paragraph \d+: left out/);
    expect(stderr).toMatch(/equation in paragraph \d+ \(“Een formule: E = mc²”\): left out/);
    expect(stderr).toMatch(
      /field AUTHOR in paragraph \d+ \(“Geschreven door Anna”\): left out, with the text it showed \(“Anna”\)/,
    );
    expect(stderr).not.toContain('unrecognised element');
    expect(markdown).toContain('Tekst in een tekstvak');
    expect(web).toContain('Tekst in een tekstvak');
    expect(web).toMatch(/Geschreven door\s*<\/p>/);
  });

  it('an embedded object is named where it stood; only the picture Word shows of it is kept', () => {
    const { markdown, web } = article('object');
    const stderr = runs.get('object')!.stderr.replace(/\s+/g, ' ');
    expect(stderr).toMatch(
      /embedded object \(Word\.Document\.12\) in paragraph 3: only the picture Word shows of it is kept/,
    );
    expect(stderr).not.toContain('unrecognised element');
    expect(markdown).toContain('Een alinea voor de bijlage.\n\n![](object-1.png)\n\nEen alinea na de bijlage.');
    expect(readFileSync(path.join(issue, 'images', 'object-1.png')).equals(photos.portrait)).toBe(true);
    expect(web).not.toContain('De tekst van de bijlage');
  });

  it('a SmartArt diagram is named where it stood, and left out', () => {
    const { markdown, web } = article('smartart');
    expect(runs.get('smartart')!.stderr.replace(/\s+/g, ' ')).toMatch(
      /SmartArt diagram in paragraph 3: left out, it cannot be carried into the article/,
    );
    expect(markdown).toContain('Het proces in vier stappen:\n\nNa het schema.');
    expect(web).toMatch(/<p>Het proces in vier stappen:<\/p>\s*<p>Na het schema\.<\/p>/);
  });

  it('issue.yaml’s import: styles: maps an author’s own style to a component', () => {
    const { markdown, web } = article('eigen-stijl');
    expect(markdown).toContain(':::citaat\nEen streamer in de stijl van de auteur\n:::');
    expect(web).toMatch(/<aside class="pullquote">\s*<blockquote>\s*<p>Een streamer in de stijl van de auteur/);
  });

  it('lints clean except for the alt text the document lacks, and every edition passes every referee', async () => {
    const lint = await persklaarAsync(['lint', issue, '--format', 'json']);
    const findings = JSON.parse(lint.stdout) as Array<{ file: string; line: number; ruleId: string; message: string }>;
    expect(findings.map((each) => `${path.basename(each.file)}:${each.line} ${each.ruleId}`)).toEqual([
      'zonder-alt.md:6 image-alt-missing',
      'object.md:8 image-alt-missing',
    ]);
    await expectRefereesPass(out, 'blad');
  }, 600_000);
});
