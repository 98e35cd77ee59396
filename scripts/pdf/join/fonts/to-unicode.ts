/**
 * A ToUnicode CMap for a two-byte font, written from what text each glyph stands for (as
 * `parseToUnicode` in `pdf-read/text.ts` reads Chromium's).
 */
import { utf16Hex } from '../../../pdf-write/utf16-hex.ts';

export function writeToUnicode(map: ReadonlyMap<number, string>): string {
  const entries = [...map].sort(([a], [b]) => a - b);
  const blocks: string[] = [];
  for (let at = 0; at < entries.length; at += 100) {
    const chunk = entries.slice(at, at + 100);
    blocks.push(
      `${chunk.length} beginbfchar\n${chunk
        .map(([code, text]) => `<${hex4(code)}> <${utf16Hex(text)}>`)
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

/** A two-byte glyph code as four hex digits. */
function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}
