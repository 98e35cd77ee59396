/**
 * A picture with a Word caption becomes a figure: `:::figuur` with the picture and, after an
 * empty line, the caption, which is how editors write one (manuscript/README.md). Word puts a
 * caption under its picture or above it; either is taken. A caption with no picture beside it
 * stays in the text as an ordinary paragraph, and the editor is told.
 */
import type { Paragraph, Parent, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { roleOf, withoutRole } from './roles.ts';
import { firstWords, warning, type ImportWarning } from './warning.ts';

export function captionedFigures(parent: Parent): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const children = parent.children as RootContent[];
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    if ('children' in node && node.type !== 'paragraph') warnings.push(...captionedFigures(node as Parent));
    if (roleOf(node) !== 'bijschrift') continue;
    const caption = withoutRole(node as Paragraph);
    const pictureIndex = [index - 1, index + 1].find((each) => isPictureOnly(children[each]));
    if (pictureIndex === undefined) {
      children[index] = caption;
      warnings.push(
        warning(
          'import-caption',
          `caption “${firstWords(toString(caption))}” has no picture beside it: kept as an ordinary paragraph`,
        ),
      );
      continue;
    }
    const figure: ContainerDirective = {
      type: 'containerDirective',
      name: 'figuur',
      attributes: {},
      children: [children[pictureIndex] as Paragraph, caption],
    };
    const first = Math.min(index, pictureIndex);
    children.splice(first, 2, figure as unknown as RootContent);
    index = first;
  }
  return warnings;
}

/** A paragraph holding one picture and nothing else (whitespace aside). */
function isPictureOnly(node: RootContent | undefined): boolean {
  if (node?.type !== 'paragraph' || roleOf(node)) return false;
  const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return content.length === 1 && content[0]!.type === 'image';
}
