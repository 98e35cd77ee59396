/**
 * The text layer as a reader gets it: each page's text in lines, soft hyphens included.
 *
 * A soft hyphen (U+00AD) belongs only where a word is broken at a line end (ISO 32000-1,
 * 14.8.2.2.3); anywhere else it splits the word for search, copy and speech ("po\u00adli\u00adtie").
 * Chromium writes one for every hyphenation point, as an invisible glyph in a span with
 * ActualText U+00AD. This check reads the text the way a reader that honours ActualText does
 * and reports, per page, the soft hyphens with more text after them on the same line. It also
 * reports glyphs whose font maps them to no text (U+0000, U+FFFD): readers that do not take
 * ActualText (pdf.js, many indexers) lose those letters, even where a span gives them.
 *
 * Kept apart from the finishing step on purpose, so that it judges rather than agrees: it
 * places text by its own small text-state machine (lines are runs of text on one baseline, in
 * content order), and takes only the reading helpers of `pdf-read/` that every check uses
 * (the tokenizer, object access and the ToUnicode decoders), not the code that moves soft hyphens;
 * matrices and text strings come from the neutral `pdf/reading.ts`.
 */
import { apply, decodeTextString, IDENTITY, multiply, type Matrix } from '../../pdf-read/matrix.ts';
import { asDict, inherited, N, pageContentBytes } from '../../pdf-read/objects.ts';
import type { FontDecoders } from '../../pdf-read/text.ts';
import { isDict, isName, isString, tokenize } from '../../pdf-read/tokenizer.ts';
import type { Operation } from '../../pdf-read/tokenizer.ts';
import type { CheckContext } from './types.ts';
import { matrix, num, shownStrings } from '../../pdf-read/operands.ts';

const SOFT_HYPHEN = '\u00ad';
/** A soft hyphen with a character after it on its line that is neither space nor a hyphen. */
const INSIDE_LINE = /\u00ad+(?=[^\s\u00ad\u2010-])/g;
const BROKEN_WORD = /\u00ad(?=[^\s\u00ad\u2010-])/;
const NO_TEXT = /[\u0000\ufffd]/g;
/** Words quoted per page in a report. */
const QUOTED = 5;

interface Chunk {
  text: string;
  x: number;
  y: number;
}

interface Frame {
  artifact: boolean;
  actualText?: string;
  /** The span's text has been placed (at its first glyph). */
  placed: boolean;
}

export function checkTextLayer(ctx: CheckContext, decoders: FontDecoders): void {
  ctx.pages.forEach((page, index) => {
    let ops: Operation[];
    try {
      ops = tokenize(pageContentBytes(ctx.context, page.node));
    } catch {
      return; // the content check has already reported an unreadable stream
    }
    const resources = asDict(ctx.context, inherited(ctx.context, page.node, 'Resources'));
    const fonts = asDict(ctx.context, resources?.get(N('Font')));
    const decode = (font: string | undefined, bytes: Uint8Array) => decoders.forResource(fonts, font).decode(bytes);
    const read = readChunks(ops, decode);
    if (read.unmapped > 0) {
      ctx.report({
        checkpoint: 'ISO32000-1:9.10.2',
        page: index + 1,
        element: 'ToUnicode',
        message:
          `${read.unmapped} ${read.unmapped === 1 ? 'glyph maps' : 'glyphs map'} to no text (U+0000 or U+FFFD) in ` +
          "the font's ToUnicode: readers that do not take ActualText lose those letters",
      });
    }
    const broken = midLineSoftHyphens(lines(read.chunks));
    if (broken.count === 0) return;
    const shown = broken.words
      .slice(0, QUOTED)
      .map((word) => `“${word.replaceAll(SOFT_HYPHEN, '·')}”`)
      .join(', ');
    ctx.report({
      checkpoint: 'ISO32000-1:14.8.2.2.3',
      page: index + 1,
      element: 'text',
      message:
        `${broken.count} soft ${broken.count === 1 ? 'hyphen' : 'hyphens'} (U+00AD) inside lines, where no line ` +
        `breaks: words read broken for search, copy and speech, e.g. ${shown}`,
    });
  });
}

