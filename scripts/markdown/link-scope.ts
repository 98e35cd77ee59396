/**
 * Whether a link written in a manuscript may be a link in the editions: the linter reports
 * what the renderer would unlink (`render/local-links.ts`), by the same rule.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { isWithin } from '../util/paths.ts';
import { decode } from './links.ts';

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
  const local = decode(url.replace(/[?#].*$/, ''));
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

function realpathOrUndefined(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}
