/**
 * Reading a built EPUB in tests: its entries as text, and the few XML facts the tests need.
 * The files come from our own templates and one serializer (attributes always double-quoted),
 * so small patterns are enough; values are decoded like an XML parser would.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';

export interface OpenedEpub {
  names: string[];
  text(name: string): Promise<string>;
  raw: JSZip;
}

export async function openEpub(file: string): Promise<OpenedEpub> {
  const zip = await JSZip.loadAsync(await readFile(file));
  return {
    names: Object.keys(zip.files),
    raw: zip,
    async text(name: string) {
      const entry = zip.file(name);
      if (!entry) throw new Error(`no ${name} in the EPUB`);
      return entry.async('string');
    },
  };
}

/** Start tags of `tagName` (any namespace prefix), each as its decoded attributes. */
export function elements(xml: string, tagName: string): Record<string, string>[] {
  const pattern = new RegExp(`<${tagName.replace(':', '\\:')}(\\s[^>]*?)?\\/?>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => attributes(match[1] ?? ''));
}

export function attributes(source: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of source.matchAll(/([\w:.-]+)="([^"]*)"/g)) result[match[1]!] = decodeXml(match[2]!);
  return result;
}

/** The `<nav>` whose epub:type is `type`, as markup. */
export function nav(xhtml: string, type: string): string | undefined {
  const match = new RegExp(`<nav\\b[^>]*epub:type="${type}"[^>]*>([\\s\\S]*?)</nav>`).exec(xhtml);
  return match?.[0];
}

/** Text content of every `<tag>…</tag>` (no nesting of the same tag expected). */
export function texts(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) =>
    decodeXml(match[1]!.replace(/<[^>]+>/g, '')),
  );
}

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    if (entity[0] === '#')
      return String.fromCodePoint(
        entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10),
      );
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity.toLowerCase()]!;
  });
}
