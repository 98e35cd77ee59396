/**
 * Walks a tokenized content stream the way a reader would: groups operators into graphics
 * objects (a whole BT…ET text object, a path from its first construction operator to its
 * painting operator, an inline image), keeps the marked-content stack, and keeps just enough
 * graphics state (CTM, text matrix, font) to say where text sits on the page.
 *
 * Both the finishing step (which wraps unmarked paint in artifacts) and the checker (which
 * reports it) use this, so they agree on what "painted outside tagged content" means.
 */
import { apply, decodeTextString, IDENTITY, multiply, type Matrix } from './matrix.ts';
import { isArray, isDict, isName, isString, type Operand, type Operation, type StringOperand } from './tokenizer.ts';
import { num } from './operands.ts';

/** [1 0 0 1 tx ty] × m, the text-positioning operators' update, without a general multiply. */
function translate(m: Matrix, tx: number, ty: number): Matrix {
  return [m[0], m[1], m[2], m[3], tx * m[0] + ty * m[2] + m[4], tx * m[1] + ty * m[3] + m[5]];
}

export interface MarkedFrame {
  tag: string;
  mcid?: number;
  artifact: boolean;
  /** The property list of BDC when inline (a named one from /Properties is not resolved). */
  properties?: Map<string, Operand>;
  /** The inline /ActualText of BDC, read once when the sequence opens. */
  actualText?: StringOperand;
  /** Index of the BDC/BMC operation. */
  opIndex: number;
}

export interface TextRun {
  /** Font resource name from the last Tf. */
  font: string | undefined;
  /** The string shown (its bytes are decoded only when read). */
  string: StringOperand;
}

/** The strings of one text object (or show operator) and where its first glyph sits. */
export interface TextPiece {
  runs: TextRun[];
  origin?: [number, number];
  /** Replacement text from an enclosing /ActualText, which stands for all glyphs inside it. */
  actualText?: string;
}

/**
 * Collects the text pieces shown inside each MCID. Glyphs under an /ActualText span (Chromium
 * writes soft hyphens as a space glyph with ActualText U+00AD) count as that text, once.
 */
export class McidPieceCollector {
  readonly pieces = new Map<number, TextPiece[]>();
  private readonly done = new Set<MarkedFrame>();

  /** `only`: the MCIDs worth keeping (all when absent). */
  constructor(private readonly only?: ReadonlySet<number>) {}

  add(item: PaintItem, stack: readonly MarkedFrame[]): void {
    if (item.kind !== 'text') return;
    let mcid: number | undefined;
    for (let k = stack.length - 1; k >= 0; k--) {
      const f = stack[k]!;
      if (f.artifact) return;
      if (f.mcid !== undefined) {
        mcid = f.mcid;
        break;
      }
    }
    if (mcid === undefined || (this.only && !this.only.has(mcid))) return;
    let list = this.pieces.get(mcid);
    if (!list) this.pieces.set(mcid, (list = []));
    const replaced = stack.find((f) => f.actualText !== undefined);
    const piece: TextPiece = { runs: item.runs, ...(item.origin ? { origin: item.origin } : {}) };
    if (replaced) {
      if (this.done.has(replaced)) return;
      this.done.add(replaced);
      piece.actualText = decodeTextString(replaced.actualText!.bytes);
    }
    list.push(piece);
  }
}

export type PaintKind = 'text' | 'path' | 'inline-image' | 'xobject' | 'shading';

export interface PaintItem {
  readonly kind: PaintKind;
  /** Operation indices (inclusive) and byte offsets of the whole graphics object. */
  readonly firstOp: number;
  readonly lastOp: number;
  readonly start: number;
  readonly end: number;
  /** For text: the strings shown, with their fonts, in order. */
  readonly runs: TextRun[];
  /** For text: the origin of the first glyph in default user space. */
  readonly origin?: [number, number];
  /** For paths: the painting operator (f, S, B*, …). */
  paintOp?: string;
  /** For Do: the XObject resource name. */
  xobject?: string;
}

export interface ScanEvents {
  /** Something that makes marks on the page, with the marked-content stack around it. */
  paint?(item: PaintItem, stack: readonly MarkedFrame[]): void;
  /**
   * An operator that a wrapping marked-content sequence must not straddle: q, Q, BT and ET
   * when they stand alone, and BDC/BMC/EMC. Called before the stack is updated.
   */
  barrier?(op: Operation, index: number, stack: readonly MarkedFrame[]): void;
  /** A clipping path made of a single rectangle, in default user space. */
  clipRect?(rect: [number, number, number, number], stack: readonly MarkedFrame[]): void;
  /** A marked-content sequence was opened (after the push). */
  open?(frame: MarkedFrame, stack: readonly MarkedFrame[]): void;
}

const PATH_CONSTRUCTION = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PATH_PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);
const TEXT_SHOW = new Set(['Tj', 'TJ', "'", '"']);
const MARKED = new Set(['BDC', 'BMC', 'EMC']);

