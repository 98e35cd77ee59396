/**
 * The PDF/UA-1 finishing step: takes the tagged PDF Chromium prints and edits that same document
 * (pdf-lib, object by object — never copying pages, which would drop the structure tree) into
 * one that a PDF/UA-1 validator accepts:
 *
 * - unmarked page content → artifacts (artifacts.ts)
 * - soft hyphens inside lines out of the text layer (soft-hyphens.ts); glyphs that map to no
 *   text get the text of their ActualText spans in the font's ToUnicode (glyph-text.ts)
 * - structure tree repairs: role map, <figure> groups, list bodies, link texts (structure.ts)
 * - XMP with pdfuaid:part=1 and dc:title, an Info dictionary in step (xmp.ts, info.ts)
 * - MarkInfo, DisplayDocTitle, /Lang, header version 1.7
 */
import { deflateSync } from 'node:zlib';
import {
  ParseSpeeds,
  type PDFDict,
  PDFDocument,
  PDFHeader,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFBool,
  type PDFContext,
  type PDFPage,
} from '@cantoo/pdf-lib';
import { wrapUnmarkedContent, type ArtifactClass } from './artifacts.ts';
import { buildXmp } from '../../pdf-write/xmp.ts';
import { infoDict, parsePdfDate, readInfoText, writeInfo } from '../../pdf-write/info.ts';
import {
  asArray,
  asDict,
  asName,
  asNumber,
  asText,
  deflatedStream,
  inherited,
  N,
  nameText,
  pageContentBytes,
  pageContentStreams,
  refKey,
  resolve,
  textObject,
} from '../../pdf-read/objects.ts';
import { pageKey, type PageKeyParts, type PageMemo, type PageResult } from './page-memo.ts';
import { fixPageAnnotations, fixStructure, linkTextMcids, type StructureReport } from './structure.ts';
import { mapUnmappedGlyphs, UnmappedGlyphs, type GlyphText } from '../../pdf-write/glyph-text.ts';
import { SoftHyphenFinder, type SoftHyphenCount } from '../../pdf-write/soft-hyphens.ts';
import { renameDeflated, renamedForm } from './resource-names.ts';
import { FontDecoders, McidTexts } from '../../pdf-read/text.ts';
import { ContentSyntaxError, tokenize } from '../../pdf-read/tokenizer.ts';
import type { TextRun } from '../../pdf-read/scan.ts';

export interface FinishMeta {
  title: string;
  /** BCP 47 tag, e.g. "nl". Kept on the Catalog if Chromium already set one. */
  language: string;
  creators: string[];
  subject?: string;
  keywords?: string[];
  producer?: string;
  /** What finishing did to the pages of the last print (the build keeps it in its cache). */
  memo?: PageMemo;
  /**
   * When given, both CreateDate and ModifyDate are this instant (reproducible output);
   * otherwise CreateDate is Chromium's CreationDate and ModifyDate is now.
   */
  modDate?: Date;
}

export interface FinishReport {
  pages: number;
  artifacts: Record<ArtifactClass, number>;
  structure: StructureReport | undefined;
  /** Soft hyphens taken out of lines, and those kept where a line breaks. */
  softHyphens: SoftHyphenCount;
  /** Glyph codes without text given the text of their ActualText spans. */
  glyphsMapped: number;
  milliseconds: number;
  /** Where the time went: parsing, content streams, structure tree, metadata + writing. */
  timings: { load: number; content: number; structure: number; save: number };
}

export async function finishPdf(input: Uint8Array, meta: FinishMeta): Promise<Uint8Array> {
  return (await finishPdfWithReport(input, meta)).bytes;
}

export async function finishPdfWithReport(
  input: Uint8Array,
  meta: FinishMeta,
): Promise<{ bytes: Uint8Array; report: FinishReport }> {
  const started = performance.now();
  return finishDocument(await loadPdf(input), meta, started);
}

/**
 * Chromium's PDF as pdf-lib reads it: parsed once, for the page map and for finishing. In one
 * go: by default pdf-lib pauses for a timer tick (a millisecond or more) every 100 objects.
 */
