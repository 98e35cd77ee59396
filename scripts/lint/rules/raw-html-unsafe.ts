/**
 * raw-html-unsafe — raw HTML in a manuscript runs nothing and fetches nothing. The build
 * removes scripts, embedded documents (`<iframe>`, `<object>`, `<embed>`), event handlers
 * (`onerror=…`), `javascript:` URLs and remote resources (an `<img>` from a web address, a
 * `<link>`, a `<style>` with `url()`), so the page would silently differ from what the editor
 * wrote; this rule names each one at its line, so CI stops it before it is published.
 */
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Html } from 'mdast';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import { isLocalReference, positionInNode } from '../../markdown/raw-html.ts';
import type { RuleModule } from '../types.ts';
import { articleRule, quote } from '../util/rule.ts';

const id = 'raw-html-unsafe';

/** Elements that run code or embed another document: never rendered. */
const embedding: Record<string, string> = {
  script: 'scripts never run in the editions',
  iframe: 'embedded pages are not shown in the editions',
  frame: 'embedded pages are not shown in the editions',
  frameset: 'embedded pages are not shown in the editions',
  object: 'embedded content is not shown in the editions',
  embed: 'embedded content is not shown in the editions',
  applet: 'embedded content is not shown in the editions',
};

/** Attributes whose value is a URL the browser follows or fetches. */
const urlAttributes = [
  'href',
  'src',
  'srcSet',
  'action',
  'formAction',
  'data',
  'poster',
  'background',
  'cite',
  'longDesc',
  'ping',
  'xLinkHref',
  'codeBase',
  'manifest',
  'icon',
];

/** Attributes whose URL is fetched while the page loads (rather than followed on a click). */
const fetchedAttributes = new Set([
  'src',
  'srcSet',
  'data',
  'poster',
  'background',
  'xLinkHref',
  'codeBase',
  'manifest',
  'icon',
]);

const svgFetching = new Set(['image', 'use', 'feImage']);

