/** What the importer tells the editor about a document it took in: said at the document's name. */
export interface ImportWarning {
  ruleId: string;
  message: string;
}

export const warning = (ruleId: string, message: string): ImportWarning => ({ ruleId, message });

/** Up to `count` words of a text, for saying where something stood. */
export function firstWords(text: string, count = 8): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const shown = words.slice(0, count).join(' ');
  return words.length > count ? `${shown} …` : shown;
}
