/**
 * Marks everything a page paints outside tagged content as an artifact.
 *
 * Chromium tags the text and images it knows belong to elements, but leaves running heads and
 * folios from @page margin boxes, decorative images (alt=""), CSS borders/backgrounds and
 * ::before/::after text unmarked. PDF/UA-1 (7.1) wants every painted thing to be either real
 * content (in a marked sequence with an MCID) or an artifact. We insert `/Artifact BMC … EMC`
 * around each run of unmarked graphics objects, and never split a graphics object:
 *
 * - a run only ever contains whole graphics objects and state operators between them;
 * - a run is closed before q, Q, BDC, BMC, EMC (and a lone BT/ET), so it cannot straddle a
 *   save/restore or interleave with Chromium's own marked sequences;
 * - margin-box text (outside the page's body clip, which Chromium sets right after painting
 *   the margin boxes) becomes a Pagination artifact, Header above the body and Footer below.
 */
import { insertAt, tokenize, type Edit, type Operation } from '../../pdf-read/tokenizer.ts';
import {
  isCovered,
  McidPieceCollector,
  scanContent,
  type MarkedFrame,
  type PaintItem,
  type TextPiece,
} from '../../pdf-read/scan.ts';

export type ArtifactClass = 'Header' | 'Footer' | 'Pagination' | 'plain';

export interface WrapOptions {
  /** The page's MediaBox (or CropBox) in default user space: [x0, y0, x1, y1]. */
  pageBox: [number, number, number, number];
  /** XObjects whose content is tagged on its own (Form XObjects with StructParents). */
  hasOwnStructure?: (xobjectName: string) => boolean;
  /** The MCIDs whose text the caller wants back in `mcidText` (default: all of them). */
  textOf?: ReadonlySet<number>;
  /** Sees the tagged paint too, and gives edits of its own to the rewrite (soft-hyphens.ts). */
  textLayer?: { paint(item: PaintItem, stack: readonly MarkedFrame[]): void; edits(ops: readonly Operation[]): Edit[] };
}

export interface WrapResult {
  bytes: Uint8Array;
  /** How many artifact sequences were inserted, by class. */
  wrapped: Record<ArtifactClass, number>;
  /** Text shown inside each MCID sequence (those asked for), for link texts. */
  mcidText: Map<number, TextPiece[]>;
}

const OPEN: Record<ArtifactClass, string> = {
  Header: '\n/Artifact <</Type /Pagination /Subtype /Header>> BDC\n',
  Footer: '\n/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n',
  Pagination: '\n/Artifact <</Type /Pagination>> BDC\n',
  plain: '\n/Artifact BMC\n',
};
const CLOSE = '\nEMC\n';

/** What the run builder needs: where runs must stop, and what paints outside tagged content. */
type Event = { type: 'barrier' } | { type: 'paint'; item: PaintItem };
const BARRIER: Event = { type: 'barrier' };

export function wrapUnmarkedContent(
  content: Uint8Array,
  options: WrapOptions,
  ops: Operation[] = tokenize(content),
): WrapResult {
  const events: Event[] = [];
  let body: [number, number, number, number] | undefined;
  const [px0, py0, px1, py1] = options.pageBox;
  const pageArea = Math.abs((px1 - px0) * (py1 - py0));

  const collector = new McidPieceCollector(options.textOf);

  scanContent(ops, {
    barrier: () => void events.push(BARRIER),
    clipRect(rect, stack) {
      // The first large clip outside marked content is the page area Chromium clips the
      // document flow to; margin boxes are painted before it and lie outside it.
      if (body || stack.length > 0) return;
      if (Math.abs((rect[2] - rect[0]) * (rect[3] - rect[1])) >= pageArea * 0.25) body = rect;
    },
    paint(item, stack) {
      if (item.kind === 'xobject' && item.xobject && options.hasOwnStructure?.(item.xobject)) {
        events.push(BARRIER);
        return;
      }
      // Tagged paint needs no event: the BDC that tagged it already ended any open run.
      if (isCovered(stack)) {
        collector.add(item, stack);
        options.textLayer?.paint(item, stack);
      } else events.push({ type: 'paint', item });
    },
  });

  const classify = (item: PaintItem): ArtifactClass => {
    if (item.kind !== 'text' || !item.origin) return 'plain';
    const [x, y] = item.origin;
    if (body) {
      if (y > body[3]) return 'Header';
      if (y < body[1]) return 'Footer';
      if (x < body[0] || x > body[2]) return 'Pagination';
      return 'plain';
    }
    // Without the body clip there is no telling a running head from an ornament near the
    // top; a plain artifact is never wrong, a Pagination claim could be.
    return 'plain';
  };

  const insertions: Edit[] = options.textLayer?.edits(ops) ?? [];
  const wrapped: Record<ArtifactClass, number> = { Header: 0, Footer: 0, Pagination: 0, plain: 0 };
  let run: { start: number; end: number; cls: ArtifactClass } | undefined;
  const close = (): void => {
    if (!run) return;
    insertions.push({ offset: run.start, text: OPEN[run.cls] }, { offset: run.end, text: CLOSE });
    wrapped[run.cls]++;
    run = undefined;
  };
  for (const event of events) {
    if (event.type === 'barrier') {
      close();
      continue;
    }
    const cls = classify(event.item);
    if (run && run.cls !== cls) close();
    if (run) run.end = event.item.end;
    else run = { start: event.item.start, end: event.item.end, cls };
  }
  close();
  return { bytes: insertAt(content, insertions), wrapped, mcidText: collector.pieces };
}
