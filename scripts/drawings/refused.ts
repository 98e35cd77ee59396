/** A drawing that cannot be made safe: refused at the file, with the reason phrased for the editor. */
export class DrawingRefused extends Error {
  override name = 'DrawingRefused';
}
