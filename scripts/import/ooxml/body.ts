/** The main document's XML and its body paragraphs, read once for every survey of it. */
import type { DocxPackage } from '../docx-package.ts';
import { Places } from './places.ts';
import { descendants, isInside, parseXml, type Element } from './xml.ts';

export interface DocumentBody {
  document: ReturnType<typeof parseXml>;
  /** The notes' XML (footnotes, endnotes), surveyed for tracked changes too. */
  notes: ReturnType<typeof parseXml>[];
  /** Every paragraph of the body in reading order, table cells included, text boxes' not. */
  paragraphs: Element[];
  places: Places;
}

export function readBody(docx: DocxPackage): DocumentBody {
  const document = parseXml(docx.parts.get('word/document.xml')?.toString('utf8') ?? '');
  const notes = ['word/footnotes.xml', 'word/endnotes.xml']
    .map((name) => docx.parts.get(name)?.toString('utf8'))
    .filter((text): text is string => text !== undefined)
    .map(parseXml);
  const paragraphs = descendants(document, 'p').filter(
    (paragraph) => isWordElement(paragraph) && !isInside(paragraph, 'txbxContent'),
  );
  return { document, notes, paragraphs, places: new Places(paragraphs) };
}

/** An element of WordprocessingML (Transitional or Strict), not of DrawingML or VML. */
export function isWordElement(element: Element): boolean {
  return /wordprocessingml\/(?:2006\/)?main$/.test(element.namespaceURI ?? '');
}
