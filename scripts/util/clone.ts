/**
 * A deep copy of plain data (a hast or mdast tree), made with a stack of its own rather than by
 * recursion: `structuredClone` recurses, and a manuscript may nest deeper than its stack allows
 * (the parser accepts up to `markdown/nesting.ts`'s limit).
 */
export function cloneTree<T>(value: T): T {
  const empty = (item: unknown): unknown =>
    Array.isArray(item) ? new Array(item.length) : item !== null && typeof item === 'object' ? {} : item;
  const root = empty(value);
  const pending: [Record<string, unknown>, Record<string, unknown>][] = [];
  if (root !== value) pending.push([value as Record<string, unknown>, root as Record<string, unknown>]);
  while (pending.length > 0) {
    const [from, to] = pending.pop()!;
    for (const key of Object.keys(from)) {
      const item = from[key];
      const copy = empty(item);
      to[key] = copy;
      if (copy !== item) pending.push([item as Record<string, unknown>, copy as Record<string, unknown>]);
    }
  }
  return root as T;
}
