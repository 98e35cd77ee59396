/**
 * Page content: everything painted is real content (an MCID sequence that the structure tree
 * owns) or an artifact, artifacts and real content do not nest in each other, and every font
 * that shows text is embedded.
 */
import { type PDFDict, PDFStream, type PDFContext } from '@cantoo/pdf-lib';
import {
  asArray,
  asDict,
  asName,
  asNumber,
  inherited,
  N,
  pageContentBytes,
  resolve,
  streamBytes,
} from '../../pdf-read/objects.ts';
import { ParentTree } from '../../pdf-read/parent-tree.ts';
import { isCovered, McidPieceCollector, scanContent, type MarkedFrame, type PaintItem } from '../../pdf-read/scan.ts';
import { type FontDecoders, runsText, tidy } from '../../pdf-read/text.ts';
import { ContentSyntaxError, isName, type Operation, tokenize } from '../../pdf-read/tokenizer.ts';
import type { CheckContext } from './types.ts';

/** Text findings quoted one by one per page before the rest are summed up. */
const MAX_QUOTED = 8;

export function checkContent(ctx: CheckContext, decoders: FontDecoders): void {
  const root = asDict(ctx.context, ctx.catalog.get(N('StructTreeRoot')));
  const parentTree = root ? ParentTree.read(ctx.context, root) : undefined;
  const fontsChecked = new Set<PDFDict>();
  ctx.pages.forEach((page, index) => {
    const collector = new McidPieceCollector();
    ctx.setMcidPieces(index, collector.pieces);
    const ops = pageOperations(ctx, page.node, index);
    if (!ops) return;
    const { context } = ctx;
    const resources = asDict(context, inherited(context, page.node, 'Resources'));
    const fonts = asDict(context, resources?.get(N('Font')));
    const xobjects = asDict(context, resources?.get(N('XObject')));
    const structParents = asNumber(context, page.node.get(N('StructParents')));
    const findings = scanPage(ctx, ops, index, { collector, decoders, fonts, xobjects, parentTree, structParents });
    reportFindings(ctx, index + 1, findings);
    for (const name of findings.usedFonts) {
      checkFont(ctx, index + 1, name, asDict(context, fonts?.get(N(name))), fontsChecked);
    }
    checkFormFonts(ctx, index + 1, xobjects, fontsChecked, new Set());
  });
}

/** The page's content stream as operators, or undefined (reported) when it cannot be read. */
function pageOperations(ctx: CheckContext, node: PDFDict, index: number): Operation[] | undefined {
  try {
    return tokenize(pageContentBytes(ctx.context, node));
  } catch (error) {
    const reason = error instanceof ContentSyntaxError ? error.message : String(error);
    ctx.report({
      checkpoint: '01-005',
      page: index + 1,
      element: 'content stream',
      message: `the content stream cannot be read (${reason})`,
    });
    return undefined;
  }
}

/** What one page's content shows outside tagged content, the fonts it uses, and MCIDs nobody owns. */
interface PageFindings {
  untaggedText: string[];
  untaggedOther: Map<string, number>;
  usedFonts: Set<string>;
  missingMcids: number[];
}

/**
 * Scans one page: artifacts and tagged content must not nest in each other (reported at
 * once); the rest is gathered.
 */
function scanPage(
  ctx: CheckContext,
  ops: Operation[],
  index: number,
  page: {
    /** Gathers each MCID's text for the structure check. */
    collector: McidPieceCollector;
    decoders: FontDecoders;
    fonts: PDFDict | undefined;
    xobjects: PDFDict | undefined;
    parentTree: ParentTree | undefined;
    structParents: number | undefined;
  },
): PageFindings {
  const { parentTree, structParents, collector } = page;
  const pageNo = index + 1;
  const found: PageFindings = { untaggedText: [], untaggedOther: new Map(), usedFonts: new Set(), missingMcids: [] };
  scanContent(ops, {
    open(frame, stack) {
      const outer = stack.slice(0, -1);
      if (frame.artifact && outer.some((f) => f.mcid !== undefined)) {
        ctx.report({
          checkpoint: '01-003',
          page: pageNo,
          element: 'Artifact',
          message: 'an artifact is marked inside tagged content',
        });
      }
      if (frame.mcid === undefined) return;
      if (outer.some((f) => f.artifact)) {
        ctx.report({
          checkpoint: '01-004',
          page: pageNo,
          element: `MCID ${frame.mcid}`,
          message: `tagged content (MCID ${frame.mcid}) is inside an artifact`,
        });
      }
      if (parentTree && (structParents === undefined || !parentTree.mcidOwner(structParents, frame.mcid)))
        found.missingMcids.push(frame.mcid);
    },
    paint(item: PaintItem, stack: readonly MarkedFrame[]) {
      if (item.kind === 'text') for (const run of item.runs) if (run.font) found.usedFonts.add(run.font);
      collector.add(item, stack);
      if (isCovered(stack)) return;
      if (item.kind === 'text') {
        found.untaggedText.push(tidy(runsText(page.decoders, page.fonts, item.runs)));
        return;
      }
      const what = describe(ctx.context, item, page.xobjects);
      found.untaggedOther.set(what, (found.untaggedOther.get(what) ?? 0) + 1);
    },
  });
  return found;
}

