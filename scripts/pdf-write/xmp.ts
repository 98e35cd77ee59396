/**
 * The document's XMP metadata packet. PDF/UA-1 (ISO 14289-1, 5 and 7.1) needs the PDF/UA
 * identification (`pdfuaid:part` = 1, namespace http://www.aiim.org/pdfua/ns/id/) and dc:title;
 * the rest keeps XMP in step with the Info dictionary, as readers that show either expect.
 *
 * The pdfuaid schema is also described with a pdfaExtension schema block: ISO 14289-1 shows it,
 * and PDF/A validators reject undeclared schemas if the file is ever also made PDF/A.
 */

export interface XmpFields {
  title: string;
  language: string;
  creators: string[];
  subject?: string;
  keywords?: string[];
  producer: string;
  creatorTool?: string;
  createDate: Date;
  modifyDate: Date;
}

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** ISO 8601 as XMP writes it, in UTC with an explicit offset (second precision, like Info). */
export function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/**
 * A language alternative with only the x-default entry. A second entry for the document
 * language would be allowed by XMP, but pdf.js (Firefox's viewer) reads dc:title as the text of
 * the whole rdf:Alt and would show the title twice in the window title; dc:language carries
 * the language instead.
 */
export function langAlt(text: string): string {
  return `<rdf:Alt>
          <rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li>
        </rdf:Alt>`;
}

/** dc:format and dc:title, then dc:creator as an ordered list (none without creators). */
export function titleLines(title: string, creators: readonly string[]): string[] {
  const items = creators.map((name) => `\n          <rdf:li>${escapeXml(name)}</rdf:li>`).join('');
  return [
    `      <dc:format>application/pdf</dc:format>`,
    `      <dc:title>\n        ${langAlt(title)}\n      </dc:title>`,
    ...(items ? [`      <dc:creator>\n        <rdf:Seq>${items}\n        </rdf:Seq>\n      </dc:creator>`] : []),
  ];
}

/**
 * A whole packet: one rdf:Description with these namespaces (`prefix="uri"`) and property lines.
 * Padding lets an editor update the packet in place, as the XMP spec recommends.
 */
export function xmpPacket(namespaces: readonly string[], properties: readonly string[]): string {
  const lines = [
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
    `<x:xmpmeta xmlns:x="adobe:ns:meta/">`,
    `  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`,
    `    <rdf:Description rdf:about=""`,
    ...namespaces.map((namespace, index) => `        xmlns:${namespace}${index === namespaces.length - 1 ? '>' : ''}`),
    ...properties,
    `    </rdf:Description>`,
    `  </rdf:RDF>`,
    `</x:xmpmeta>`,
  ];
  const padding = `${' '.repeat(99)}\n`.repeat(20);
  return `${lines.join('\n')}\n${padding}<?xpacket end="w"?>`;
}

export function buildXmp(fields: XmpFields): string {
  const keywords = fields.keywords && fields.keywords.length > 0 ? fields.keywords.join(', ') : undefined;
  const lines = titleLines(fields.title, fields.creators);
  if (fields.subject) lines.push(`      <dc:description>\n        ${langAlt(fields.subject)}\n      </dc:description>`);
  if (fields.keywords && fields.keywords.length > 0) {
    const items = fields.keywords.map((k) => `\n          <rdf:li>${escapeXml(k)}</rdf:li>`).join('');
    lines.push(`      <dc:subject>\n        <rdf:Bag>${items}\n        </rdf:Bag>\n      </dc:subject>`);
  }
  lines.push(
    '      <dc:language>\n        <rdf:Bag>\n          <rdf:li>' +
      `${escapeXml(fields.language)}</rdf:li>\n        </rdf:Bag>\n      </dc:language>`,
  );
  lines.push(`      <pdf:Producer>${escapeXml(fields.producer)}</pdf:Producer>`);
  if (keywords) lines.push(`      <pdf:Keywords>${escapeXml(keywords)}</pdf:Keywords>`);
  if (fields.creatorTool) lines.push(`      <xmp:CreatorTool>${escapeXml(fields.creatorTool)}</xmp:CreatorTool>`);
  lines.push(
    `      <xmp:CreateDate>${xmpDate(fields.createDate)}</xmp:CreateDate>`,
    `      <xmp:ModifyDate>${xmpDate(fields.modifyDate)}</xmp:ModifyDate>`,
    `      <xmp:MetadataDate>${xmpDate(fields.modifyDate)}</xmp:MetadataDate>`,
    `      <pdfuaid:part>1</pdfuaid:part>`,
    `      <pdfaExtension:schemas>`,
    `        <rdf:Bag>`,
    `          <rdf:li rdf:parseType="Resource">`,
    `            <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>`,
    `            <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>`,
    `            <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>`,
    `            <pdfaSchema:property>`,
    `              <rdf:Seq>`,
    `                <rdf:li rdf:parseType="Resource">`,
    `                  <pdfaProperty:name>part</pdfaProperty:name>`,
    `                  <pdfaProperty:valueType>Integer</pdfaProperty:valueType>`,
    `                  <pdfaProperty:category>internal</pdfaProperty:category>`,
    '                  <pdfaProperty:description>Indicates, which ' +
      'part of ISO 14289 standard is followed</pdfaProperty:description>',
    `                </rdf:li>`,
    `              </rdf:Seq>`,
    `            </pdfaSchema:property>`,
    `          </rdf:li>`,
    `        </rdf:Bag>`,
    `      </pdfaExtension:schemas>`,
  );
  return xmpPacket(
    [
      'dc="http://purl.org/dc/elements/1.1/"',
      'pdf="http://ns.adobe.com/pdf/1.3/"',
      'xmp="http://ns.adobe.com/xap/1.0/"',
      'pdfuaid="http://www.aiim.org/pdfua/ns/id/"',
      'pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"',
      'pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"',
      'pdfaProperty="http://www.aiim.org/pdfa/ns/property#"',
    ],
    lines,
  );
}
