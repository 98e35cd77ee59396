/**
 * mammoth reads the document as HTML: the style map says which Word styles become which
 * components, lists are marked where Word starts them anew, and each picture becomes an `img` whose
 * bytes are kept as they are (no re-encoding) under the name the article will use.
 */
import mammoth from 'mammoth';
import type { DocxPackage } from './docx-package.ts';
import { markListStarts, type MammothElement } from './lists.ts';
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
      styleMap,
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

/**
 * mammoth's own messages, passed on, except where `ooxml/unsupported.ts` and `pictures.ts` say
 * the same with the place (equations, simple fields, embedded objects, picture formats). A style without a
 * component is said once, as what it means for the editor.
 */
function mammothWarning(message: { type: string; message: string }): ImportWarning[] {
  const style = /^Unrecognised (paragraph|run) style: '(.*)' \(Style ID: (.*)\)$/.exec(message.message);
  if (style) {
    return [
      warning(
        'import-style',
        `Word style “${style[2]}” is no component: its ${style[1] === 'run' ? 'text' : 'paragraphs'} became ` +
          'ordinary text (issue.yaml can map it under import: styles:)',
      ),
    ];
  }
  if (
    /unlikely to display in web browsers|was ignored: .*(oMath|oMathPara|w:fldSimple|OLEObject)$/.test(message.message)
  )
    return [];
  return [warning('import-mammoth', message.message)];
}
