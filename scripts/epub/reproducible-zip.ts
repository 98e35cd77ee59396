/**
 * Writes the EPUB container byte for byte the same for the same entries: `mimetype` first and
 * stored (the OCF rule that lets a reader sniff the type), then every other file in name order,
 * all stamped with one fixed time, deflated at a fixed level, no folder entries. Photos and
 * fonts are already compressed: storing them saves time and costs next to no space.
 */
import JSZip from 'jszip';
import type { ZipEntry } from './post-process.ts';

/** Zip (DOS) timestamps start in 1980 and count seconds in twos. */
const DOS_EPOCH = Date.UTC(1980, 0, 1);
const compressed = /\.(jpe?g|png|gif|webp|avif|woff2?)$/i;

export async function reproducibleZip(entries: readonly ZipEntry[], time: Date): Promise<Buffer> {
  const date = new Date(Math.max(DOS_EPOCH, Math.floor(time.getTime() / 2000) * 2000));
  const mimetype = entries.find((entry) => entry.name === 'mimetype');
  if (!mimetype) throw new Error('EPUB without a mimetype entry');
  const zip = new JSZip();
  zip.file('mimetype', mimetype.data, { compression: 'STORE', date, createFolders: false });
  const rest = entries
    .filter((entry) => entry !== mimetype)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of rest)
    zip.file(entry.name, entry.data, {
      compression: compressed.test(entry.name) ? 'STORE' : 'DEFLATE',
      date,
      createFolders: false,
    });
  return zip.generateAsync({ type: 'nodebuffer', platform: 'DOS', compressionOptions: { level: 9 } });
}
