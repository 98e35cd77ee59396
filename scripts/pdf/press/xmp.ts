/**
 * The press PDF's XMP packet: the PDF/X-4 identification (ISO 15930-7, 6.7.2:
 * `pdfxid:GTS_PDFXVersion`), the trapping state, title and dates, and the document and version
 * ids that X-4 preflights ask for. The accessible PDF's packet (PDF/UA) is another file's job.
 */
import { escapeXml, xmpDate } from '../finish/xmp.ts';

export interface PressXmpFields {
  title: string;
  creators: string[];
  producer: string;
  date: Date;
  /** A stable id of the document (the same input gives the same id). */
  documentId: string;
}

export function pressXmp(fields: PressXmpFields): string {
  const creators = fields.creators.map((name) => `\n          <rdf:li>${escapeXml(name)}</rdf:li>`).join('');
  const date = xmpDate(fields.date);
  const lines = [
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
    `<x:xmpmeta xmlns:x="adobe:ns:meta/">`,
    `  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`,
    `    <rdf:Description rdf:about=""`,
    `        xmlns:dc="http://purl.org/dc/elements/1.1/"`,
    `        xmlns:pdf="http://ns.adobe.com/pdf/1.3/"`,
    `        xmlns:xmp="http://ns.adobe.com/xap/1.0/"`,
    `        xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"`,
    `        xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">`,
    `      <dc:format>application/pdf</dc:format>`,
    `      <dc:title>`,
    `        <rdf:Alt>`,
    `          <rdf:li xml:lang="x-default">${escapeXml(fields.title)}</rdf:li>`,
    `        </rdf:Alt>`,
    `      </dc:title>`,
    ...(creators ? [`      <dc:creator>\n        <rdf:Seq>${creators}\n        </rdf:Seq>\n      </dc:creator>`] : []),
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
    `    </rdf:Description>`,
    `  </rdf:RDF>`,
    `</x:xmpmeta>`,
  ];
  const padding = `${' '.repeat(99)}\n`.repeat(20);
  return `${lines.join('\n')}\n${padding}<?xpacket end="w"?>`;
}

/** A UUID (version 4 layout) made from a hash, so that the same input keeps its id. */
export function uuidFrom(hex: string): string {
  const h = hex.padEnd(32, '0');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
