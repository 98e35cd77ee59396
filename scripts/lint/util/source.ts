/**
 * Positions inside a node. mdast gives a node's start and end; a rule that points at a word
 * inside a node (spelling, an undefined `[text][ref]`) maps a source offset back to a line
 * and column. Line starts are computed once per file.
 */
import type { Node, Point } from 'unist';
import type { VFile } from 'vfile';

const lineStarts = new WeakMap<VFile, number[]>();

function startsOf(file: VFile): number[] {
  let starts = lineStarts.get(file);
  if (!starts) {
    starts = [0];
    const text = String(file.value);
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
    lineStarts.set(file, starts);
  }
  return starts;
}

export function pointAt(file: VFile, offset: number): Point {
  const starts = startsOf(file);
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1, offset };
}

/** The offset where a line starts (1-based line), for text located by line, such as YAML values. */
export function offsetOfLine(file: VFile, line: number): number | undefined {
  return startsOf(file)[line - 1];
}

/** The node's text exactly as written (escapes, entities and container prefixes included). */
export function sourceOf(file: VFile, node: Node): { text: string; offset: number } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  return { text: String(file.value).slice(start, end), offset: start };
}
