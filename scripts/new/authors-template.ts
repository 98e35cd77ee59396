/**
 * `sjabloon.docx`, the authors' template a new issue comes with: a Word document whose styles are
 * the ones `persklaar import` turns into the magazine's components (`import/style-map.ts`), each
 * shown once with a line on when to use it. Made with the `docx` package, so that Word and
 * LibreOffice open it as one of their own.
 */
import {
  Document,
  ImageRun,
  FootnoteReferenceRun,
  HeadingLevel,
  type IParagraphStyleOptions,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import sharp from 'sharp';
import { sampleDrawing } from './templates.ts';

const paragraphStyles: IParagraphStyleOptions[] = [
  style('Intro', 'Intro', { run: { size: 26, bold: true } }),
  style('Bovenregel', 'Bovenregel', { run: { size: 20, allCaps: true, color: 'A33B1F' } }),
  style('Citaat', 'Citaat', { run: { size: 32, italics: true, color: '0D4A57' } }),
  style('CitaatBron', 'Citaat bron', { run: { size: 20, color: '0D4A57' } }),
  style('Kadertitel', 'Kadertitel', { run: { size: 24, bold: true }, paragraph: { shading: { fill: 'E5EEF0' } } }),
  style('Kader', 'Kader', { paragraph: { shading: { fill: 'E5EEF0' } } }),
  style('MeerInfoTitel', 'Meer info titel', { run: { bold: true } }),
  style('MeerInfo', 'Meer info', { run: { size: 20 } }),
  style('Blokcitaat', 'Blokcitaat', { paragraph: { indent: { left: 720 } }, run: { italics: true } }),
  // Word's own caption style: Insert caption (Bijschrift invoegen) uses it.
  style('Caption', 'caption', { run: { size: 18, italics: true } }),
];

function style(
  id: string,
  name: string,
  options: Pick<IParagraphStyleOptions, 'run' | 'paragraph'>,
): IParagraphStyleOptions {
  return { id, name, basedOn: 'Normal', next: 'Normal', quickFormat: true, ...options };
}

const text = (value: string) => new Paragraph({ children: [new TextRun(value)] });
const styled = (styleId: string, value: string) => new Paragraph({ style: styleId, children: [new TextRun(value)] });

const body = (picture: Buffer) => [
  new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('De titel van het artikel')] }),
  styled('Bovenregel', 'Bovenregel: de rubriek of organisatie boven de titel'),
  styled(
    'Intro',
    'Intro: de inleiding onder de titel, in een of twee zinnen. Geef elke alinea een stijl uit dit ' +
      'sjabloon; de redactie zet het artikel dan in één keer om naar het blad.',
  ),
  new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Een tussenkop (Kop 1)')] }),
  new Paragraph({
    children: [
      new TextRun('Gewone tekst in de stijl Standaard, met '),
      new TextRun({ text: 'vet', bold: true }),
      new TextRun(' en '),
      new TextRun({ text: 'cursief', italics: true }),
      new TextRun('. Een voetnoot voeg je in zoals altijd in Word.'),
      new FootnoteReferenceRun(1),
    ],
  }),
  new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Een kop daaronder (Kop 2)')] }),
  text('Een lijst maak je met de knoppen voor opsommingen of nummering:'),
  new Paragraph({ numbering: { reference: 'nummers', level: 0 }, children: [new TextRun('eerste stap;')] }),
  new Paragraph({ numbering: { reference: 'nummers', level: 0 }, children: [new TextRun('tweede stap.')] }),
  styled('Citaat', 'Citaat: een zin uit het artikel die groot wordt gezet.'),
  styled('CitaatBron', 'Naam van wie het zei (Citaat bron)'),
  new Paragraph({
    children: [
      new TextRun({ text: 'Anna', style: 'Spreker' }),
      new TextRun(' In een gesprek met meer mensen zet je de naam van wie spreekt in de tekenstijl Spreker.'),
    ],
  }),
  styled('Kadertitel', 'Kadertitel: de kop van een kader'),
  styled(
    'Kader',
    'Kader: tekst die los van het artikel staat, zoals tips. Elke alinea in deze stijl hoort bij het kader.',
  ),
  styled('Blokcitaat', 'Blokcitaat: een langer citaat uit een andere bron.'),
  text(
    'Een foto voeg je in als afbeelding. Geef haar een alternatieve tekst (rechtsklik, Alternatieve tekst ' +
      'bewerken): wie of wat er te zien is. Een bijschrift zet je er direct onder met Bijschrift invoegen.',
  ),
  new Paragraph({
    children: [
      new ImageRun({
        type: 'png',
        data: picture,
        transformation: { width: 360, height: 240 },
        altText: {
          name: 'Voorbeeld',
          title: 'Voorbeeldtekening',
          description:
            'Een tekening van drie gekleurde vlakken die samen een open boek vormen, op een lichte achtergrond',
        },
      }),
    ],
  }),
  styled('Caption', 'Bijschrift: wat of wie er op de afbeelding staat'),
  styled('MeerInfoTitel', 'Meer weten?'),
  styled('MeerInfo', 'Meer info: waar de lezer verder kan lezen, met de naam van de website als link.'),
];

/** The template's bytes. */
export async function authorsTemplate(title: string): Promise<Buffer> {
  const document = new Document({
    title: `Sjabloon voor ${title}`,
    description: 'Sjabloon voor auteurs: elke stijl wordt een onderdeel van het blad',
    styles: { paragraphStyles, characterStyles: [{ id: 'Spreker', name: 'Spreker', run: { bold: true } }] },
    numbering: {
      config: [{ reference: 'nummers', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] }],
    },
    footnotes: { 1: { children: [text('Een voetnoot komt aan het eind van het artikel.')] } },
    sections: [{ children: body(await samplePicture()) }],
  });
  return Buffer.from(await Packer.toBuffer(document));
}

/** The new issue's sample drawing as a PNG: Word shows SVG only with a PNG beside it. */
function samplePicture(): Promise<Buffer> {
  return sharp(Buffer.from(sampleDrawing)).resize(600).png().toBuffer();
}
