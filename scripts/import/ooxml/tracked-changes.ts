/**
 * Tracked changes. mammoth reads a document as if they were accepted (insertions in, deletions
 * out); the editor is told that the document still had them, and how many, since the author
 * may not have meant to send them.
 */
import { warning, type ImportWarning } from '../warning.ts';
import { isWordElement, type DocumentBody } from './body.ts';
import { descendants } from './xml.ts';

export function trackedChanges(body: DocumentBody): ImportWarning[] {
  const count = (names: string[]) =>
    [body.document, ...body.notes]
      .flatMap((xml) => names.flatMap((name) => descendants(xml, name)))
      .filter(isWordElement).length;
  const insertions = count(['ins', 'moveTo']);
  const deletions = count(['del', 'moveFrom']);
  const formatting = count(['rPrChange', 'pPrChange']);
  if (insertions + deletions + formatting === 0) return [];
  const parts = [
    insertions > 0 ? `${insertions} insertion${insertions === 1 ? '' : 's'} (kept)` : undefined,
    deletions > 0 ? `${deletions} deletion${deletions === 1 ? '' : 's'} (left out)` : undefined,
    formatting > 0 ? `${formatting} formatting change${formatting === 1 ? '' : 's'} (kept)` : undefined,
  ].filter(Boolean);
  return [
    warning(
      'import-tracked-changes',
      `the document still had tracked changes, accepted here: ${parts.join(', ')}. ` +
        'Check with the author that this is the text they meant',
    ),
  ];
}
