/**
 * ToUnicode CMaps of two-byte fonts: what text each glyph stands for, read from Chromium's
 * (`bfchar` and `bfrange` entries) and written back as one.
 */

/** Glyph → the UTF-16 code units it stands for, as hex. */
export type UnicodeMap = Map<number, string>;

export function readToUnicode(text: string): UnicodeMap {
  const map: UnicodeMap = new Map();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, unicode] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g))
      map.set(parseInt(code!, 16), unicode!.toUpperCase());
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, rest] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])/g)) {
      const first = parseInt(low!, 16);
      const last = parseInt(high!, 16);
      if (rest!.startsWith('[')) {
        const targets = [...rest!.matchAll(/<([0-9A-Fa-f]*)>/g)].map((match) => match[1]!.toUpperCase());
        targets.forEach((target, index) => first + index <= last && map.set(first + index, target));
      } else {
        // The last code unit counts up along the range.
        const start = rest!.slice(1, -1).toUpperCase();
        const head = start.slice(0, -4);
        const tail = parseInt(start.slice(-4), 16);
        for (let code = first; code <= last; code++)
          map.set(code, head + (tail + code - first).toString(16).toUpperCase().padStart(4, '0'));
      }
    }
  }
  return map;
}

export function writeToUnicode(map: UnicodeMap): string {
  const entries = [...map].sort(([a], [b]) => a - b);
  const blocks: string[] = [];
  for (let at = 0; at < entries.length; at += 100) {
    const chunk = entries.slice(at, at + 100);
    blocks.push(
      `${chunk.length} beginbfchar\n${chunk
        .map(([code, unicode]) => `<${code.toString(16).toUpperCase().padStart(4, '0')}> <${unicode}>`)
        .join('\n')}\nendbfchar`,
    );
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
