/**
 * A drawn diagram passes hast-util-sanitize (the sanitiser raw HTML passes) with a schema of
 * its own: the SVG shapes Mermaid draws and their geometry and presentation attributes, with
 * no script, no style sheet, no link and no reference outside the drawing (`url(#…)` only).
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';

/** A paint, length or marker value: anything but a `url()` that points outside the drawing. */
const LOCAL_ONLY = /^(?![\s\S]*url\(\s*["']?(?!#))[\s\S]*$/i;

const presentation = [
  'fill',
  'fillOpacity',
  'stroke',
  'strokeWidth',
  'strokeOpacity',
  'strokeDashArray',
  'strokeLineCap',
  'strokeLineJoin',
  'opacity',
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'textAnchor',
  'dominantBaseline',
  'markerStart',
  'markerMid',
  'markerEnd',
].map((name) => [name, LOCAL_ONLY] as [string, RegExp]);

const geometry = [
  'id',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'dx',
  'dy',
  'width',
  'height',
  'd',
  'points',
  'transform',
  'viewBox',
  'markerWidth',
  'markerHeight',
  'markerUnits',
  'refX',
  'refY',
  'orient',
];

export const diagramSchema: Schema = {
  tagNames: [
    'svg',
    'g',
    'defs',
    'marker',
    'path',
    'rect',
    'circle',
    'ellipse',
    'line',
    'polyline',
    'polygon',
    'text',
    'tspan',
  ],
  attributes: { '*': [...geometry, ...presentation], svg: [['xmlns', 'http://www.w3.org/2000/svg']] },
  protocols: {},
  ancestors: {},
  required: { svg: { xmlns: 'http://www.w3.org/2000/svg' } },
  // Ids are the drawing's own and are renamed per diagram by the renderer.
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style', 'foreignObject', 'title', 'desc'],
  allowComments: false,
  allowDoctypes: false,
};

/** The drawing as a sanitised `<svg>` element, or undefined when nothing drawable is left. */
export function sanitisedSvg(markup: string): Element | undefined {
  const tree = fromHtml(markup, { fragment: true });
  const clean = sanitize(tree, diagramSchema) as Root;
  const svg = clean.children.find((child): child is Element => child.type === 'element');
  return svg?.tagName === 'svg' ? svg : undefined;
}
