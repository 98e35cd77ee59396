/**
 * A document printed in place of the one a page holds (`print.ts`): the next document's root
 * attributes, head (all but its stylesheet links) and body take the place of the last one's,
 * so that the stylesheets stay parsed and their fonts loaded. Only for documents of one look:
 * the same folder, the same stylesheets and fonts.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'puppeteer';

/**
 * How long the files of a document put in place may take before it is loaded instead: far
 * longer than a print folder's files take, far shorter than a print's deadline.
 */
const FILES_BUDGET_MS = 10_000;

/**
 * Puts the document in `htmlFile` in place of the one `page` holds. False, with nothing
 * changed, when the two do not link the same stylesheets. Done once the document's images
 * are decoded, every font is ready and no request is left unanswered (`inflight`, which the
 * page's session keeps), as `load` is for a document loaded; a failure or a file that does
 * not come within the budget throws, and the caller loads the document instead.
 */
export async function putInPlace(page: Page, htmlFile: string, inflight: Set<string>): Promise<boolean> {
  const html = await readFile(htmlFile, 'utf8');
  // Whatever the last document left unanswered is not this one's to wait for.
  inflight.clear();
  // No named functions inside: a transpiler may wrap them in a helper the page does not have.
  const replaced = await page.evaluate(async (html: string) => {
    const next = new DOMParser().parseFromString(html, 'text/html');
    const [nextLinks, ownLinks] = [next, document].map((doc) =>
      Array.from(doc.head.querySelectorAll('link'), (link) => link.outerHTML).join('\n'),
    );
    if (nextLinks !== ownLinks) return false;
    const root = document.documentElement;
    for (const { name } of Array.from(root.attributes)) root.removeAttribute(name);
    for (const { name, value } of Array.from(next.documentElement.attributes)) root.setAttribute(name, value);
    for (const node of Array.from(document.head.childNodes)) if (node.nodeName !== 'LINK') node.remove();
    for (const node of Array.from(next.head.childNodes))
      if (node.nodeName !== 'LINK') document.head.append(document.adoptNode(node));
    document.body.replaceWith(document.adoptNode(next.body));
    // Laid out now, so that what the styles ask for (a background image) is asked for now.
    document.body.getBoundingClientRect();
    await Promise.all(Array.from(document.images, (image) => image.decode().catch(() => undefined)));
    await document.fonts.ready;
    return true;
  }, html);
  if (replaced) await answered(page, inflight);
  return replaced;
}

async function answered(page: Page, inflight: Set<string>): Promise<void> {
  const deadline = Date.now() + FILES_BUDGET_MS;
  while (inflight.size > 0) {
    if (page.isClosed()) throw new Error('The page was closed while its files loaded');
    if (Date.now() > deadline) throw new Error(`The document's files did not come within ${FILES_BUDGET_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
