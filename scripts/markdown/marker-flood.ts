/**
 * micromark pairs link brackets and emphasis markers within a paragraph in time that grows
 * with the square of their number: one line of 50,000 `[` or `*` keeps the parser busy for
 * minutes. No prose has thousands of them in one paragraph, so the loader refuses such a
 * paragraph at its line instead of letting the build hang.
 */
import type { Point } from 'unist';

/** Brackets and emphasis markers one paragraph may hold (real articles: a few dozen). */
export const MAX_MARKERS_PER_PARAGRAPH = 5000;

export function markerFlood(
  text: string,
  limit = MAX_MARKERS_PER_PARAGRAPH,
): { count: number; place: Point } | undefined {
  let line = 1;
  let paragraphLine = 1;
  let count = 0;
  let blank = true;
  let lineHasText = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 10 /* \n */) {
      if (!lineHasText) {
        count = 0;
        blank = true;
      }
      line++;
      lineHasText = false;
      continue;
    }
    if (char === 32 || char === 9 || char === 13) continue;
    if (!lineHasText && blank) {
      paragraphLine = line;
      blank = false;
    }
    lineHasText = true;
    // [ ] * _
    if (char === 91 || char === 93 || char === 42 || char === 95) {
      if (++count > limit) return { count, place: { line: paragraphLine, column: 1 } };
    }
  }
  return undefined;
}
