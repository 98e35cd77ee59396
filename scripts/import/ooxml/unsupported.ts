/**
 * What a magazine article cannot carry, found in the document's own XML because mammoth passes
 * over it without a word (or sets its text inline): text boxes, SmartArt, charts, embedded
 * objects, equations and fields it does not know. Each is named with where it stood.
 */
import { firstWords, warning, type ImportWarning } from '../warning.ts';
import { isWordElement, type DocumentBody } from './body.ts';
import { attribute, descendants, isInside, runText } from './xml.ts';

/** Fields whose shown text is what the article means: links, caption numbers, page numbers. */
const understoodFields = new Set(['HYPERLINK', 'SEQ', 'PAGE', 'NUMPAGES', 'FORMCHECKBOX']);

export function unsupportedContent(body: DocumentBody): ImportWarning[] {
  return [...textBoxes(body), ...graphics(body), ...embeddedObjects(body), ...equations(body), ...unknownFields(body)];
}

function textBoxes(body: DocumentBody): ImportWarning[] {
  return descendants(body.document, 'txbxContent')
    .filter((box) => !isInside(box, 'txbxContent') && !isInside(box, 'Fallback'))
    .map((box) =>
      warning(
        'import-unsupported',
        `text box ${body.places.of(box)}: its text (“${firstWords(runText(box))}”) is set as ordinary ` +
          'paragraphs where the box stood; make it a box (Kader) or move it',
      ),
    );
}

/** DrawingML graphics that are no picture: SmartArt diagrams, charts, other graphic kinds. */
function graphics(body: DocumentBody): ImportWarning[] {
  const kinds: Record<string, string> = { diagram: 'SmartArt diagram', chart: 'chart', chartex: 'chart' };
  return descendants(body.document, 'graphicData').flatMap((data) => {
    const uri = attribute(data, 'uri') ?? '';
    const kind = /\/(?:drawingml\/2006|drawingml\/2014)\/(\w+)$/.exec(uri)?.[1] ?? '';
    if (kind === 'picture' || kind === '' || isInside(data, 'Fallback')) return [];
    const name = kinds[kind] ?? `drawing (${kind})`;
    return [
      warning(
        'import-unsupported',
        `${name} ${body.places.of(data)}: left out, it cannot be carried into the article; ` +
          'ask the author for it as a picture (PNG or SVG) with a description',
      ),
    ];
  });
}

function embeddedObjects(body: DocumentBody): ImportWarning[] {
  return descendants(body.document, 'object')
    .filter(isWordElement)
    .map((object) => {
      const program = attribute(descendants(object, 'OLEObject')[0] ?? object, 'ProgID');
      const preview = descendants(object, 'imagedata').length > 0;
      return warning(
        'import-unsupported',
        `embedded object${program ? ` (${program})` : ''} ${body.places.of(object)}: ` +
          (preview ? 'only the picture Word shows of it is kept' : 'left out') +
          '; ask the author for its content as text, a table or a picture',
      );
    });
}

function equations(body: DocumentBody): ImportWarning[] {
  return descendants(body.document, 'oMath')
    .filter((math) => !isInside(math, 'oMath'))
    .map((math) =>
      warning('import-unsupported', `equation ${body.places.of(math)}: left out; set it as text or as a picture`),
    );
}

/**
 * Fields whose instruction is not understood. Of a complex field (w:instrText) mammoth keeps the
 * text Word last showed; a simple field (w:fldSimple) it leaves out, shown text and all.
 */
function unknownFields(body: DocumentBody): ImportWarning[] {
  const complex = descendants(body.document, 'instrText')
    .filter(isWordElement)
    .map((element) => ({ element, instruction: element.textContent ?? '', kept: true }));
  const simple = descendants(body.document, 'fldSimple')
    .filter(isWordElement)
    .map((element) => ({ element, instruction: attribute(element, 'instr') ?? '', kept: false }));
  return [...complex, ...simple].flatMap(({ element, instruction, kept }) => {
    const name = /^\s*(\w+)/.exec(instruction)?.[1]?.toUpperCase();
    if (!name || understoodFields.has(name)) return [];
    const shown = firstWords(runText(element));
    const what = kept
      ? 'only the text Word last showed for it is kept, not the field itself'
      : `left out${shown ? `, with the text it showed (“${shown}”)` : ''}; type that text in if it belongs there`;
    return [warning('import-unsupported', `field ${name} ${body.places.of(element)}: ${what}`)];
  });
}