interface GState {
  ctm: Matrix;
  font: string | undefined;
  leading: number;
}

function stringsOf(op: Operation): StringOperand[] {
  const out: StringOperand[] = [];
  const last = op.operands[op.operands.length - 1];
  if (op.op === 'TJ') {
    if (isArray(last)) for (const item of last.items) if (isString(item)) out.push(item);
  } else if (isString(last)) out.push(last);
  return out;
}

const NO_RUNS: TextRun[] = [];

/**
 * A text object as a paint item. Its runs (strings with their fonts) are worked out only when
 * asked for: most text on a page is tagged and nobody reads it here.
 */
class TextItem implements PaintItem {
  readonly kind = 'text' as const;
  readonly start: number;
  readonly end: number;
  private cached: TextRun[] | undefined;
  constructor(
    private readonly ops: readonly Operation[],
    readonly firstOp: number,
    readonly lastOp: number,
    private readonly fontAtStart: string | undefined,
    readonly origin: [number, number],
  ) {
    this.start = ops[firstOp]!.start;
    this.end = ops[lastOp]!.end;
  }

  get runs(): TextRun[] {
    if (this.cached) return this.cached;
    const runs: TextRun[] = [];
    let font = this.fontAtStart;
    for (let k = this.firstOp; k <= this.lastOp; k++) {
      const op = this.ops[k]!;
      if (op.op === 'Tf') font = isName(op.operands[0]) ? op.operands[0].value : undefined;
      else if (TEXT_SHOW.has(op.op)) for (const string of stringsOf(op)) runs.push({ font, string });
    }
    return (this.cached = runs);
  }
}

export function scanContent(ops: readonly Operation[], events: ScanEvents): void {
  new ContentScanner(ops, events).run();
}

/**
 * The scan's state, advanced operator by operator: the graphics state and its stack, the text
 * and text-line matrices, and the marked-content stack the events are given.
 */
class ContentScanner {
  private readonly stack: MarkedFrame[] = [];
  private readonly gstack: GState[] = [];
  private gs: GState = { ctm: IDENTITY, font: undefined, leading: 0 };
  private tm: Matrix = IDENTITY;
  private tlm: Matrix = IDENTITY;

  constructor(
    private readonly ops: readonly Operation[],
    private readonly events: ScanEvents,
  ) {}

  run(): void {
    let i = 0;
    while (i < this.ops.length) i = this.step(i);
  }

  /** Handles the operator at `i` and those that belong to it; returns the index of the next. */
  private step(i: number): number {
    const op = this.ops[i]!;
    if (op.op === 'BT') return this.textObject(i);
    if (PATH_CONSTRUCTION.has(op.op)) return this.path(i);
    if (op.op === 'ET') this.events.barrier?.(op, i, this.stack);
    else if (TEXT_SHOW.has(op.op)) {
      this.textState(op);
      this.events.paint?.(new TextItem(this.ops, i, i, this.gs.font, this.origin()), this.stack);
    } else this.single(op, i);
    return i + 1;
  }

  private textState(op: Operation): void {
    const o = op.operands;
    switch (op.op) {
      case 'Tf':
        this.gs.font = isName(o[0]) ? o[0].value : undefined;
        break;
      case 'TL':
        this.gs.leading = num(o[0]);
        break;
      case 'Tm':
        this.tm = this.tlm = [num(o[0]), num(o[1]), num(o[2]), num(o[3]), num(o[4]), num(o[5])];
        break;
      case 'Td':
        this.tm = this.tlm = translate(this.tlm, num(o[0]), num(o[1]));
        break;
      case 'TD':
        this.gs.leading = -num(o[1]);
        this.tm = this.tlm = translate(this.tlm, num(o[0]), num(o[1]));
        break;
      case 'T*':
      case "'":
      case '"':
        this.tm = this.tlm = translate(this.tlm, 0, -this.gs.leading);
        break;
    }
  }

  private origin(): [number, number] {
    return apply(multiply(this.tm, this.gs.ctm), 0, 0);
  }

  /** A text object is one unit unless marked content opens or closes inside it. */
  private textObject(i: number): number {
    const { ops } = this;
    let j = i + 1;
    let markedInside = false;
    while (j < ops.length && ops[j]!.op !== 'ET') {
      if (MARKED.has(ops[j]!.op)) markedInside = true;
      j++;
    }
    const end = Math.min(j, ops.length - 1);
    this.tm = this.tlm = IDENTITY;
    if (markedInside) {
      // BT and ET stand alone and each show operator is its own unit, so wrapping can happen
      // between them without leaving the object.
      this.events.barrier?.(ops[i]!, i, this.stack);
      return i + 1;
    }
    const fontAtStart = this.gs.font;
    let firstOrigin: [number, number] | undefined;
    for (let k = i + 1; k < end || (k === end && ops[k]!.op !== 'ET'); k++) {
      const inner = ops[k]!;
      if (firstOrigin === undefined) {
        this.textState(inner);
        if (TEXT_SHOW.has(inner.op)) firstOrigin = this.origin();
      } else if (inner.op === 'Tf' || inner.op === 'TL' || inner.op === 'TD') {
        // Past the first glyph only state that outlives the text object matters; the
        // text matrix does not (Chromium writes a Td per glyph, and BT resets it).
        this.textState(inner);
      }
    }
    if (firstOrigin !== undefined) this.events.paint?.(new TextItem(ops, i, end, fontAtStart, firstOrigin), this.stack);
    return end + 1;
  }

