/**
 * Draws Mermaid sources into SVG in Chromium: Mermaid measures its labels with the browser's
 * layout, so it cannot run in Node alone. The page loads Mermaid from node_modules and the
 * theme's sans face from its file (both as data, not URLs); every request it would make is
 * refused, so drawing never reaches the network.
 *
 * Labels are SVG `<text>` (`htmlLabels: false`), so each drawing carries real text in every
 * edition. The styles Mermaid sets with its stylesheet are resolved in the page and written
 * on each shape as presentation attributes; the stylesheet itself is dropped, so the sanitiser
 * can allow attributes only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'puppeteer-core';
import { ID_PLACEHOLDER } from './types.ts';

const require = createRequire(import.meta.url);

export type DrawResult = { svg: string } | { error: string };

/** Mermaid's settings: part of each drawing's cache key. */
export const mermaidConfig = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'neutral',
  htmlLabels: false,
  flowchart: { htmlLabels: false },
  fontFamily: '"Source Sans 3", sans-serif',
  deterministicIds: true,
  deterministicIDSeed: ID_PLACEHOLDER,
  suppressErrorRendering: true,
} as const;

/** What a drawing depends on besides its source: Mermaid's version, its settings, and the drawing code here. */
export function drawingSettings(): string {
  const { version } = require('mermaid/package.json') as { version: string };
  return `${version}\0${JSON.stringify(mermaidConfig)}\0${drawAll.toString()}`;
}

/** Each source drawn, in order: its SVG markup, or Mermaid's message when it cannot read it. */
export async function drawInBrowser(browser: Browser, sources: readonly string[]): Promise<DrawResult[]> {
  const page = await browser.newPage();
  try {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url().startsWith('data:')) void request.continue();
      else void request.abort();
    });
    await page.setContent(`<!doctype html><html><head><style>${sansFace()}</style></head><body></body></html>`);
    await page.addScriptTag({ content: readFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8') });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.evaluate(
      drawAll,
      [...sources],
      mermaidConfig as unknown as Record<string, unknown>,
      ID_PLACEHOLDER,
    );
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** The theme's regular sans face, embedded, so Mermaid measures labels in the face they print in. */
function sansFace(): string {
  const file = require.resolve('@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2');
  const data = readFileSync(file).toString('base64');
  return `@font-face { font-family: 'Source Sans 3'; src: url(data:font/woff2;base64,${data}) format('woff2'); }`;
}

/**
 * Runs in the page, so everything it uses is inside it: Puppeteer sends the function's text.
 * Each source is read first (`parse`), so an error is Mermaid's message, not a drawing of it.
 */
async function drawAll(sources: string[], config: Record<string, unknown>, id: string): Promise<DrawResult[]> {
  type Mermaid = {
    initialize(config: Record<string, unknown>): void;
    parse(text: string): Promise<unknown>;
    render(id: string, text: string): Promise<{ svg: string }>;
  };
  // Paint for every shape; type only for text (SVG allows font properties on text alone).
  const paint = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray'];
  const strokes = ['stroke-linecap', 'stroke-linejoin', 'opacity'];
  const type = ['font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline'];
  const shapes = new Set(['rect', 'path', 'polygon', 'polyline', 'circle', 'ellipse', 'line', 'text', 'tspan']);
  const texts = new Set(['text', 'tspan']);

  /** Mermaid's style sheet, resolved and written on each shape; hidden and sizeless parts removed. */
  const resolveStyles = (root: SVGSVGElement) => {
    // Read for every element first: the selectors match on classes removed below.
    const resolved = [...root.querySelectorAll('*')].map((element) => {
      const style = getComputedStyle(element);
      // A label's backdrop with no size draws nothing, and SVG requires a rect's size.
      const sizeless =
        element.localName === 'rect' && !(element.hasAttribute('width') && element.hasAttribute('height'));
      const hidden = sizeless || (element.localName !== 'style' && style.display === 'none');
      const names = texts.has(element.localName)
        ? [...paint, ...strokes, ...type]
        : shapes.has(element.localName)
          ? [...paint, ...strokes]
          : [];
      return { element, hidden, values: names.map((name) => [name, style.getPropertyValue(name)] as const) };
    });
    for (const { element, hidden, values } of resolved) {
      if (hidden) {
        element.remove();
        continue;
      }
      for (const [name, value] of values) element.setAttribute(name, value);
      element.removeAttribute('style');
      element.removeAttribute('class');
    }
    for (const sheet of [...root.querySelectorAll('style')]) sheet.remove();
  };

  /** A `click` link becomes a plain group: a printed drawing links nowhere, and its position stays. */
  const unlink = (root: SVGSVGElement) => {
    for (const link of [...root.querySelectorAll('a')]) {
      const group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
      const transform = link.getAttribute('transform');
      if (transform) group.setAttribute('transform', transform);
      group.append(...link.childNodes);
      link.replaceWith(group);
    }
  };

  /** Its natural size from its view box (Mermaid sets a maximum width in a style instead). */
  const sizeToViewBox = (root: SVGSVGElement) => {
    const box = root.viewBox.baseVal;
    root.removeAttribute('style');
    root.setAttribute('width', String(Math.ceil(box.width)));
    root.setAttribute('height', String(Math.ceil(box.height)));
  };

  const drawOne = async (mermaid: Mermaid, source: string): Promise<DrawResult> => {
    await mermaid.parse(source);
    const { svg } = await mermaid.render(id, source);
    const host = document.createElement('div');
    host.innerHTML = svg;
    document.body.append(host);
    const root = host.querySelector('svg')!;
    resolveStyles(root);
    unlink(root);
    sizeToViewBox(root);
    host.remove();
    return { svg: root.outerHTML };
  };

  const mermaid = (globalThis as unknown as { mermaid: Mermaid }).mermaid;
  mermaid.initialize(config);
  const results: DrawResult[] = [];
  for (const source of sources) {
    try {
      results.push(await drawOne(mermaid, source));
    } catch (error) {
      results.push({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
