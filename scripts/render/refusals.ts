/**
 * What the build cannot repair, refused at its line before any edition is written: an HTML
 * `<img>` without `alt` (only the editor knows what it shows; without a text alternative the
 * PDF fails PDF/UA 13-004 and the web page the Nu Html Checker). `alt=""` is decoration, on
 * purpose, and is accepted.
 */
import type { Nodes } from 'mdast';
import type { Article } from '../issue/load.ts';
import { rawHtmlImages } from '../markdown/raw-html.ts';

export function refuseUnrepairable(article: Article): void {
  const walk = (node: Nodes): void => {
    if (node.type === 'html') {
      for (const image of rawHtmlImages(node, article.file)) {
        if (image.hasAlt) continue;
        const message = article.file.message(
          `Unexpected HTML <img> \`${image.src}\` without alt, expected ` +
            `\`alt="…"\` describing the image (\`alt=""\` for decoration)`,
          { place: image.position, ruleId: 'html-img-alt', source: 'persklaar' },
        );
        message.fatal = true;
      }
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(article.tree);
}