export function loadPdf(input: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(input, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/** Finishes a document already loaded with `loadPdf` (the build reads its page map first). */
export async function finishDocument(
  doc: PDFDocument,
  meta: FinishMeta,
  started = performance.now(),
): Promise<{ bytes: Uint8Array; report: FinishReport }> {
  const loaded = performance.now();
  const context = doc.context;
  const catalog = doc.catalog;
  const pages = doc.getPages();

  const artifacts: Record<ArtifactClass, number> = { Header: 0, Footer: 0, Pagination: 0, plain: 0 };
  const structTreeRoot = asDict(context, catalog.get(N('StructTreeRoot')));
  const pageIndex = new Map<string, number>();
  for (const [index, page] of pages.entries()) pageIndex.set(refKey(page.ref), index);
  const wanted = structTreeRoot ? linkTextMcids(context, structTreeRoot, pageIndex) : new Map<number, Set<number>>();

  const decoders = new FontDecoders(context);
  const texts = new McidTexts(context, pages, decoders);
  const softHyphens: SoftHyphenCount = { removed: 0, kept: 0 };
  const unmapped: GlyphText[][] = [];
  pages.forEach((page, index) => {
    const result = rewritePage(context, page, index, {
      textOf: wanted.get(index) ?? new Set(),
      memo: meta.memo,
      decoders,
    });
    texts.setPage(index, result.mcidText);
    for (const key of Object.keys(artifacts) as ArtifactClass[]) artifacts[key] += result.wrapped[key];
    softHyphens.removed += result.softHyphens.removed;
    softHyphens.kept += result.softHyphens.kept;
    unmapped[index] = result.unmapped;
  });
  const glyphsMapped = mapUnmappedGlyphs(context, pages, unmapped);

  const contentDone = performance.now();
  let structure: StructureReport | undefined;
  if (structTreeRoot) {
    structure = fixStructure({ context, structTreeRoot, pageIndex, mcidText: (index, mcid) => texts.get(index, mcid) });
  }

  fixPageAnnotations(
    context,
    pages.map((page) => page.node),
  );
  const structureDone = performance.now();
  writeDocumentLevel(doc, meta);
  context.header = PDFHeader.forVersion(1, 7);
  const bytes = await doc.save({
    useObjectStreams: false,
    objectsPerTick: Infinity,
    addDefaultPage: false,
    updateFieldAppearances: false,
  });
  const saved = performance.now();
  const timings = {
    load: loaded - started,
    content: contentDone - loaded,
    structure: structureDone - contentDone,
    save: saved - structureDone,
  };
  return {
    bytes,
    report: {
      pages: pages.length,
      artifacts,
      structure,
      softHyphens,
      glyphsMapped,
      milliseconds: saved - started,
      timings,
    },
  };
}

interface PageInputs {
  /** The MCIDs whose text is wanted back (link texts). */
  textOf: ReadonlySet<number>;
  memo: PageMemo | undefined;
  decoders: FontDecoders;
}

function rewritePage(
  context: PDFContext,
  page: PDFPage,
  index: number,
  inputs: PageInputs,
): Omit<PageResult, 'deflated'> {
  const { textOf, memo, decoders } = inputs;
  const node = page.node;
  const box =
    asArray(context, inherited(context, node, 'CropBox')) ?? asArray(context, inherited(context, node, 'MediaBox'));
  const nums = box?.asArray().map((v) => asNumber(context, v) ?? 0) ?? [0, 0, 612, 792];
  const pageBox: [number, number, number, number] = [
    Math.min(nums[0]!, nums[2]!),
    Math.min(nums[1]!, nums[3]!),
    Math.max(nums[0]!, nums[2]!),
    Math.max(nums[1]!, nums[3]!),
  ];
  const xobjects = asDict(context, asDict(context, inherited(context, node, 'Resources'))?.get(N('XObject')));
  const hasOwnStructure = (name: string) => {
    const xobject = asDict(context, xobjects?.get(N(name)));
    return Boolean(xobject && (xobject.has(N('StructParents')) || xobject.has(N('StructParent'))));
  };
  const resources = asDict(context, inherited(context, node, 'Resources'));
  const fonts = asDict(context, resources?.get(N('Font')));
  const { refs, streams } = pageContentStreams(context, node);
  const key = memo && memoKey(streams, pageBox, textOf, xobjects, hasOwnStructure, fontNames(context, fonts));
  const remembered = key ? memo!.get(key) : undefined;
  if (remembered) {
    if (remembered.deflated)
      replaceContents(context, node, refs, deflatedStream(context, remembered.deflated, streams[0]?.dict));
    return remembered;
  }

  const content = pageContentBytes(context, node);
  // The same page under other resource names (see resource-names.ts): its names renamed back.
  const form = key ? renamedForm(content, resourceNames(context, resources)) : undefined;
  const renamed = form && {
    key: pageKey({
      streams: [{ bytes: form.form, filter: 'renamed' }],
      pageBox,
      textOf,
      structured: form.names.flatMap((name, label) => (hasOwnStructure(name) ? [String(label)] : [])),
      fonts: fontNames(context, fonts, form.names),
    }),
    names: form.names,
  };
  const before = renamed && memo!.getRenamed(renamed.key);
  if (renamed && before?.renamed) {
    const renames = new Map(before.renamed.names.map((name, label) => [name, renamed.names[label]!]));
    const taken = renamedResult(before, renames, renamed);
    if (taken.deflated) replaceContents(context, node, refs, deflatedStream(context, taken.deflated, streams[0]?.dict));
    memo!.keep(key!, taken);
    return taken;
  }

  let ops;
  try {
    ops = tokenize(content);
  } catch (error) {
    if (error instanceof ContentSyntaxError)
      throw new Error(`page ${index + 1}: cannot read the content stream: ${error.message}`);
    throw error;
  }
  // Chromium shows one glyph per string: decoded once per font and code, not per string.
  const byCode = new Map<string | undefined, Map<number, string>>();
  const decode = (run: TextRun) => {
    const bytes = run.string.bytes;
    if (bytes.length > 2) return decoders.forResource(fonts, run.font).decode(bytes);
    let codes = byCode.get(run.font);
    if (!codes) byCode.set(run.font, (codes = new Map()));
    const code = bytes.length === 2 ? (bytes[0]! << 8) | bytes[1]! : 0x10000 | (bytes[0] ?? 0xffff);
    let text = codes.get(code);
    if (text === undefined) codes.set(code, (text = decoders.forResource(fonts, run.font).decode(bytes)));
    return text;
  };
  const textLayer = new SoftHyphenFinder(decode);
  const result = wrapUnmarkedContent(content, { pageBox, textOf, hasOwnStructure, textLayer }, ops);
  let deflated: Uint8Array | undefined;
  if (result.bytes !== content) {
    deflated = deflateSync(result.bytes);
    replaceContents(context, node, refs, deflatedStream(context, deflated, streams[0]?.dict));
  }
  const unmapped = new UnmappedGlyphs(textLayer.spanItems(), decode).found();
  const done = { wrapped: result.wrapped, mcidText: result.mcidText, softHyphens: textLayer.count, unmapped };
  if (key) memo!.set(key, { deflated, ...done, renamed });
  return done;
}

/** What finishing made of a remembered page, with its resource names as the new page has them. */
function renamedResult(
  before: PageResult,
  renames: ReadonlyMap<string, string>,
  renamed: PageResult['renamed'],
): PageResult {
  const font = (name: string | undefined) => (name === undefined ? name : (renames.get(name) ?? name));
  return {
    deflated: before.deflated && renameDeflated(before.deflated, renames),
    wrapped: before.wrapped,
    softHyphens: before.softHyphens,
    mcidText: new Map(
      [...before.mcidText].map(([mcid, pieces]) => [
        mcid,
        pieces.map((piece) => ({ ...piece, runs: piece.runs.map((run) => ({ ...run, font: font(run.font) })) })),
      ]),
    ),
    unmapped: before.unmapped.map((glyph) => ({ ...glyph, font: font(glyph.font)! })),
    renamed,
  };
}

/** The names of a page's resources, of every kind a content stream names. */
function resourceNames(context: PDFContext, resources: PDFDict | undefined): Set<string> {
  const kinds = ['Font', 'XObject', 'ExtGState', 'ColorSpace', 'Pattern', 'Shading', 'Properties'];
  return new Set(kinds.flatMap((kind) => (asDict(context, resources?.get(N(kind)))?.keys() ?? []).map(nameText)));
}

/** One stream replaces the page's streams, in the first one's object so references hold. */
function replaceContents(
  context: PDFContext,
  node: PDFPage['node'],
  refs: (PDFRef | undefined)[],
  stream: PDFRawStream,
): void {
  const firstRef = refs[0];
  if (firstRef) {
    context.assign(firstRef, stream);
    node.set(N('Contents'), firstRef);
  } else node.set(N('Contents'), context.register(stream));
  // Further streams of the page are left in the file unreferenced rather than deleted: another
  // page could share them (Chromium writes one stream per page, so this costs nothing there).
}

/** The memo key of a page, or undefined when its streams cannot be compared by their bytes. */
function memoKey(
  streams: PDFStream[],
  pageBox: readonly number[],
  textOf: ReadonlySet<number>,
  xobjects: PDFDict | undefined,
  hasOwnStructure: (name: string) => boolean,
  fonts: string[],
): string | undefined {
  const stored: PageKeyParts['streams'] = [];
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) return undefined;
    const filter = stream.dict.get(N('Filter'));
    const parms = stream.dict.get(N('DecodeParms'));
    // An indirect filter would be compared by its object number, which means nothing across prints.
    if (filter instanceof PDFRef || parms instanceof PDFRef) return undefined;
    stored.push({ bytes: stream.contents, filter: `${filter ?? ''} ${parms ?? ''}` });
  }
  const structured = (xobjects?.keys() ?? []).map(nameText).filter(hasOwnStructure);
  return pageKey({ streams: stored, pageBox, textOf, structured, fonts });
}

