/**
 * Chromium's press print (pages of trim + bleed) finished as PDF/X-4:
 *
 * - page boxes: the printed page is the BleedBox; the TrimBox lies the bleed inside it (A4);
 *   the MediaBox reaches beyond it (negative origin: the content stays where Chromium put it)
 *   with room for the marks, which a stream appended after the page's own content draws;
 * - colour: Chromium paints in DeviceRGB. X-4 allows RGB when it is defined, so each resource
 *   dictionary gets a DefaultRGB of sRGB and transparency groups blend in that sRGB; the
 *   printer's RIP converts to its CMYK with the OutputIntent's profile;
 * - no annotations (the links have no use on paper; X-4 allows none inside the bleed), their
 *   references leave the structure tree, which otherwise stays;
 * - PDF 1.6, the OutputIntent, the XMP packet, Info with /Trapped, a stable file id.
 */
import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHeader,
  PDFHexString,
  type PDFNumber,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFContext,
  type PDFObject,
  type PDFPageLeaf,
} from '@cantoo/pdf-lib';
import { asArray, asDict, inherited, N, resolve, textObject } from '../pdf-read/objects.ts';
import { FontDecoders } from '../pdf-read/text.ts';
import { mapUnmappedGlyphs, unmappedGlyphsOf } from '../pdf-write/glyph-text.ts';
import { infoDict, pdfDate } from '../pdf-write/info.ts';
import { MARK_ROOM_MM, marksStream, REGISTRATION } from './marks.ts';
import { MM, TRIM_MM, type PressSettings } from './settings.ts';
import { pressXmp, uuidFrom } from './xmp.ts';

export interface PressFinishOptions {
  settings: PressSettings;
  title: string;
  creators: string[];
  date: Date;
  producer?: string;
}

/** `doc` is Chromium's print `printed`, as loaded (the build reads its page map from it first). */
export async function finishPress(
  doc: PDFDocument,
  printed: Uint8Array,
  options: PressFinishOptions,
): Promise<Uint8Array> {
  const { context } = doc;
  const { settings } = options;
  const srgb = context.register(context.flateStream(settings.srgb, { N: 3 }));
  const iccRgb = context.obj([N('ICCBased'), srgb]);
  const registration = context.obj([
    N('Separation'),
    N('All'),
    N('DeviceCMYK'),
    context.obj({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [1, 1, 1, 1], N: 1 }),
  ]);

  // Ligature glyphs that map to no text get their text, as in the accessible edition, so
  // that both read the same.
  const pages = doc.getPages();
  const decoders = new FontDecoders(context);
  mapUnmappedGlyphs(
    context,
    pages,
    pages.map((page) => unmappedGlyphsOf(context, page, decoders)),
  );

  const annotations = new Map<string, PDFRef>();
  for (const page of pages) pressPage(context, page.node, { settings, registration, annotations });
  defineRgb(context, iccRgb);
  dropAnnotations(doc, annotations);
  doc.catalog.delete(N('AcroForm'));
  doc.catalog.delete(N('Version'));
  context.header = PDFHeader.forVersion(1, 6);
  addOutputIntent(doc, settings);
  writeMetadata(doc, printed, options);
  return savePdfX(doc);
}

/**
 * One page for the press: its boxes (bleed, trim and room for the marks), no annotations
 * (gathered in `annotations`), and its own content in q … Q followed by the marks.
 */
