/**
 * metadata: what of a photo's EXIF survives into the editions.
 *
 * Every output is written without the source's metadata (sharp's default): no GPS position,
 * no camera serial number, no XMP, no thumbnail. The photographer's credit is the exception;
 * Artist and Copyright are read from the source and written back, so a published photo still
 * says whose it is.
 */
import exifReader from 'exif-reader';
import type { Exif } from 'sharp';

export interface Credit {
  artist?: string;
  copyright?: string;
}

/** Artist and Copyright from a source's raw EXIF block; an unreadable block gives no credit. */
export function readCredit(exif: Buffer | undefined): Credit {
  if (!exif || exif.length === 0) return {};
  try {
    const image = exifReader(exif).Image;
    const credit: Credit = {};
    const artist = cleanText(image?.Artist);
    const copyright = cleanText(image?.Copyright);
    if (artist) credit.artist = artist;
    if (copyright) credit.copyright = copyright;
    return credit;
  } catch {
    // A damaged EXIF block is common in edited files and not a reason to fail the build.
    return {};
  }
}

/** The EXIF to write on an output, or undefined when the source had no credit. */
export function creditExif(credit: Credit): Exif | undefined {
  const ifd0: Record<string, string> = {};
  if (credit.artist) ifd0.Artist = protectTail(credit.artist);
  if (credit.copyright) ifd0.Copyright = protectTail(credit.copyright);
  return Object.keys(ifd0).length > 0 ? { IFD0: ifd0 } : undefined;
}

function cleanText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // EXIF Copyright may hold "photographer\0editor"; keep both, readably.
  const text = value
    .split('\0')
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' / ');
  return text === '' ? undefined : text;
}

/**
 * libvips drops a trailing " (…)" from EXIF strings it writes, taking it for the
 * "(type, n components)" description it appends when reading: "Jan (ANP)" would lose "(ANP)".
 * A sacrificial suffix is dropped instead and the text survives whole.
 */
function protectTail(text: string): string {
  return `${text} (ASCII)`;
}
