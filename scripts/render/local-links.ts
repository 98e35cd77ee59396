/**
 * Links stay inside the issue. A link in a manuscript may name a web address, an e-mail
 * address, an anchor, an article or a file of the issue; a link to anywhere else on the disk
 * (`../../etc/passwd`, `/etc/passwd`, a symbolic link that leads out of the issue folder) or
 * with a scheme that runs or embeds something (`javascript:`, `data:`, `file:`) would be a
 * working link to the build machine in the PDF (Chromium makes relative links absolute
 * `file://` URLs) and a leak of its layout everywhere.
 *
 * Such a link is rendered as its text, without the link: the words the editor wrote stay,
 * the destination goes. The linter (`local-path-inside`, `no-placeholder-link`) reports it as
 * an error at its line; this is the build's own guard, for when lint was not run.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { isWithin } from '../util/paths.ts';

export interface LinkScope {
  /** The folder of the manuscript the link is written in. */
  fromDir: string;
  issueDir: string;
  imagesDir: string;
}

/** Schemes a reader can follow from every edition; anything else is no link. */
const followable = new Set(['http', 'https', 'mailto', 'tel']);

/** Why `href` may not be a link in an edition, or undefined when it may. */
export function linkProblem(href: string, scope: LinkScope): string | undefined {
  const url = href.trim();
  if (url === '' || url.startsWith('#')) return undefined;
  if (/^[/\\]{2}/.test(url)) return `\`${url}\` is a network path without a scheme`;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  if (scheme && scheme.length > 1) {
    return followable.has(scheme.toLowerCase()) ? undefined : `\`${scheme}:\` links do not work in the editions`;
  }
  const local = decodePath(url.replace(/[?#].*$/, ''));
  if (local === '') return undefined;
  if (path.posix.isAbsolute(local) || path.win32.isAbsolute(local)) {
    return `\`${local}\` is an absolute path`;
  }
  const target = path.resolve(scope.fromDir, local);
  const folders = [scope.issueDir, scope.imagesDir].map((folder) => path.resolve(folder));
  if (!folders.some((folder) => isWithin(target, folder))) {
    return `\`${local}\` leads outside the issue folder`;
  }
  // Inside on paper; a symbolic link on the way may still lead out. A missing file is the
  // business of `local-file-exists`, not a way out.
  const real = realpathOrUndefined(target);
  if (real !== undefined && !folders.some((folder) => isWithin(real, realpathOrUndefined(folder) ?? folder))) {
    return `\`${local}\` leads outside the issue folder through a symbolic link`;
  }
  return undefined;
}

/** Replaces every link whose destination may not be linked by its content, in place. */
export function confineLinks(tree: Root, scope: LinkScope): void {
  tree.children = confine(tree.children, scope) as Root['children'];
}

function confine(nodes: ElementContent[] | Root['children'], scope: LinkScope): ElementContent[] {
  const result: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type !== 'element') {
      result.push(node as ElementContent);
      continue;
    }
    node.children = confine(node.children, scope);
    if (node.tagName === 'a' && !followableLink(node, scope)) result.push(...node.children);
    else result.push(node);
  }
  return result;
}

function followableLink(node: Element, scope: LinkScope): boolean {
  const href = node.properties.href;
  return typeof href === 'string' && linkProblem(href, scope) === undefined;
}

function realpathOrUndefined(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

function decodePath(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * For a document that stands alone (the PDF): a link to a file of the issue other than an
 * article cannot travel with it, and Chromium would write it as a `file://` link into the
 * build folder. Such links become their text; call after issue links became `#anchors`.
 */
export function unlinkLocalFiles(tree: Root): void {
  tree.children = unlinkLocal(tree.children) as Root['children'];
}

function unlinkLocal(nodes: ElementContent[] | Root['children']): ElementContent[] {
  const result: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type !== 'element') {
      result.push(node as ElementContent);
      continue;
    }
    node.children = unlinkLocal(node.children);
    const href = node.properties.href;
    const local = node.tagName === 'a' && typeof href === 'string' && !href.startsWith('#') && !/^[a-z][a-z0-9+.-]+:/i.test(href.trim());
    if (local) result.push(...node.children);
    else result.push(node);
  }
  return result;
}