function pressPage(
  context: PDFContext,
  node: PDFPageLeaf,
  {
    settings,
    registration,
    annotations,
  }: { settings: PressSettings; registration: PDFObject; annotations: Map<string, PDFRef> },
): void {
  // Chromium lays the page out from its top left corner: the trim lies the bleed inside it,
  // exactly A4, whatever rounding the page's size went through.
  const [left, , , top] = boxOf(context, node);
  const bleed = settings.bleedMm * MM;
  const [x0, y0] = [left, top - 2 * bleed - TRIM_MM.height * MM];
  const [x1, y1] = [left + 2 * bleed + TRIM_MM.width * MM, top];
  const width = x1 - x0;
  const height = y1 - y0;
  const room = MARK_ROOM_MM * MM;
  node.set(N('MediaBox'), context.obj([x0 - room, y0 - room, x1 + room, y1 + room].map(round)));
  node.delete(N('CropBox'));
  node.delete(N('ArtBox'));
  node.set(N('BleedBox'), context.obj([x0, y0, x1, y1].map(round)));
  node.set(N('TrimBox'), context.obj([x0 + bleed, y0 + bleed, x1 - bleed, y1 - bleed].map(round)));

  for (const ref of asArray(context, node.get(N('Annots')))?.asArray() ?? [])
    if (ref instanceof PDFRef) annotations.set(ref.toString(), ref);
  node.delete(N('Annots'));

  // The page's own content in q … Q, so that whatever state it leaves, the marks start afresh.
  const contents = node.get(N('Contents'));
  const own =
    contents instanceof PDFArray
      ? contents.asArray()
      : resolve(context, contents) instanceof PDFArray
        ? (resolve(context, contents) as PDFArray).asArray()
        : contents
          ? [contents]
          : [];
  const open = context.register(context.stream('q'));
  const marks = context.register(
    context.flateStream(`Q\n${originMove(x0, y0)}${marksStream(width, height, settings.bleedMm)}`),
  );
  node.set(N('Contents'), context.obj([open, ...own, marks]));

  const resources = ownResources(context, node);
  const colourSpaces = subDict(context, resources, 'ColorSpace');
  colourSpaces.set(N(REGISTRATION), registration);
}

/**
 * Every resource dictionary (pages, forms, patterns) says what its RGB means; every
 * transparency group blends in that same sRGB.
 */
function defineRgb(context: PDFContext, iccRgb: PDFObject): void {
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
    if (!dict) continue;
    const resources = asDict(context, dict.get(N('Resources')));
    if (resources) subDict(context, resources, 'ColorSpace').set(N('DefaultRGB'), iccRgb);
    const group = asDict(context, dict.get(N('Group')));
    if (group && resolve(context, group.get(N('CS'))) === N('DeviceRGB')) group.set(N('CS'), iccRgb);
    // Gradients: a shading names its colour space itself (Chromium's sit inside patterns).
    for (const shading of [dict, asDict(context, dict.get(N('Shading')))]) {
      if (shading?.has(N('ShadingType')) && resolve(context, shading.get(N('ColorSpace'))) === N('DeviceRGB')) {
        shading.set(N('ColorSpace'), iccRgb);
      }
    }
  }
}

function dropAnnotations(doc: PDFDocument, annotations: Map<string, PDFRef>): void {
  const { context } = doc;
  dropAnnotationReferences(context, doc.catalog, new Set(annotations.keys()));
  // Not written at all: a file that holds no annotation object cannot show one to any reader.
  for (const ref of annotations.values()) context.delete(ref);
}

function addOutputIntent(doc: PDFDocument, settings: PressSettings): void {
  const { context } = doc;
  const profile = context.register(context.flateStream(settings.profile.bytes, { N: 4 }));
  doc.catalog.set(
    N('OutputIntents'),
    context.obj([
      context.obj({
        Type: 'OutputIntent',
        S: 'GTS_PDFX',
        OutputConditionIdentifier: PDFString.of(settings.profile.condition),
        OutputCondition: textObject(settings.profile.description),
        RegistryName: PDFString.of('http://www.color.org'),
        Info: textObject(settings.profile.description),
        DestOutputProfile: profile,
      }),
    ]),
  );
}

/** Info and XMP, and a file id that stays the same from one print of the same issue to the next. */
function writeMetadata(doc: PDFDocument, printed: Uint8Array, options: PressFinishOptions): void {
  const { context } = doc;
  const { settings } = options;
  const producer = options.producer ?? 'Persklaar';
  // Chromium stamps every print with the time it was made: the press file's id comes from the rest.
  const timeless = Buffer.from(printed)
    .toString('latin1')
    .replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, '');
  const id = createHash('sha256')
    .update(timeless, 'latin1')
    .update(settings.profile.bytes)
    .update(String(settings.bleedMm))
    .digest('hex');
  const info = infoDict(doc);
  info.set(N('Title'), textObject(options.title));
  info.set(N('Producer'), textObject(producer));
  info.set(N('Creator'), textObject(producer));
  info.set(N('CreationDate'), PDFString.of(pdfDate(options.date)));
  info.set(N('ModDate'), PDFString.of(pdfDate(options.date)));
  info.set(N('Trapped'), N('False'));
  info.set(N('GTS_PDFXVersion'), PDFString.of('PDF/X-4'));
  const xmp = pressXmp({
    title: options.title,
    creators: options.creators,
    producer,
    date: options.date,
    documentId: uuidFrom(id),
  });
  const metadata = context.stream(new Uint8Array(Buffer.from(xmp, 'utf8')), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(N('Metadata'), context.register(metadata));
  const fileId = PDFHexString.of(id.slice(0, 32));
  context.trailerInfo.ID = context.obj([fileId, fileId]);
}