  /** A path and the operator that paints it (or not: a path never painted reaches no page). */
  private path(i: number): number {
    const { ops } = this;
    let j = i;
    let clip = false;
    const rects: number[][] = [];
    let segments = 0;
    while (j < ops.length && (PATH_CONSTRUCTION.has(ops[j]!.op) || ops[j]!.op === 'W' || ops[j]!.op === 'W*')) {
      const o = ops[j]!;
      if (o.op === 'W' || o.op === 'W*') clip = true;
      else {
        segments++;
        if (o.op === 're') rects.push(o.operands.map(num));
      }
      j++;
    }
    const terminator = ops[j];
    if (!terminator || !PATH_PAINT.has(terminator.op)) return j;
    if (clip && segments === 1 && rects.length === 1) this.clipRect(rects[0]!);
    if (terminator.op !== 'n') {
      const { start } = ops[i]!;
      const item = { kind: 'path', firstOp: i, lastOp: j, start, end: terminator.end, runs: NO_RUNS } as const;
      this.events.paint?.({ ...item, paintOp: terminator.op }, this.stack);
    }
    return j + 1;
  }

  private clipRect([x, y, w, h]: number[]): void {
    const a = apply(this.gs.ctm, x!, y!);
    const b = apply(this.gs.ctm, x! + w!, y! + h!);
    const rect: [number, number, number, number] = [
      Math.min(a[0], b[0]),
      Math.min(a[1], b[1]),
      Math.max(a[0], b[0]),
      Math.max(a[1], b[1]),
    ];
    this.events.clipRect?.(rect, this.stack);
  }

  /** An operator that stands alone: an image, a shading, the graphics state, marked content. */
  private single(op: Operation, i: number): void {
    const { events, stack } = this;
    switch (op.op) {
      case 'BI':
        events.paint?.(this.loneItem('inline-image', op, i), stack);
        break;
      case 'Do': {
        const name = op.operands[0];
        events.paint?.({ ...this.loneItem('xobject', op, i), ...(isName(name) ? { xobject: name.value } : {}) }, stack);
        break;
      }
      case 'sh':
        events.paint?.(this.loneItem('shading', op, i), stack);
        break;
      case 'q':
        events.barrier?.(op, i, stack);
        this.gstack.push({ ...this.gs });
        break;
      case 'Q':
        events.barrier?.(op, i, stack);
        this.gs = this.gstack.pop() ?? this.gs;
        break;
      case 'cm': {
        const o = op.operands;
        this.gs.ctm = multiply([num(o[0]), num(o[1]), num(o[2]), num(o[3]), num(o[4]), num(o[5])], this.gs.ctm);
        break;
      }
      case 'BDC':
      case 'BMC':
      case 'EMC':
        this.marked(op, i);
        break;
      default:
        this.textState(op);
    }
  }

  private loneItem(kind: PaintItem['kind'], op: Operation, i: number): PaintItem {
    return { kind, firstOp: i, lastOp: i, start: op.start, end: op.end, runs: NO_RUNS };
  }

  private marked(op: Operation, index: number): void {
    this.events.barrier?.(op, index, this.stack);
    if (op.op === 'EMC') {
      this.stack.pop();
      return;
    }
    const tag = isName(op.operands[0]) ? op.operands[0].value : '';
    const frame: MarkedFrame = { tag, artifact: tag === 'Artifact', opIndex: index };
    const props = op.operands[1];
    if (op.op === 'BDC' && isDict(props)) {
      frame.properties = props.entries;
      const actual = props.entries.get('ActualText');
      if (isString(actual)) frame.actualText = actual;
      const mcid = props.entries.get('MCID');
      if (typeof mcid === 'number') frame.mcid = mcid;
    }
    this.stack.push(frame);
    this.events.open?.(frame, this.stack);
  }
}

/** True when the stack puts content in the structure tree or marks it as an artifact. */
export function isCovered(stack: readonly MarkedFrame[]): boolean {
  return stack.some((f) => f.mcid !== undefined || f.artifact);
}

/** The innermost MCID on the stack, if any. */
export function currentMcid(stack: readonly MarkedFrame[]): number | undefined {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.mcid !== undefined) return stack[k]!.mcid;
  return undefined;
}
