/**
 * Reads an editor's text file into a VFile: strict UTF-8 (an invalid byte is reported at its
 * line, not silently replaced), a leading BOM dropped, the path kept relative for messages.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export async function readTextFile(filePath: string): Promise<VFile> {
  const bytes = await readFile(filePath);
  const file = new VFile({ path: displayPath(filePath) });
  file.data.absolutePath = path.resolve(filePath);
  try {
    file.value = replaceControls(file, strictUtf8.decode(bytes));
  } catch {
    const { line, column } = firstInvalidUtf8(bytes);
    const message = file.message('Unexpected byte sequence: the file is not valid UTF-8; save it as UTF-8', {
      place: { line, column },
      ruleId: 'encoding',
      source: 'persklaar',
    });
    message.fatal = true;
    file.value = '';
  }
  return file;
}

/**
 * Control characters (a bell, a vertical tab pasted from a word processor) cannot be shown,
 * and XML, so the EPUB, may not hold them at all. Each becomes a space, which keeps every
 * line and column where it was; the first is reported as a warning (`persklaar lint` shows it).
 */
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

function replaceControls(file: VFile, text: string): string {
  const first = text.search(controls);
  if (first === -1) return text;
  const before = text.slice(0, first);
  const line = before.split('\n').length;
  const column = first - before.lastIndexOf('\n');
  const code = text.charCodeAt(first).toString(16).toUpperCase().padStart(4, '0');
  const count = text.match(controls)!.length;
  file.message(
    `Unexpected control character U+${code}${count > 1 ? ` (and ${count - 1} more)` : ''}` +
      ': replaced by a space, expected text only',
    {
      place: { line, column },
      ruleId: 'encoding',
      source: 'persklaar',
    },
  ).fatal = false;
  return text.replace(controls, ' ');
}

export function displayPath(filePath: string): string {
  const relative = path.relative(process.cwd(), filePath);
  return relative.startsWith('..') ? filePath : relative;
}

/** Locates the first malformed sequence; the decoder only says that there is one. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const trailing =
      lead < 0x80
        ? 0
        : lead >= 0xc2 && lead <= 0xdf
          ? 1
          : lead >= 0xe0 && lead <= 0xef
            ? 2
            : lead >= 0xf0 && lead <= 0xf4
              ? 3
              : -1;
    const valid =
      trailing >= 0 &&
      i + trailing < bytes.length &&
      Array.from({ length: trailing }, (_, k) => bytes[i + k + 1]!).every((byte) => (byte & 0xc0) === 0x80);
    if (!valid) return { line, column: i - lineStart + 1 };
    if (lead === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    i += trailing + 1;
  }
  return { line, column: 1 };
}
