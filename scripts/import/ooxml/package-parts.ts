/** The package's content types and the main document's relationships ([Content_Types].xml, .rels). */
import type { DocxPackage } from '../docx-package.ts';
import { attribute, descendants, parseXml } from './xml.ts';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The content type of word/document.xml, or undefined when the package has no such part. */
export function mainDocumentType(docx: DocxPackage): string | undefined {
  if (!docx.parts.has('word/document.xml')) return undefined;
  const types = docx.parts.get('[Content_Types].xml')?.toString('utf8');
  if (!types) return 'application/octet-stream';
  const override = descendants(parseXml(types), 'Override').find(
    (element) => attribute(element, 'PartName') === '/word/document.xml',
  );
  return override ? (attribute(override, 'ContentType') ?? '') : 'application/xml';
}

export function documentRelationships(docx: DocxPackage): Relationship[] {
  const rels = docx.parts.get('word/_rels/document.xml.rels')?.toString('utf8');
  if (!rels) return [];
  return descendants(parseXml(rels), 'Relationship').map((element) => ({
    id: attribute(element, 'Id') ?? '',
    type: attribute(element, 'Type') ?? '',
    target: attribute(element, 'Target') ?? '',
    external: attribute(element, 'TargetMode') === 'External',
  }));
}
