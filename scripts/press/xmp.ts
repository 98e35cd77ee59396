/**
 * The press PDF's XMP packet: the PDF/X-4 identification (ISO 15930-7, 6.7.2:
 * `pdfxid:GTS_PDFXVersion`), the trapping state, title and dates, and the document and version
 * ids that X-4 preflights ask for. The accessible PDF's packet (PDF/UA) is another file's job.
 */
import { escapeXml, titleLines, xmpDate, xmpPacket } from '../pdf-write/xmp.ts';

export interface PressXmpFields {
  title: string;
  creators: string[];
  producer: string;
  date: Date;
  /** A stable id of the document (the same input gives the same id). */
  documentId: string;
}

export function pressXmp(fields: PressXmpFields): string {
  const date = xmpDate(fields.date);
  return xmpPacket(
    [
      'dc="http://purl.org/dc/elements/1.1/"',
      'pdf="http://ns.adobe.com/pdf/1.3/"',
      'xmp="http://ns.adobe.com/xap/1.0/"',
      'xmpMM="http://ns.adobe.com/xap/1.0/mm/"',
      'pdfxid="http://www.npes.org/pdfx/ns/id/"',
    ],
    [
      ...titleLines(fields.title, fields.creators),
      `      <pdf:Producer>${escapeXml(fields.producer)}</pdf:Producer>`,
      `      <pdf:Trapped>False</pdf:Trapped>`,
      `      <xmp:CreatorTool>${escapeXml(fields.producer)}</xmp:CreatorTool>`,
      `      <xmp:CreateDate>${date}</xmp:CreateDate>`,
      `      <xmp:ModifyDate>${date}</xmp:ModifyDate>`,
      `      <xmp:MetadataDate>${date}</xmp:MetadataDate>`,
      `      <xmpMM:DocumentID>uuid:${fields.documentId}</xmpMM:DocumentID>`,
      `      <xmpMM:InstanceID>uuid:${fields.documentId}</xmpMM:InstanceID>`,
      `      <xmpMM:VersionID>1</xmpMM:VersionID>`,
      `      <xmpMM:RenditionClass>default</xmpMM:RenditionClass>`,
      `      <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>`,
    ],
  );
}

/** A UUID (version 4 layout) made from a hash, so that the same input keeps its id. */
export function uuidFrom(hex: string): string {
  const h = hex.padEnd(32, '0');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
