/**
 * Word's footnotes and endnotes become Markdown footnotes. mammoth writes them as links
 * (`<sup><a href="#docx-footnote-1">`) and one list at the end whose items link back; here the
 * list is taken out of the HTML and each item becomes a footnote definition with its links and
 * formatting, and each reference a footnote reference. Endnotes are told apart by their label
 * (`[^eind-1]`): both are printed at the end of the article.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { FootnoteDefinition } from 'mdast';

const noteId = /^docx-(footnote|endnote)-(-?\d+)$/;

/** The Markdown label for the note an anchor links to, if it links to one. */
export function noteIdentifier(anchor: Element): string | undefined {
  const target = String(anchor.properties.href ?? '').replace(/^#/, '');
  const match = noteId.exec(target);
  return match ? labelOf(match[1]!, match[2]!) : undefined;
}

const labelOf = (kind: string, id: string) => (kind === 'footnote' ? id : `eind-${id}`);

export interface NoteBody {
  identifier: string;
  element: Element;
}

/** Takes the notes' list items out of `tree`, each without its link back to the text. */
export function takeNotes(tree: HastRoot): NoteBody[] {
  const notes: NoteBody[] = [];
  for (const list of tree.children) {
    if (list.type !== 'element' || list.tagName !== 'ol') continue;
    const items = list.children.filter(
      (item): item is Element => item.type === 'element' && noteId.test(String(item.properties.id ?? '')),
    );
    for (const item of items) {
      const [, kind, id] = noteId.exec(String(item.properties.id))!;
      notes.push({ identifier: labelOf(kind!, id!), element: withoutBackLink(item) });
    }
    list.children = list.children.filter((child) => !items.includes(child as Element));
  }
  tree.children = tree.children.filter(
    (child) => !(child.type === 'element' && child.tagName === 'ol' && child.children.length === 0),
  );
  return notes;
}

function withoutBackLink(element: Element): Element {
  const children = element.children
    .filter((child) => !(child.type === 'element' && child.tagName === 'a' && isBackLink(child)))
    .map((child) => (child.type === 'element' ? withoutBackLink(child) : child));
  // The space mammoth puts before the back link.
  const last = children.at(-1);
  if (last?.type === 'text') children[children.length - 1] = { ...last, value: last.value.replace(/\s+$/, '') };
  return { ...element, children };
}

const isBackLink = (anchor: Element) => /^#docx-(footnote|endnote)-ref-/.test(String(anchor.properties.href ?? ''));

export function definition(identifier: string, children: FootnoteDefinition['children']): FootnoteDefinition {
  return { type: 'footnoteDefinition', identifier, label: identifier, children };
}
