/**
 * YAML → validated data, with every problem reported at its line.
 *
 * `issue.yaml` and article front matter are both YAML checked by a zod schema. A zod issue
 * only knows a path (`articles.2`); the YAML document knows where that path was written.
 * This module joins the two so that an editor reads `issue.yaml:14:5` rather than a path.
 */
import { isMap, isNode, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { VFile } from 'vfile';
import type { z } from 'zod';

export interface Offset {
  /** 1-based line in the file where the YAML text starts. */
  line: number;
}

type PathKey = string | number;

export function parseYaml<T extends z.ZodType>(
  file: VFile,
  text: string,
  schema: T,
  offset: Offset = { line: 1 },
): z.infer<T> | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const place = (index: number) => {
    const pos = lineCounter.linePos(index);
    return { line: pos.line + offset.line - 1, column: pos.col };
  };

  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const at = error.code === 'MISSING_CHAR' ? (openingQuote(doc, error.pos[0]) ?? error.pos[0]) : error.pos[0];
      fail(
        file,
        `Unexpected YAML: ${firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '')}`,
        place(at),
        'yaml-syntax',
      );
    }
    return undefined;
  }

  let data: unknown;
  try {
    data = doc.toJS() ?? {};
  } catch (error) {
    // The parser expands aliases only here: a "billion laughs" of nested aliases is refused
    // (yaml's own limit), at the first alias, as bad input rather than a crash.
    fail(
      file,
      `Unexpected YAML: ${error instanceof Error ? error.message : String(error)}`,
      place(firstAlias(doc) ?? 0),
      'yaml-syntax',
    );
    return undefined;
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;

  for (const issue of result.error.issues) {
    const path = issue.path.filter((key): key is PathKey => typeof key !== 'symbol');
    const { index, exact } = locate(doc, path, issue);
    const where = path.length > 0 ? `\`${formatPath(path)}\`` : 'the document';
    const reason =
      !exact && issue.code === 'invalid_type' && valueAt(data, path) === undefined
        ? `Missing ${where}: expected ${expectedOf(issue)}`
        : `${capitalise(where)}: ${issue.message}`;
    fail(file, reason, place(index), 'schema');
  }
  return undefined;
}

function fail(file: VFile, reason: string, place: { line: number; column: number }, ruleId: string): void {
  const message = file.message(reason, { place, ruleId, source: 'persklaar' });
  message.fatal = true;
}

/** Finds the source offset of the deepest node on `path`, and whether the whole path exists. */
function locate(doc: Document, path: PathKey[], issue: z.core.$ZodIssue): { index: number; exact: boolean } {
  let node: unknown = doc.contents;
  let index = rangeStart(node) ?? 0;
  for (const key of path) {
    if (!isNode(node) || !('get' in node)) return { index, exact: false };
    const child = (node as { get: (key: PathKey, keepScalar: boolean) => unknown }).get(key, true);
    if (child === undefined) return { index, exact: false };
    node = child;
    index = rangeStart(child) ?? index;
  }
  // An unknown key is best shown at the key itself.
  if (issue.code === 'unrecognized_keys' && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && issue.keys.includes(String(item.key.value)));
    if (pair && isScalar(pair.key)) index = pair.key.range?.[0] ?? index;
  }
  return { index, exact: true };
}

/**
 * A quote left open swallows the rest of the YAML, so the parser notices only at the end; the
 * editor needs the line where the quote was opened.
 */
function openingQuote(doc: Document, errorAt: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      if (quoted && node.range && node.range[1] >= errorAt && start === undefined) start = node.range[0];
    },
  });
  return start;
}

function firstAlias(doc: Document): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      start ??= node.range?.[0];
    },
  });
  return start;
}

function rangeStart(node: unknown): number | undefined {
  return isNode(node) ? node.range?.[0] : undefined;
}

function valueAt(data: unknown, path: PathKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PathKey, unknown>)[key];
  }
  return value;
}

function expectedOf(issue: z.core.$ZodIssue): string {
  return issue.code === 'invalid_type' ? String(issue.expected) : 'a value';
}

function formatPath(path: PathKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
