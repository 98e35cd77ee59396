/**
 * A drawing pictured by Chromium, for the EPUB when its labels are HTML an EPUB may not hold
 * (`images/drawing.ts`): the renderer that prints it, so the picture shows what the PDF shows,
 * labels whole (librsvg draws no `<foreignObject>`). The sanitised SVG goes in as the data: URL
 * of an `<img>` on a page with JavaScript off; an SVG image loads nothing, and this Chromium
 * has no network. The browser is launched on the first such drawing only.
 */
import type { Browser } from 'puppeteer';
import type { DrawingPicturer } from '../images/types.ts';
import { closeOrKill, launchChromium } from './browser.ts';

/** A drawing is not enlarged more than this: past it a PNG only grows. */
const MAX_SCALE = 3;

export interface DrawingCamera {
  picture: DrawingPicturer;
  /** Closes the browser, if one was launched. */
  close(): Promise<void>;
}

export function drawingCamera(): DrawingCamera {
  let browser: Promise<Browser> | undefined;
  return {
    async picture(svg, size, longEdge) {
      browser ??= launchChromium();
      const page = await (await browser).newPage();
      try {
        return await pictureOn(page, svg, size, longEdge);
      } finally {
        await page.close().catch(() => undefined);
      }
    },
    async close() {
      const launched = await browser?.catch(() => undefined);
      if (launched) await closeOrKill(launched);
    },
  };
}

async function pictureOn(
  page: Awaited<ReturnType<Browser['newPage']>>,
  svg: string,
  size: { width: number; height: number },
  longEdge: number,
): ReturnType<DrawingPicturer> {
  const scale = Math.min(MAX_SCALE, longEdge / Math.max(size.width, size.height));
  await page.setJavaScriptEnabled(false);
  await page.setViewport({ width: size.width, height: size.height, deviceScaleFactor: scale });
  const source = `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
  await page.setContent(
    '<!doctype html><html><head><style>html,body{margin:0;background:transparent}' +
      `img{display:block;width:${size.width}px;height:${size.height}px}</style></head>` +
      `<body><img src="${source}" alt=""></body></html>`,
    { waitUntil: 'load' },
  );
  const png = Buffer.from(await page.screenshot({ type: 'png', omitBackground: true }));
  // The PNG's own size, from its header (IHDR: width and height after the signature and chunk head).
  return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
