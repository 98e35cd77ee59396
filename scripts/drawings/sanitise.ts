/**
 * The way of every drawing: SVG text in, a drawing every edition may carry out, or a refusal.
 *
 * 1. `xml.ts` reads it as XML and refuses what cannot be made safe (entity declarations, a
 *    file that is no well-formed SVG) before a DOM is built.
 * 2. `editor-data.ts` removes what drawing programs keep for themselves (not drawn, not said);
 *    `references.ts` removes what would load anything from outside the drawing.
 * 3. DOMPurify (in a jsdom window, as its authors recommend for Node) removes code: scripts,
 *    event handlers, `javascript:` URLs, animation that rewrites links, elements it does not know.
 *    Its SVG profile leaves out `<foreignObject>`, `<switch>` and `<use>`; they are let in,
 *    with HTML allowed inside `<foreignObject>` only, because draw.io writes its labels so.
 * 4. The result is serialised as XML and read once more by step 1, so what leaves here is
 *    well-formed SVG with its labels in the XHTML namespace (what EPUB asks of foreignObject).
 *
 * What was removed is listed, for a warning that names the file.
 */
import type { Config, DOMPurify } from 'dompurify';
import { removeEditorData } from './editor-data.ts';
import { nonXhtmlLabels } from './labels.ts';
import { DrawingRefused } from './refused.ts';
import { removeOutsideReferences } from './references.ts';
import { type DrawingSize, drawingSize } from './size.ts';
import { readDrawingXml } from './xml.ts';

export { DrawingRefused };

/** A drawing is text; one larger than this is refused before it is parsed, to bound memory. */
export const MAX_DRAWING_BYTES = 8 * 1024 * 1024;

export interface Drawing extends DrawingSize {
  /** The sanitised SVG, UTF-8 text without a prolog. */
  svg: string;
  /** What the sanitiser removed, one phrase each ("a <script>", "onload on <svg>"). */
  removed: string[];
  /** Label markup that is not XHTML an EPUB may hold (`labels.ts`); empty when it all is. */
  nonXhtml: string[];
}

const PURIFY_CONFIG: Config = {
  USE_PROFILES: { svg: true, svgFilters: true, html: true },
  ADD_TAGS: ['foreignObject', 'switch', 'use'],
  ADD_ATTR: ['requiredFeatures', 'requiredExtensions', 'systemLanguage', 'target'],
  HTML_INTEGRATION_POINTS: { 'annotation-xml': true, foreignobject: true },
  RETURN_DOM_FRAGMENT: true,
};

interface Sanitiser {
  window: Window & typeof globalThis;
  purify: DOMPurify;
}

/** One window and one DOMPurify for the process: making a jsdom window costs more than a drawing. */
let sanitiser: Sanitiser | undefined;

async function loadSanitiser(): Promise<Sanitiser> {
  if (sanitiser) return sanitiser;
  const [{ JSDOM }, { default: createDOMPurify }] = await Promise.all([import('jsdom'), import('dompurify')]);
  // No scripts run and no resource is loaded in this window: jsdom's defaults, said here.
  const window = new JSDOM('', { runScripts: undefined, resources: undefined })
    .window as unknown as Sanitiser['window'];
  sanitiser = { window, purify: createDOMPurify(window) };
  return sanitiser;
}

/** Sanitises SVG text; throws DrawingRefused for what cannot be made safe. */
export async function sanitiseDrawing(text: string): Promise<Drawing> {
  if (Buffer.byteLength(text) > MAX_DRAWING_BYTES) {
    throw new DrawingRefused(
      `the drawing is larger than ${MAX_DRAWING_BYTES / 1024 / 1024} MB; simplify or export it smaller`,
    );
  }
  const { dropped } = readDrawingXml(text);
  const { window, purify } = await loadSanitiser();
  const root = new window.DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
  removeEditorData(root);
  const removed = [...dropped, ...removeOutsideReferences(root)];
  const fragment = purify.sanitize(root, PURIFY_CONFIG) as unknown as DocumentFragment;
  removed.push(...describeRemoved(purify.removed));
  const clean = fragment.firstElementChild;
  if (clean?.localName !== 'svg') throw new DrawingRefused('nothing of the drawing is left once it is made safe');
  const svg = new window.XMLSerializer().serializeToString(clean!);
  readDrawingXml(svg);
  return { svg, ...drawingSize(clean!), removed: counted(removed), nonXhtml: nonXhtmlLabels(clean!) };
}

function describeRemoved(entries: DOMPurify['removed']): string[] {
  return entries.map((entry) => {
    if ('element' in entry) return `a <${(entry.element as Element).localName ?? entry.element.nodeName}>`;
    const from = entry.from as Element | undefined;
    return `${entry.attribute?.name ?? 'an attribute'} on <${from?.localName ?? 'an element'}>`;
  });
}

/** The same removal many times over is said once, with its count. */
function counted(phrases: string[]): string[] {
  const counts = new Map<string, number>();
  for (const phrase of phrases) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  return [...counts].map(([phrase, count]) => (count > 1 ? `${phrase} (${count}×)` : phrase));
}
