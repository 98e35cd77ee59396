import type { ElementContent } from 'hast';
import type { State } from 'mdast-util-to-hast';
import type { Node } from 'unist';

import type { Directive, DirectiveName } from '../../markdown/directives.ts';

export type { Directive };

/** What a component gets besides the directive: the anchor ids made for the article. */
export interface RenderContext {
  ids: Map<Node, string>;
  /** Credit used when a figure names no photographer. */
  photographer?: string;
}

/** A component renders one of the directives of `markdown/directives.ts`. */
export interface Component extends DirectiveName {
  render(state: State, node: Directive, context: RenderContext): ElementContent | ElementContent[];
}
