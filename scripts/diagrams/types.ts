import type { Element } from 'hast';

/**
 * The id prefix every id of a drawn diagram starts with; the renderer puts a prefix of the
 * diagram's own in its place, so two diagrams on one page never share an id.
 */
export const ID_PLACEHOLDER = 'pk-diagram';

/** Mermaid blocks drawn for this build, by their source text: a sanitised `<svg>` each. */
export type Diagrams = ReadonlyMap<string, Element>;
