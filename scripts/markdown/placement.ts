/** Where a figure goes on the page, as the editor says it (`plaatsing="breed"`). */
import type { ContainerDirective } from 'mdast-util-directive';

export const placements = { breed: 'wide', kolom: 'column', portret: 'portrait' } as const;
export type Placement = (typeof placements)[keyof typeof placements];

export function placementOf(node: ContainerDirective): Placement {
  const value = node.attributes?.plaatsing ?? 'kolom';
  return placements[value as keyof typeof placements] ?? 'column';
}