export const rawHtmlUnsafe: RuleModule = {
  id,
  docs:
    'Raw HTML has no `script`, `iframe`, `object`, `embed`, event handler (`on…=`), `javascript:` URL or remote ' +
    'resource (`<img src="https://…">`, `<link>`, `url()` in a style); the build removes them, this names each ' +
    'at its line.',
  severity: 'error',
  examples: {
    bad: [
      {
        caption: 'An image from the web with an event handler: both are removed, each is named.',
        markdown: '<img src="https://example.org/grafiek.png" alt="Grafiek van de meldingen" onerror="alert(1)">\n',
        messages: [
          {
            line: 1,
            message:
              'Unexpected remote resource `https://example.org/grafiek.png` in `src` on `<img>`: the editions ' +
              'fetch nothing from the network; the build removes it, expected a file in images/',
          },
          {
            line: 1,
            message:
              'Unexpected event handler `onerror` on `<img>`: scripts never run in the editions; the build ' +
              'removes it',
          },
        ],
      },
      {
        caption: 'An embedded video.',
        markdown: '<iframe src="https://www.youtube.com/embed/abc123"></iframe>\n',
        messages: [
          {
            line: 1,
            message:
              'Unexpected `<iframe>` in raw HTML: embedded pages are not shown in the editions; the build ' +
              'removes it, expected a link to the content instead',
          },
        ],
      },
    ],
    good: [
      {
        caption: 'An image from images/, and a link to the video.',
        markdown:
          '<img src="grafiek.png" alt="Grafiek van de meldingen">\n' +
          '\n' +
          'Bekijk [de video over de nieuwe regels](https://www.youtube.com/watch?v=abc123).\n',
        issue: { images: ['grafiek.png'] },
      },
    ],
  },
  plugin: articleRule(id, (tree, file) => {
    visit(tree, 'html', (node: Html) => {
      const report = (reason: string, at: Position | undefined) => file.message(reason, positionInNode(node, at, file));
      const fragment = fromHtml(node.value, { fragment: true, verbose: true });
      for (const element of elementsOf(fragment)) {
        const tag = element.tagName;
        const opening = element.data?.position?.opening ?? element.position;
        const why = embedding[tag];
        if (why) {
          report(
            `Unexpected \`<${tag}>\` in raw HTML: ${why}; the build removes it, expected a link to the content instead`,
            opening,
          );
        }
        if (tag === 'link') {
          report(
            'Unexpected `<link>` in raw HTML: the editions load no resources from a manuscript; the build removes it',
            opening,
          );
        }
        if (tag === 'style' && remoteInCss(textOf(element))) {
          report(
            `Unexpected remote resource in \`<style>\`: ` +
              `${quote(remoteInCss(textOf(element))!)}; the build removes the style`,
            opening,
          );
        }
        for (const [key, value] of Object.entries(element.properties)) {
          const at = element.data?.position?.properties?.[key] ?? opening;
          const name = attributeName(key);
          if (/^on/i.test(name)) {
            report(
              `Unexpected event handler \`${name}\` on \`<${tag}>\`: ` +
                'scripts never run in the editions; the build removes it',
              at,
            );
            continue;
          }
          if (key === 'style' && typeof value === 'string' && remoteInCss(value)) {
            report(
              `Unexpected remote resource in \`style\` on \`<${tag}` +
                `>\`: ${quote(remoteInCss(value)!)}; the build removes it`,
              at,
            );
            continue;
          }
          if (!urlAttributes.includes(key)) continue;
          // SVG's `<image href>`, `<use href>`: fetched, not followed.
          const fetched = fetchedAttributes.has(key) || (key === 'href' && svgFetching.has(tag));
          for (const url of urlsOf(key, value)) {
            const scheme = scriptScheme(url);
            if (scheme) {
              report(
                `Unexpected \`${scheme}:\` URL in \`${name}\` on \`<${tag}` +
                  `>\`: scripts never run in the editions; the build removes it`,
                at,
              );
            } else if (fetched && !why && isRemote(url)) {
              report(
                `Unexpected remote resource \`${url}\` in \`${name}\` on \`<${tag}>\`: the editions ` +
                  'fetch nothing from the network; the build removes it, expected a file in images/',
                at,
              );
            } else if (tag === 'img' && key === 'src' && /^data:/i.test(url.trim())) {
              report(
                'Unexpected `data:` URL in `src` on `<img>`: the build removes it, expected a file in images/',
                at,
              );
            }
          }
        }
      }
    });
  }),
};

/** Every element of a parsed fragment, in document order, inside `<template>` too. */
function elementsOf(tree: HastRoot): Element[] {
  const elements: Element[] = [];
  const stack: HastNodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'element') {
      elements.push(node);
      if (node.content) stack.push(...[...node.content.children].reverse());
    }
    if ('children' in node) stack.push(...[...node.children].reverse());
  }
  return elements;
}

function textOf(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

/** `srcset` lists URLs with sizes; every other URL attribute holds one. */
function urlsOf(key: string, value: unknown): string[] {
  const text = Array.isArray(value) ? value.join(key === 'srcSet' ? ',' : ' ') : String(value ?? '');
  if (key !== 'srcSet') return [text];
  return text
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/** Browsers ignore tabs, newlines and leading controls in a scheme: `java\tscript:` runs. */
function scriptScheme(url: string): string | undefined {
  const squeezed = url.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return /^(javascript|vbscript):/.exec(squeezed)?.[1];
}

/** A URL with a scheme (other than `data:`) or a `//host` network path: fetched from elsewhere. */
function isRemote(url: string): boolean {
  return !isLocalReference(url) && !/^data:/i.test(url.trim()) && url.trim() !== '';
}

/** The first `url(…)` or `@import` in CSS that does not name a local file, or undefined. */
function remoteInCss(css: string): string | undefined {
  for (const match of css.matchAll(/url\(\s*(['"]?)([^'")\s]*)\1\s*\)|@import\s+(['"])([^'"]*)\3/gi)) {
    const url = match[2] ?? match[4] ?? '';
    if (isRemote(url)) return url;
  }
  return undefined;
}

/** hast property names back to the attribute as written (`onError` → `onerror`, `srcSet` → `srcset`). */
function attributeName(key: string): string {
  return key.replace(/^xLink/, 'xlink:').toLowerCase();
}
