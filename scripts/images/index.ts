/** The image stage's public face: what the build and the editions import. */
export { collectImages } from '../issue/image-references.ts';
export { MAX_INPUT_PIXELS } from './encode.ts';
export { PLACED_WIDTH_MM, PRINT_PPI, pixelsFor, type PrintPlacement } from './placements.ts';
export { processImages, webSrc } from './process.ts';
export { formatImageSummary } from './summary.ts';
export type * from './types.ts';
