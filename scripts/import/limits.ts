/**
 * What a Word document may cost to open. An author's article with photos is tens of megabytes
 * at most; a package far beyond these is a zip bomb or not an article, and is refused before
 * anything is inflated, so that time and memory stay bounded whatever arrives.
 */
export const importLimits = {
  /** The .docx file itself. */
  fileBytes: 200 * 1024 * 1024,
  /** Parts in the package (a long article with many photos has a few hundred). */
  entries: 5000,
  /** Every part inflated, together. */
  inflatedBytes: 512 * 1024 * 1024,
  /** One XML part inflated: document.xml of a book-length text is a few megabytes. */
  xmlPartBytes: 64 * 1024 * 1024,
  /**
   * Inflated size over compressed size for a part of more than a megabyte. Word's XML packs about
   * ten to one and photos about one to one; a run of zeros packs a thousand to one.
   */
  ratio: 100,
  ratioFloorBytes: 1024 * 1024,
} as const;
