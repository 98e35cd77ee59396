/**
 * The first reading of a drawing, as XML, with saxes (the parser jsdom itself uses): it must be
 * well-formed, its root an SVG `<svg>`, and it may declare nothing. A DOCTYPE with an internal
 * subset (entity declarations: XXE, "billion laughs") is refused the moment the parser reports
 * it, before any element is read; saxes expands no entity but the five of XML itself, so an
 * entity used without a declaration is refused as ill-formed.
 */
import { SaxesParser } from 'saxes';
import { DrawingRefused } from './refused.ts';

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** The DOCTYPE of SVG 1.0 and 1.1 that editors such as draw.io write: it names a DTD, nothing more. */
const STANDARD_DOCTYPE = /^\s*svg\s+PUBLIC\s+"-\/\/W3C\/\/DTD SVG 1\.[01]\/\/EN"\s+"[^"[\]]*"\s*$/;

/** Deeper than any drawing an editor makes; bounds the recursion of every later step. */
export const MAX_DEPTH = 256;
/**
 * Many times a large draw.io diagram (a few thousand elements); bounds the DOM the later steps
 * build, whose memory grows with the elements, not with the bytes.
 */
export const MAX_ELEMENTS = 20_000;

export interface XmlFacts {
  /** What the prolog held that the drawing will not keep, for the editor's warning. */
  dropped: string[];
}

export function readDrawingXml(text: string): XmlFacts {
  const dropped: string[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: { local: string; uri: string } | undefined;
  parser.on('doctype', (doctype) => {
    if (doctype.includes('[')) {
      throw new DrawingRefused('it declares entities in a DOCTYPE (an XML attack: XXE or "billion laughs")');
    }
    if (!STANDARD_DOCTYPE.test(doctype)) dropped.push('its DOCTYPE');
  });
  parser.on('processinginstruction', (instruction) => {
    if (instruction.target === 'xml-stylesheet')
      dropped.push(`a style sheet it names (<?xml-stylesheet ${instruction.body}?>)`);
  });
  let depth = 0;
  let elements = 0;
  parser.on('opentag', (tag) => {
    root ??= { local: tag.local, uri: tag.uri };
    if (++depth > MAX_DEPTH) throw new DrawingRefused(`its elements are nested more than ${MAX_DEPTH} deep`);
    if (++elements > MAX_ELEMENTS) {
      throw new DrawingRefused(`it has more than ${MAX_ELEMENTS} elements; simplify the drawing or split it`);
    }
  });
  parser.on('closetag', () => {
    depth--;
  });
  parser.on('error', (error) => {
    throw new DrawingRefused(`it is not well-formed XML (${error.message.replace(/\.$/, '')})`);
  });
  parser.write(text).close();
  if (root?.local !== 'svg' || root.uri !== SVG_NAMESPACE) {
    throw new DrawingRefused(
      'it is not an SVG drawing: its root element is not <svg xmlns="http://www.w3.org/2000/svg">',
    );
  }
  return { dropped };
}
