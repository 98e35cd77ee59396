/**
 * Gives glyphs that map to no text the text their ActualText spans say they are.
 *
 * Skia writes a font's ToUnicode from the font's own character map, so a glyph that no single
 * character maps to (the "ff" and "ffi" ligatures of Source Serif) gets U+0000, and Chromium
 * puts the real text on each use in a `/Span <</ActualText (ff)>>`. Readers that take
 * ActualText (Acrobat, poppler) are right; those that do not (pdf.js, so Firefox's viewer and
 * many search indexers) read U+0000 and lose "treffen", "efficiënt", "slachtoffer". U+0000 is
 * never the right text, so a code that maps to nothing (or U+0000, U+FFFD) gets the text of its
 * spans in the font's ToUnicode, when every span that shows it alone says the same.
 *
 * Glyphs that map to a real character are left alone even where a span says otherwise (the
 * quote glyph mapped to ʻ U+02BB with ActualText ‘): the same glyph may stand for that
 * character elsewhere, unwrapped, and would then read wrong.
 */
import { type PDFDict, PDFRawStream, PDFRef, PDFStream, type PDFContext, type PDFPage } from '@cantoo/pdf-lib';
import { deflateSync } from 'node:zlib';
import { utf16Hex } from './utf16-hex.ts';
import { asDict, inherited, N, pageContentBytes, resolve, streamBytes } from '../pdf-read/objects.ts';
import { scanContent } from '../pdf-read/scan.ts';
import type { FontDecoders } from '../pdf-read/text.ts';
import { tokenize } from '../pdf-read/tokenizer.ts';
import { SoftHyphenFinder } from './soft-hyphens.ts';
import { decodeTextString } from '../pdf-read/matrix.ts';
import type { MarkedFrame, PaintItem, TextRun } from '../pdf-read/scan.ts';

/** One glyph code of a page's font resource, shown alone in a span that gives its text. */
export interface GlyphText {
  font: string;
  /** The code's bytes as hex (as in a CMap: "0081"). */
  code: string;
  text: string;
}

const NO_TEXT = /^[\u0000\ufffd]?$/;

/** Finds, in a page's tagged text, the codes without text that an ActualText span names. */
export class UnmappedGlyphs {
  /** `spans`: the glyphs shown inside each span (SoftHyphenFinder.spanItems). */
  constructor(
    private readonly spans: ReadonlyMap<MarkedFrame, readonly PaintItem[]>,
    private readonly decode: (run: TextRun) => string,
  ) {}

  found(): GlyphText[] {
    const out: GlyphText[] = [];
    for (const [span, items] of this.spans) {
      // Most spans are a soft hyphen alone: no glyph there has text to gain.
      const text = decodeTextString(span.actualText!.bytes).replaceAll('\u00ad', '');
      if (!text) continue;
      let unmapped: TextRun | undefined;
      let alone = true;
      for (const run of items.flatMap((item) => item.runs)) {
        const text = this.decode(run);
        if (NO_TEXT.test(text)) {
          if (unmapped) alone = false;
          unmapped = run;
        } else if (text.trim() !== '') alone = false; // a space glyph is a soft hyphen's: no matter
      }
      if (!unmapped || !alone || !unmapped.font) continue;
      out.push({ font: unmapped.font, code: Buffer.from(unmapped.string.bytes).toString('hex').toUpperCase(), text });
    }
    return out;
  }
}

/**
 * Writes the text of the codes found on each page into their fonts' ToUnicode maps (pages:
 * the document's pages; found: per page, what `UnmappedGlyphs` found there).
 */
export function mapUnmappedGlyphs(
  context: PDFContext,
  pages: readonly PDFPage[],
  found: readonly (GlyphText[] | undefined)[],
): number {
  const byFont = new Map<PDFDict, Map<string, string | null>>();
  pages.forEach((page, index) => {
    const glyphs = found[index];
    if (!glyphs?.length) return;
    const fonts = asDict(context, asDict(context, inherited(context, page.node, 'Resources'))?.get(N('Font')));
    for (const glyph of glyphs) {
      const font = asDict(context, fonts?.get(N(glyph.font)));
      if (!font) continue;
      let codes = byFont.get(font);
      if (!codes) byFont.set(font, (codes = new Map()));
      const known = codes.get(glyph.code);
      // Two spans that disagree: no telling which is right, leave the code as it is.
      codes.set(glyph.code, known === undefined || known === glyph.text ? glyph.text : null);
    }
  });
  let mapped = 0;
  for (const [font, codes] of byFont) mapped += rewriteToUnicode(context, font, codes);
  return mapped;
}

function rewriteToUnicode(context: PDFContext, font: PDFDict, codes: Map<string, string | null>): number {
  const ref = font.get(N('ToUnicode'));
  const stream = resolve(context, ref);
  if (!(stream instanceof PDFStream)) return 0;
  let cmap = Buffer.from(streamBytes(stream)).toString('latin1');
  const added: string[] = [];
  for (const [code, text] of codes) {
    if (text === null) continue;
    const target = `<${utf16Hex(text)}>`;
    // Skia writes the unmapped code as its own bfchar line, "<0081> <0000>": replace it there.
    const line = new RegExp(`^<${code}>\\s*<(?:0000|FFFD)?>\\s*$`, 'im');
    if (line.test(cmap)) cmap = cmap.replace(line, `<${code}> ${target}`);
    else added.push(`<${code}> ${target}`);
  }
  if (added.length > 0) {
    const at = cmap.lastIndexOf('endcmap');
    if (at < 0) return 0;
    cmap = `${cmap.slice(0, at)}${added.length} beginbfchar\n${added.join('\n')}\nendbfchar\n${cmap.slice(at)}`;
  }
  const bytes = deflateSync(Buffer.from(cmap, 'latin1'));
  const replacement = PDFRawStream.of(context.obj({ Filter: 'FlateDecode', Length: bytes.length }) as PDFDict, bytes);
  if (ref instanceof PDFRef) context.assign(ref, replacement);
  else font.set(N('ToUnicode'), context.register(replacement));
  return [...codes.values()].filter((text) => text !== null).length;
}

/**
 * The codes without text on a page whose content is not otherwise rewritten (the press
 * edition's): its content scanned for the ActualText spans alone.
 */
export function unmappedGlyphsOf(context: PDFContext, page: PDFPage, decoders: FontDecoders): GlyphText[] {
  const fonts = asDict(context, asDict(context, inherited(context, page.node, 'Resources'))?.get(N('Font')));
  const decode = (run: TextRun) => decoders.forResource(fonts, run.font).decode(run.string.bytes);
  const spans = new SoftHyphenFinder(decode);
  scanContent(tokenize(pageContentBytes(context, page.node)), { paint: (item, stack) => spans.paint(item, stack) });
  return new UnmappedGlyphs(spans.spanItems(), decode).found();
}
