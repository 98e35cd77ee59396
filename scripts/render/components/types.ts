import type { ElementContent } from 'hast';
import type { State } from 'mdast-util-to-hast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { Node } from 'unist';

export type Directive = ContainerDirective | LeafDirective | TextDirective;

/** What a component gets besides the directive: the anchor ids made for the article. */
export interface RenderContext {
  ids: Map<Node, string>;
  /** Credit used when a figure names no photographer. */
  photographer?: string;
}

export interface Component {
  /** The directive name editors type, e.g. `citaat`. */
  name: string;
  type: Directive['type'];
  render(state: State, node: Directive, context: RenderContext): ElementContent | ElementContent[];
}
