/**
 * Comments never reach the text (mammoth leaves them out unless asked); each is said in a warning
 * with its author, its words and the words it was on, which only the document's own ranges
 * (w:commentRangeStart … w:commentRangeEnd) tell.
 */
import type { DocxPackage } from '../docx-package.ts';
import { firstWords, warning, type ImportWarning } from '../warning.ts';
import type { DocumentBody } from './body.ts';
import { attribute, descendants, isInside, parseXml, runText, type Element } from './xml.ts';

export function comments(docx: DocxPackage, body: DocumentBody): ImportWarning[] {
  const part = docx.parts.get('word/comments.xml')?.toString('utf8');
  if (!part) return [];
  const anchored = anchoredTexts(body);
  return descendants(parseXml(part), 'comment').map((comment) => {
    const id = attribute(comment, 'id') ?? '';
    const author = attribute(comment, 'author');
    const on = anchored.get(id);
    return warning(
      'import-comment',
      `comment${author ? ` by ${author}` : ''}${on ? ` on “${firstWords(on, 12)}”` : ''}: ` +
        `“${firstWords(runText(comment), 30)}” (not in the text)`,
    );
  });
}

/** The words between each comment's range start and end, by comment id. */
function anchoredTexts(body: DocumentBody): Map<string, string> {
  const open = new Map<string, string>();
  const done = new Map<string, string>();
  for (const node of descendants(body.document, '*')) {
    const id = attribute(node, 'id');
    if (node.localName === 'commentRangeStart' && id !== undefined) open.set(id, '');
    else if (node.localName === 'commentRangeEnd' && id !== undefined && open.has(id)) {
      done.set(id, open.get(id)!);
      open.delete(id);
    } else if (isVisibleText(node)) {
      for (const [each, text] of open) open.set(each, text + (node.textContent ?? ''));
    }
  }
  return done;
}

function isVisibleText(node: Element): boolean {
  return node.localName === 't' && !isInside(node, 'del');
}
