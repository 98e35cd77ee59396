/**
 * The magazine's directives as editors write them: the vocabulary that the renderer gives a
 * component each (`render/components/`) and that the linter checks manuscripts against.
 */
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';

export type Directive = ContainerDirective | LeafDirective | TextDirective;

export interface DirectiveName {
  /** The name editors type, e.g. `citaat`. */
  name: string;
  type: Directive['type'];
}

export const directives: readonly DirectiveName[] = [
  { name: 'citaat', type: 'containerDirective' },
  { name: 'kader', type: 'containerDirective' },
  { name: 'meer-info', type: 'containerDirective' },
  { name: 'figuur', type: 'containerDirective' },
  { name: 'spreker', type: 'textDirective' },
];

export function isKnownDirective(type: string, name: string): boolean {
  return directives.some((directive) => directive.type === type && directive.name === name);
}
