/**
 * What a Word document says, read from its XML with nothing of the importer's (so that a test
 * can compare the two): its words (deleted text left out, comments not read), and how many
 * notes, tables and pictures it has.
 */
import JSZip from 'jszip';

export interface WordContent {
  words: string[];
  deletedWords: string[];
  notes: number;
  tables: number;
  pictures: number;
}

export async function wordContent(bytes: Buffer): Promise<WordContent> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  // A drawing's alternative content holds the same text twice (Word's choice and its fallback).
  const document = (await part('word/document.xml')).replace(/<mc:Fallback>[\s\S]*?<\/mc:Fallback>/g, '');
  const notes = `${await part('word/footnotes.xml')}${await part('word/endnotes.xml')}`;
  const deleted = [...`${document}${notes}`.matchAll(/<w:del\b[^>]*>[\s\S]*?<\/w:del>/g)].map((match) => match[0]);
  const kept = `${document}${notes}`.replace(/<w:del\b[^>]*>[\s\S]*?<\/w:del>/g, '');
  return {
    words: wordsOf(textOf(kept)),
    deletedWords: wordsOf(
      deleted.map((each) => each.replace(/<w:delText[^>]*>([^<]*)<\/w:delText>|<[^>]+>/g, ' $1')).join(' '),
    ),
    notes: document.match(/<w:(footnote|endnote)Reference\b/g)?.length ?? 0,
    tables: document.match(/<w:tbl>/g)?.length ?? 0,
    pictures: document.match(/<a:blip\b[^>]*r:embed=/g)?.length ?? 0,
  };
}

function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(?:p|tab|br)\b/g)]
    .map((match) => match[1] ?? ' ')
    .join('')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/** Lower-case words of letters and digits, the way a reader would count them. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The share of `words` found in `text` (each as often as it occurs). */
export function shareFound(words: string[], text: string): number {
  if (words.length === 0) return 1;
  const available = new Map<string, number>();
  for (const word of wordsOf(text)) available.set(word, (available.get(word) ?? 0) + 1);
  let found = 0;
  for (const word of words) {
    const left = available.get(word) ?? 0;
    if (left > 0) {
      found++;
      available.set(word, left - 1);
    }
  }
  return found / words.length;
}

/** The text of an article page's `<article>`, without tags. */
export function articleText(html: string): string {
  const article = /<article[\s\S]*<\/article>/.exec(html)?.[0] ?? '';
  return article
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
}
