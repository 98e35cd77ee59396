/** Drawings (SVG) as every edition gets them; Mermaid and other generated SVG go this way too. */
export { type Drawing, DrawingRefused, MAX_DRAWING_BYTES, sanitiseDrawing } from './sanitise.ts';
export { SVG_NAMESPACE } from './xml.ts';
