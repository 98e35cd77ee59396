/**
 * Word documents for the import tests, made by a real generator (the `docx` package) at test
 * time: one builder per construct, each a small article an editor could have received.
 */
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  EndnoteReferenceRun,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  SimpleField,
  Table,
  TableCell,
  TableRow,
  Textbox,
  TextRun,
  WidthType,
  type ISectionOptions,
  type IPropertiesOptions,
} from 'docx';
import sharp from 'sharp';

/** The paragraph styles an author's template has (see scripts/new/authors-template.ts). */
const magazineStyles = [
  'Citaat',
  'Citaat bron',
  'Kader',
  'Kadertitel',
  'Meer info',
  'Meer info titel',
  'Intro',
  'Bovenregel',
  'Blokcitaat',
  // Word's own, under its English name as Word stores it.
  'Intense Quote',
].map((name) => ({
  id: name.replace(/\s+/g, ''),
  name,
  basedOn: 'Normal',
  quickFormat: true,
}));

const captionStyle = { id: 'Caption', name: 'caption', basedOn: 'Normal', quickFormat: true };

export type DocumentOptions = Omit<IPropertiesOptions, 'sections'> & {
  children: ISectionOptions['children'];
  /** Paragraph styles of the author's own, beside the template's. */
  ownStyles?: string[];
};

/** A .docx with the magazine's styles, a bullet and a numbered list definition. */
export async function wordDocument({ children, ownStyles = [], ...options }: DocumentOptions): Promise<Buffer> {
  const own = ownStyles.map((name) => ({ id: name.replace(/\s+/g, ''), name, basedOn: 'Normal' }));
  const document = new Document({
    ...options,
    styles: {
      paragraphStyles: [...magazineStyles, captionStyle, ...own],
      characterStyles: [{ id: 'Spreker', name: 'Spreker', run: { bold: true } }],
    },
    numbering: {
      config: [
        {
          reference: 'stappen',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: level === 1 ? LevelFormat.LOWER_LETTER : LevelFormat.DECIMAL,
            text: level === 1 ? `%${level + 1})` : `%${level + 1}.`,
            alignment: AlignmentType.START,
          })),
        },
      ],
    },
    sections: [{ children }],
  });
  return Buffer.from(await Packer.toBuffer(document));
}

export const text = (value: string, style: { bold?: boolean; italics?: boolean } = {}) =>
  new TextRun({ text: value, ...style });

export const paragraph = (...children: ParagraphChild[]) => new Paragraph({ children });

/** A paragraph in the style named `name` (docx refers to a style by its id: the name without spaces). */
export const styled = (name: string, value: string) =>
  new Paragraph({ style: name.replace(/\s+/g, ''), children: [text(value)] });

export const heading = (level: 1 | 2 | 3 | 4 | 5 | 6, value: string) =>
  new Paragraph({ heading: HeadingLevel[`HEADING_${level}`], children: [text(value)] });

export const title = (value: string) => new Paragraph({ heading: HeadingLevel.TITLE, children: [text(value)] });

export const link = (value: string, url: string) =>
  new ExternalHyperlink({ link: url, children: [new TextRun({ text: value, style: 'Hyperlink' })] });

export const bullet = (value: string, level = 0) => new Paragraph({ bullet: { level }, children: [text(value)] });

export const numbered = (value: string, level = 0, instance = 1) =>
  new Paragraph({ numbering: { reference: 'stappen', level, instance }, children: [text(value)] });

export { CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, EndnoteReferenceRun };
export { FootnoteReferenceRun, InsertedTextRun, SimpleField, Table, TableCell, TableRow, Textbox, TextRun };
export { ImageRun, Paragraph, WidthType };

/** A photo of `width` × `height` as JPEG (or PNG) bytes, different for each seed. */
export async function photo(seed: number, format: 'jpeg' | 'png' = 'jpeg', width = 320, height = 200) {
  const image = sharp({
    create: { width, height, channels: 3, background: { r: (seed * 53) % 256, g: (seed * 97) % 256, b: 140 } },
  });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 80 }).toBuffer();
}

export const picture = (data: Buffer, type: 'jpg' | 'png', altText?: { description?: string; title?: string }) =>
  new ImageRun({
    type,
    data,
    transformation: { width: 320, height: 200 },
    altText: altText ? { name: 'Afbeelding', ...altText } : undefined,
  });