async function savePdfX(doc: PDFDocument): Promise<Uint8Array> {
  // Without object streams: quicker to write, and every dictionary stays readable to a printer's tools.
  return doc.save({
    useObjectStreams: false,
    objectsPerTick: Infinity,
    addDefaultPage: false,
    updateFieldAppearances: false,
  });
}

/** The page's MediaBox as Chromium wrote it (the printed page: trim plus bleed). */
function boxOf(context: PDFContext, node: PDFDict): [number, number, number, number] {
  const box = asArray(context, inherited(context, node, 'MediaBox'));
  const values = box?.asArray().map((item) => (resolve(context, item) as PDFNumber | undefined)?.asNumber?.());
  if (values?.length !== 4 || values.some((v) => typeof v !== 'number'))
    throw new Error('A printed page has no MediaBox');
  return values as [number, number, number, number];
}

/** Marks are drawn with the bleed box's lower left corner as origin. */
function originMove(x0: number, y0: number): string {
  return x0 === 0 && y0 === 0 ? '' : `1 0 0 1 ${round(x0)} ${round(y0)} cm\n`;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The page's Resources as a dictionary of its own (a shared or inherited one is copied). */
function ownResources(context: PDFContext, node: PDFDict): PDFDict {
  const direct = node.get(N('Resources'));
  if (direct instanceof PDFDict) return direct;
  const found = asDict(context, direct ?? inherited(context, node, 'Resources'));
  const copy = found ? found.clone(context) : (context.obj({}) as PDFDict);
  node.set(N('Resources'), copy);
  return copy;
}

/** A sub-dictionary of resources (ColorSpace, …), made direct so that setting an entry touches nothing shared. */
function subDict(context: PDFContext, resources: PDFDict, key: string): PDFDict {
  const value = resources.get(N(key));
  if (value instanceof PDFDict) return value;
  const found = asDict(context, value);
  const dict = found ? found.clone(context) : (context.obj({}) as PDFDict);
  resources.set(N(key), dict);
  return dict;
}

/** Structure elements lose their object references to the annotations that are gone. */
function dropAnnotationReferences(context: PDFContext, catalog: PDFDict, annotations: ReadonlySet<string>): void {
  const root = asDict(context, catalog.get(N('StructTreeRoot')));
  if (!root || annotations.size === 0) return;
  const isGone = (kid: PDFObject | undefined): boolean => {
    const dict = asDict(context, kid);
    const obj = dict?.get(N('Obj'));
    return (
      resolve(context, dict?.get(N('Type'))) === N('OBJR') && obj instanceof PDFRef && annotations.has(obj.toString())
    );
  };
  const seen = new Set<PDFDict>();
  const walk = (node: PDFDict) => {
    if (seen.has(node)) return;
    seen.add(node);
    const kids = node.get(N('K'));
    const list = asArray(context, kids);
    if (list) {
      for (let i = list.size() - 1; i >= 0; i--) if (isGone(list.get(i))) list.remove(i);
      for (const kid of list.asArray()) {
        const child = asDict(context, kid);
        if (child?.has(N('S'))) walk(child);
      }
    } else if (isGone(kids)) {
      node.delete(N('K'));
    } else {
      const child = asDict(context, kids);
      if (child?.has(N('S'))) walk(child);
    }
  };
  walk(root);
  // The parent tree's entries for the annotations (their StructParent keys) point at elements
  // that no longer hold them: harmless, and a reader finds no annotation to ask about.
}