function reportFindings(ctx: CheckContext, pageNo: number, found: PageFindings): void {
  const { untaggedText, untaggedOther, missingMcids } = found;
  untaggedText.slice(0, MAX_QUOTED).forEach((text) => {
    const shown = text ? `text "${text.length > 60 ? `${text.slice(0, 57)}…` : text}"` : 'text (blank)';
    ctx.report({
      checkpoint: '01-005',
      page: pageNo,
      element: 'text',
      message: `${shown} outside tagged content (neither in the structure tree nor an artifact)`,
    });
  });
  if (untaggedText.length > MAX_QUOTED) {
    ctx.report({
      checkpoint: '01-005',
      page: pageNo,
      element: 'text',
      message: `${untaggedText.length - MAX_QUOTED} more pieces of text outside tagged content`,
    });
  }
  for (const [what, count] of untaggedOther) {
    ctx.report({
      checkpoint: '01-005',
      page: pageNo,
      element: what,
      message:
        `${count === 1 ? what : `${count} × ${what}`} outside tagged ` +
        'content (neither in the structure tree nor an artifact)',
    });
  }
  if (missingMcids.length > 0) {
    const list = missingMcids.slice(0, 10).join(', ') + (missingMcids.length > 10 ? ', …' : '');
    ctx.report({
      checkpoint: '01-005',
      page: pageNo,
      element: 'marked content',
      message: `marked content with MCID ${list} is not owned by any structure element (ParentTree)`,
    });
  }
}

function describe(context: PDFContext, item: PaintItem, xobjects: PDFDict | undefined): string {
  switch (item.kind) {
    case 'path':
      return item.paintOp === 'S' || item.paintOp === 's'
        ? 'path stroke (a border or rule)'
        : 'path fill (a border, background or rule)';
    case 'inline-image':
      return 'inline image';
    case 'shading':
      return 'shading (a gradient)';
    case 'xobject': {
      const x = asDict(context, xobjects?.get(N(item.xobject ?? '')));
      const subtype = asName(context, x?.get(N('Subtype')));
      return (
        `${subtype === 'Image' ? 'image' : subtype === 'Form' ? 'form XObject' : 'XObject'}` +
        ` /${item.xobject ?? '?'}`
      );
    }
    default:
      return item.kind;
  }
}

/** Fonts used by Form XObjects on the page (Chromium draws some SVG and effects as forms). */
function checkFormFonts(
  ctx: CheckContext,
  pageNo: number,
  xobjects: PDFDict | undefined,
  checked: Set<PDFDict>,
  seen: Set<PDFDict>,
): void {
  if (!xobjects) return;
  const { context } = ctx;
  for (const [, value] of xobjects.entries()) {
    const form = resolve(context, value);
    if (!(form instanceof PDFStream) || seen.has(form.dict)) continue;
    seen.add(form.dict);
    if (asName(context, form.dict.get(N('Subtype'))) !== 'Form') continue;
    const resources = asDict(context, form.dict.get(N('Resources')));
    const fonts = asDict(context, resources?.get(N('Font')));
    if (fonts) {
      let ops;
      try {
        ops = tokenize(streamBytes(form));
      } catch {
        continue;
      }
      for (const op of ops)
        if (op.op === 'Tf' && isName(op.operands[0]))
          checkFont(ctx, pageNo, op.operands[0].value, asDict(context, fonts.get(N(op.operands[0].value))), checked);
    }
    checkFormFonts(ctx, pageNo, asDict(context, resources?.get(N('XObject'))), checked, seen);
  }
}

/** ISO 14289-1, 7.21.4.1: font programs are embedded (Type 3 glyphs always are). */
function checkFont(
  ctx: CheckContext,
  pageNo: number,
  resourceName: string,
  font: PDFDict | undefined,
  checked: Set<PDFDict>,
): void {
  if (!font) {
    ctx.report({
      checkpoint: '31-009',
      page: pageNo,
      element: `font /${resourceName}`,
      message: `text uses font /${resourceName}, which is not in the page resources`,
    });
    return;
  }
  if (checked.has(font)) return;
  checked.add(font);
  const { context } = ctx;
  const subtype = asName(context, font.get(N('Subtype')));
  if (subtype === 'Type3') return;
  const baseFont = asName(context, font.get(N('BaseFont'))) ?? resourceName;
  let descriptorOwner: PDFDict | undefined = font;
  if (subtype === 'Type0') descriptorOwner = asDict(context, asArray(context, font.get(N('DescendantFonts')))?.get(0));
  const descriptor = asDict(context, descriptorOwner?.get(N('FontDescriptor')));
  const embedded =
    descriptor && (descriptor.has(N('FontFile')) || descriptor.has(N('FontFile2')) || descriptor.has(N('FontFile3')));
  if (!embedded) {
    ctx.report({
      checkpoint: '31-009',
      page: pageNo,
      element: `font ${baseFont}`,
      message: `font ${baseFont} is not embedded`,
    });
  }
}
