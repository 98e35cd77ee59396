/**
 * collect: every place the issue uses a photograph, with the placement the layout gives it.
 *
 * A photo inside a `:::figuur` takes that figure's placement; a bare image in running text is
 * set in the column. The cover photo (issue.yaml `cover.image`) is set full page width. Each
 * reference keeps its file and position so a problem with the photo is reported right there.
 */
import path from 'node:path';
import type { Definition, Nodes, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { LineCounter, parseDocument } from 'yaml';
import type { Issue } from './load.ts';
import { placementOf } from '../markdown/placement.ts';
import { rawHtmlImages } from '../markdown/raw-html.ts';
import type { Placement } from '../markdown/placement.ts';

/** One place an image is used: a manuscript's image node, or the cover in issue.yaml. */
export interface ImageReference {
  /** The path as written, e.g. `erik-pool.jpg`. */
  name: string;
  placement: Placement | 'cover';
  /** The manuscript (or issue.yaml) that uses it: problems are reported there. */
  file: VFile;
  /** Where in `file`; undefined only when the parser gave no position. */
  position: Position | undefined;
  /** Folder of `file`, for names written relative to the manuscript. */
  baseDir: string;
}

export function collectImages(issue: Issue): ImageReference[] {
  const references: ImageReference[] = [];
  for (const article of issue.articles) {
    const baseDir = folderOf(article.file, issue.dir);
    walk(article.tree, 'column', definitionsOf(article.tree), article.file, (name, placement, position) => {
      references.push({ name, placement, file: article.file, position, baseDir });
    });
  }
  const logo = issue.theme?.logo;
  if (logo && issue.themeFile) {
    references.push({
      name: logo,
      placement: 'portrait',
      file: issue.themeFile,
      position: keyPosition(issue.themeFile, 'logo'),
      baseDir: issue.dir,
    });
  }
  const cover = issue.meta.cover?.image;
  if (cover) {
    references.push({
      name: cover,
      placement: 'cover',
      file: issue.file,
      position: coverImagePosition(issue.file),
      baseDir: folderOf(issue.file, issue.dir),
    });
  }
  return references;
}

type Visit = (name: string, placement: ImageReference['placement'], position: Position | undefined) => void;

function walk(
  node: Nodes,
  placement: ImageReference['placement'],
  definitions: Map<string, Definition>,
  file: VFile,
  visit: Visit,
): void {
  if (node.type === 'html') {
    // `<img src="grafiek.png" alt="…">` written as HTML is a photo like any other, set in the
    // column wherever it stands (its element carries no placement, even inside a figure).
    for (const image of rawHtmlImages(node, file)) visit(image.src, 'column', image.position);
    return;
  }
  if (node.type === 'image') {
    visit(node.url, placement, node.position);
    return;
  }
  if (node.type === 'imageReference') {
    const url = definitions.get(node.identifier.toLowerCase())?.url;
    // An undefined reference renders as literal text, not as an image: nothing to make.
    if (url !== undefined) visit(url, placement, node.position);
    return;
  }
  if (!('children' in node)) return;
  const inner =
    node.type === 'containerDirective' && node.name === 'figuur' ? placementOf(node as ContainerDirective) : placement;
  for (const child of node.children) walk(child as Nodes, inner, definitions, file, visit);
}

/** Link reference definitions (`[foto]: erik-pool.jpg`) of a tree, by lower-cased identifier. */
function definitionsOf(tree: Root): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition') {
      // CommonMark: the first definition of an identifier wins.
      const key = node.identifier.toLowerCase();
      if (!definitions.has(key)) definitions.set(key, node);
    }
    if ('children' in node) stack.push(...([...node.children].reverse() as Nodes[]));
  }
  return definitions;
}

/** Where `cover.image` is written in issue.yaml, so a broken cover photo is reported on that line. */
function coverImagePosition(file: VFile): Position | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(String(file.value), { lineCounter });
  const node = doc.getIn(['cover', 'image'], true) as { range?: [number, number, number] } | undefined;
  if (!node?.range) return undefined;
  const start = lineCounter.linePos(node.range[0]);
  const end = lineCounter.linePos(node.range[1]);
  return {
    start: { line: start.line, column: start.col, offset: node.range[0] },
    end: { line: end.line, column: end.col, offset: node.range[1] },
  };
}

function folderOf(file: VFile, fallback: string): string {
  const absolute = file.data.absolutePath;
  if (typeof absolute === 'string') return path.dirname(absolute);
  return file.path ? path.dirname(path.resolve(file.path)) : fallback;
}

/** Where a top-level key's value is written in a YAML file (thema.yaml's `logo`). */
function keyPosition(file: VFile, key: string): Position | undefined {
  const lines = String(file.value).split(/\r?\n/);
  const index = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (index === -1) return undefined;
  const column = lines[index]!.indexOf(':') + 3;
  return { start: { line: index + 1, column }, end: { line: index + 1, column: lines[index]!.length + 1 } };
}
