/**
 * Boxes are container directives with a title: `:::kader[Titel]` and `:::meer-info[Titel]`
 * (whose title defaults to "Meer informatie"). The label is the directive's first paragraph.
 */
import { toString } from 'mdast-util-to-string';
import type { ContainerDirective } from 'mdast-util-directive';
import type { RootContent } from 'mdast';

export const defaultBoxTitles: Record<string, string | undefined> = {
  kader: undefined,
  'meer-info': 'Meer informatie',
};

export function isLabel(node: RootContent): boolean {
  return node.type === 'paragraph' && node.data?.directiveLabel === true;
}

export function boxTitle(node: ContainerDirective): string | undefined {
  if (!(node.name in defaultBoxTitles)) return undefined;
  const label = node.children.find(isLabel);
  return label ? toString(label) : defaultBoxTitles[node.name];
}
