/** Reading an XMP packet: a light reading of the fields that are checked, not a full RDF parser. */

/** What is read from a packet. */
export interface XmpSummary {
  titles: string[];
  pdfuaPart: number | undefined;
}

export function readXmp(xml: string): XmpSummary {
  const titles: string[] = [];
  const titleBlock = /<dc:title\b[^>]*>([\s\S]*?)<\/dc:title>/.exec(xml)?.[1];
  if (titleBlock) {
    for (const m of titleBlock.matchAll(/<rdf:li\b[^>]*>([\s\S]*?)<\/rdf:li>/g)) titles.push(unescapeXml(m[1]!).trim());
  }
  // pdfuaid:part may be an element or an attribute of rdf:Description, under any prefix bound
  // to the PDF/UA namespace.
  let pdfuaPart: number | undefined;
  const prefix = /xmlns:([\w.-]+)\s*=\s*["']http:\/\/www\.aiim\.org\/pdfua\/ns\/id\/["']/.exec(xml)?.[1];
  if (prefix) {
    const element = new RegExp(`<${prefix}:part>\\s*(\\d+)\\s*</${prefix}:part>`).exec(xml);
    const attribute = new RegExp(`${prefix}:part\\s*=\\s*["'](\\d+)["']`).exec(xml);
    const value = element?.[1] ?? attribute?.[1];
    if (value !== undefined) pdfuaPart = Number(value);
  }
  return { titles, pdfuaPart };
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!;
  });
}
