/**
 * mammoth reads the document as HTML: the style map says which Word styles become which
 * components, lists start where Word starts them, and each picture becomes an `img` whose
 * bytes are kept as they are (no re-encoding) under the name the article will use.
 */
import mammoth from 'mammoth';
import type { DocxPackage } from './docx-package.ts';
import { listStartRules, markListStarts, type MammothElement } from './lists.ts';
import { listNumbers } from './ooxml/list-numbers.ts';
import { warning, type ImportWarning } from './warning.ts';

export interface ExtractedPicture {
  /** The file name in the images folder: `<name>-<n>.<ext>`. */
  fileName: string;
  bytes: Buffer;
  contentType: string;
}

export interface Converted {
  html: string;
  pictures: ExtractedPicture[];
  warnings: ImportWarning[];
}

/** The extensions of picture types an edition can show; others are named in a warning. */
const extensions: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
  'image/webp': 'webp',
  'image/tiff': 'tif',
  'image/bmp': 'bmp',
  'image/x-emf': 'emf',
  'image/x-wmf': 'wmf',
};

export async function convertToHtml(docx: DocxPackage, name: string, styleMap: string[]): Promise<Converted> {
  const pictures: ExtractedPicture[] = [];
  const numbers = listNumbers(docx);
  const result = await mammoth.convertToHtml(
    { buffer: docx.bytes },
    {
      styleMap: [...listStartRules(numbers), ...styleMap],
      // Ids of our own, so that notes are found by `notes.ts` whatever the document.
      idPrefix: 'docx-',
      externalFileAccess: false,
      transformDocument: (document: MammothElement) => {
        markListStarts(document, numbers);
        return document;
      },
      convertImage: mammoth.images.imgElement(async (image) => {
        const extension = extensions[image.contentType] ?? image.contentType.split('/')[1] ?? 'bin';
        const fileName = `${name}-${pictures.length + 1}.${extension.replace(/[^a-z0-9]/gi, '')}`;
        pictures.push({ fileName, bytes: await image.readAsBuffer(), contentType: image.contentType });
        return { src: fileName };
      }),
    },
  );
  return { html: result.value, pictures, warnings: result.messages.flatMap(mammothWarning) };
}

/** mammoth's own messages, said for editors; unknown styles are said by `styles-used.ts`. */
function mammothWarning(message: { type: string; message: string }): ImportWarning[] {
  if (/^Unrecognised (paragraph|run) style/.test(message.message)) return [];
  if (/unlikely to display in web browsers/.test(message.message)) return [];
  return [warning('import-mammoth', message.message)];
}