/**
 * The page's fonts as the memo sees them: resource name, font name and encoding. Telling a
 * soft hyphen's glyph and the line-end hyphen apart reads glyphs through the fonts, and a glyph
 * code means the same character in the same font. Not the ToUnicode bytes: the subset grows
 * with every new character anywhere in the issue, and would then miss every page.
 */
function fontNames(context: PDFContext, fonts: PDFDict | undefined, labels?: readonly string[]): string[] {
  return (fonts?.keys() ?? []).flatMap((name) => {
    const font = asDict(context, fonts!.get(name));
    const encoding = font?.get(N('Encoding'));
    // For the renamed form: a font by its number of first use; one the page does not use, not at all.
    const label = labels ? labels.indexOf(nameText(name)) : nameText(name);
    if (label === -1) return [];
    return [
      `${label} ${asName(context, font?.get(N('BaseFont'))) ?? ''}` +
        ` ${asName(context, encoding) ?? (encoding ? 'dict' : '')}`,
    ];
  });
}

function writeDocumentLevel(doc: PDFDocument, meta: FinishMeta): void {
  const context = doc.context;
  const catalog = doc.catalog;

  const markInfo = asDict(context, catalog.get(N('MarkInfo'))) ?? (context.obj({}) as PDFDict);
  markInfo.set(N('Marked'), PDFBool.True);
  catalog.set(N('MarkInfo'), markInfo);

  const prefs = asDict(context, catalog.get(N('ViewerPreferences'))) ?? (context.obj({}) as PDFDict);
  prefs.set(N('DisplayDocTitle'), PDFBool.True);
  catalog.set(N('ViewerPreferences'), prefs);

  const language = asText(context, catalog.get(N('Lang')))?.trim() || meta.language;
  catalog.set(N('Lang'), textObject(language));
  // The header says 1.7; a stale /Version in the Catalog would override it.
  if (asName(context, catalog.get(N('Version')))) catalog.set(N('Version'), N('1.7'));

  const info = infoDict(doc);
  const now = new Date();
  const modifyDate = truncateToSeconds(meta.modDate ?? now);
  const createDate = meta.modDate
    ? modifyDate
    : truncateToSeconds(parsePdfDate(readInfoText(context, info, 'CreationDate')) ?? now);
  const producer = meta.producer ?? 'Persklaar';
  const creator = readInfoText(context, info, 'Creator') ?? 'Persklaar';
  writeInfo(doc, {
    title: meta.title,
    author: meta.creators.join(', '),
    ...(meta.subject ? { subject: meta.subject } : {}),
    ...(meta.keywords?.length ? { keywords: meta.keywords.join(', ') } : {}),
    producer,
    creator,
    createDate,
    modifyDate,
  });

  const xmp = buildXmp({
    title: meta.title,
    language,
    creators: meta.creators,
    ...(meta.subject ? { subject: meta.subject } : {}),
    ...(meta.keywords ? { keywords: meta.keywords } : {}),
    producer,
    creatorTool: creator,
    createDate,
    modifyDate,
  });
  // Uncompressed, so that tools which sniff for the packet without a PDF parser find it.
  const stream = context.stream(Buffer.from(xmp, 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  const existing = catalog.get(N('Metadata'));
  if (existing instanceof PDFRef && resolve(context, existing) instanceof PDFStream) context.assign(existing, stream);
  else catalog.set(N('Metadata'), context.register(stream));
}

function truncateToSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
