/** The document's properties (docProps/core.xml): its title and author, where the author set them. */
import type { DocxPackage } from '../docx-package.ts';
import { descendants, parseXml } from './xml.ts';

export interface DocumentProperties {
  title?: string;
  creator?: string;
}

export function documentProperties(docx: DocxPackage): DocumentProperties {
  const core = docx.parts.get('docProps/core.xml')?.toString('utf8');
  if (!core) return {};
  const xml = parseXml(core);
  const value = (name: string) => descendants(xml, name)[0]?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
  return { title: value('title'), creator: value('creator') };
}
