/** Where a figure goes on the page, as the editor says it (`plaatsing="breed"`). */
import type { ContainerDirective } from 'mdast-util-directive';

export const placements = { breed: 'wide', kolom: 'column', portret: 'portrait' } as const;
export type Placement = (typeof placements)[keyof typeof placements];

export function placementOf(node: ContainerDirective): Placement {
  const value = node.attributes?.plaatsing ?? 'kolom';
  return placements[value as keyof typeof placements] ?? 'column';
}

/**
 * Where the print may set a figure, box or pull quote, when the editor steers it: `plaats="hier"`
 * keeps it where it stands in the text (placement never defers it to fill a column). Without
 * the attribute placement decides.
 */
export const printPositions = { hier: 'here' } as const;
export type PrintPosition = (typeof printPositions)[keyof typeof printPositions];

export function printPositionOf(node: ContainerDirective): PrintPosition | undefined {
  const value = node.attributes?.plaats;
  return value ? printPositions[value as keyof typeof printPositions] : undefined;
}