/** Text in the order it is shown, each piece at the baseline point where it starts. */
type Decode = (font: string | undefined, bytes: Uint8Array) => string;

/** The chunks, and how many glyphs read as no text (U+0000, U+FFFD), ActualText or not. */
function readChunks(ops: readonly Operation[], decode: Decode): { chunks: Chunk[]; unmapped: number } {
  const chunks: Chunk[] = [];
  let unmapped = 0;
  const saved: Matrix[] = [];
  const marked: Frame[] = [];
  let ctm = IDENTITY;
  let tm = IDENTITY;
  let tlm = IDENTITY;
  let leading = 0;
  let font: string | undefined;
  const moveLine = (tx: number, ty: number) => {
    tm = tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
  };
  for (const op of ops) {
    const o = op.operands;
    switch (op.op) {
      case 'q':
        saved.push(ctm);
        break;
      case 'Q':
        ctm = saved.pop() ?? ctm;
        break;
      case 'cm':
        ctm = multiply(matrix(o), ctm);
        break;
      case 'BT':
        tm = tlm = IDENTITY;
        break;
      case 'Tf':
        font = isName(o[0]) ? o[0].value : undefined;
        break;
      case 'TL':
        leading = num(o[0]);
        break;
      case 'Tm':
        tm = tlm = matrix(o);
        break;
      case 'Td':
        moveLine(num(o[0]), num(o[1]));
        break;
      case 'TD':
        leading = -num(o[1]);
        moveLine(num(o[0]), num(o[1]));
        break;
      case 'T*':
        moveLine(0, -leading);
        break;
      case 'BMC':
      case 'BDC': {
        const props = op.op === 'BDC' && isDict(o[1]) ? o[1].entries : undefined;
        const actual = props?.get('ActualText');
        const artifact = isName(o[0]) && o[0].value === 'Artifact';
        const frame: Frame = { artifact, placed: false };
        if (isString(actual)) frame.actualText = decodeTextString(actual.bytes);
        marked.push(frame);
        break;
      }
      case 'EMC':
        marked.pop();
        break;
      case "'":
      case '"':
      case 'Tj':
      case 'TJ': {
        if (op.op === "'" || op.op === '"') moveLine(0, -leading);
        if (marked.some((frame) => frame.artifact)) break; // not read
        const [x, y] = apply(multiply(tm, ctm), 0, 0);
        let span: Frame | undefined;
        for (let k = marked.length - 1; k >= 0 && !span; k--) if (marked[k]!.actualText !== undefined) span = marked[k];
        const text = shownStrings(o)
          .map((bytes) => decode(font, bytes))
          .join('');
        unmapped += text.match(NO_TEXT)?.length ?? 0;
        if (span) {
          if (!span.placed) chunks.push({ text: span.actualText!, x, y });
          span.placed = true;
        } else chunks.push({ text, x, y });
        break;
      }
    }
  }
  return { chunks, unmapped };
}

/** Chunks on one baseline, in content order, form a line; a step back to the left starts one too. */
function lines(chunks: readonly Chunk[]): string[] {
  const out: string[] = [];
  let text = '';
  let previous: Chunk | undefined;
  for (const chunk of chunks) {
    if (previous && (Math.abs(chunk.y - previous.y) >= 1 || chunk.x < previous.x - 1)) {
      out.push(text);
      text = '';
    }
    text += chunk.text;
    previous = chunk;
  }
  if (text) out.push(text);
  return out;
}

function midLineSoftHyphens(pageLines: readonly string[]): { count: number; words: string[] } {
  let count = 0;
  const words: string[] = [];
  for (const line of pageLines) {
    const found = line.match(INSIDE_LINE);
    if (!found) continue;
    count += found.length;
    for (const word of line.split(/\s+/)) if (BROKEN_WORD.test(word) && words.length < QUOTED) words.push(word);
  }
  return { count, words };
}
