/**
 * What finishing did to each page of the last print, to do it again without the work.
 *
 * Chromium writes an unchanged page as the same bytes (the same content stream, compressed
 * the same way), so a one-word edit changes one or two pages of 37. A page's rewrite depends
 * only on its content stream, its box, which marked-content ids are link texts, which of its
 * XObjects carry their own structure and which fonts it shows text in (to tell a soft hyphen
 * from a line-end hyphen); the memo is keyed on exactly those. A hit skips
 * inflating, tokenizing, wrapping and compressing the page again.
 *
 * Kept as one file per issue (the last build's pages only, so it never grows): a JSON index
 * and the compressed streams behind it. A file of another tool version, or one that does not
 * read back whole, is simply no memo.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../util/output.ts';
import type { ArtifactClass } from './artifacts.ts';
import type { GlyphText } from '../../pdf-write/glyph-text.ts';
import type { SoftHyphenCount } from '../../pdf-write/soft-hyphens.ts';
import type { TextPiece, TextRun } from '../../pdf-read/scan.ts';

export interface PageKeyParts {
  /** The page's content streams as stored (compressed), with their filters. */
  streams: { bytes: Uint8Array; filter: string }[];
  pageBox: readonly number[];
  textOf: ReadonlySet<number>;
  /** XObject names on the page that carry their own structure. */
  structured: readonly string[];
  /** The page's font resources: name, font and encoding. */
  fonts: readonly string[];
}

export interface PageResult {
  /** The rewritten stream, Flate-compressed; undefined when the page needed no change. */
  deflated: Uint8Array | undefined;
  wrapped: Record<ArtifactClass, number>;
  mcidText: Map<number, TextPiece[]>;
  softHyphens: SoftHyphenCount;
  /** Glyph codes without text that an ActualText span names (for the fonts' ToUnicode). */
  unmapped: GlyphText[];
  /** The key of the page with its resource names numbered, and those names (`resource-names.ts`). */
  renamed?: { key: string; names: string[] };
}

export function pageKey(parts: PageKeyParts): string {
  const hash = createHash('sha256');
  for (const stream of parts.streams) hash.update(stream.filter).update('\0').update(stream.bytes).update('\0');
  hash.update(
    JSON.stringify([
      parts.pageBox,
      [...parts.textOf].sort((a, b) => a - b),
      [...parts.structured].sort(),
      [...parts.fonts].sort(),
    ]),
  );
  return hash.digest('hex');
}

interface StoredRun {
  font: string | null;
  bytes: string;
  hex: boolean;
}
interface StoredPiece {
  runs: StoredRun[];
  origin?: [number, number];
  actualText?: string;
}
interface StoredPage {
  /** Offset and length of the compressed stream in the blob, or null when unchanged. */
  at: [number, number] | null;
  wrapped: Record<ArtifactClass, number>;
  mcidText: [number, StoredPiece[]][];
  softHyphens: SoftHyphenCount;
  unmapped: GlyphText[];
  renamed?: { key: string; names: string[] };
}
interface Index {
  version: string;
  pages: Record<string, StoredPage>;
}

export class PageMemo {
  private readonly previous = new Map<string, PageResult>();
  private readonly current = new Map<string, PageResult>();
  private byRenamed: Map<string, PageResult> | undefined;
  /** Pages taken from the memo, and pages finished anew. */
  hits = 0;
  misses = 0;

  constructor(private readonly version: string) {}

  /** The page remembered under `key`: the very bytes of its print (see `pageKey`). */
  get(key: string): PageResult | undefined {
    const found = this.current.get(key) ?? this.previous.get(key);
    if (found) {
      this.hits++;
      this.current.set(key, found);
    }
    return found;
  }

  /** The page remembered under the key of its renamed form: the same page, its resources named otherwise. */
  getRenamed(renamedKey: string): PageResult | undefined {
    this.byRenamed ??= new Map(
      [...this.previous.values()].flatMap((page) => (page.renamed ? [[page.renamed.key, page] as const] : [])),
    );
    const found = this.byRenamed.get(renamedKey);
    if (found) this.hits++;
    return found;
  }

  /** Keeps a page finished anew. */
  set(key: string, result: PageResult): void {
    this.misses++;
    this.current.set(key, result);
  }

  /** Keeps a page taken over from the memo under other resource names. */
  keep(key: string, result: PageResult): void {
    this.current.set(key, result);
  }

  /** Reads the memo of the last build; anything unreadable or of another version is ignored. */
  static async read(file: string, version: string): Promise<PageMemo> {
    const memo = new PageMemo(version);
    const data = await readFile(file).catch(() => undefined);
    if (!data || data.length < 4) return memo;
    try {
      const indexLength = data.readUInt32BE(0);
      const index = JSON.parse(data.subarray(4, 4 + indexLength).toString('utf8')) as Index;
      if (index.version !== version) return memo;
      const blob = data.subarray(4 + indexLength);
      for (const [key, page] of Object.entries(index.pages)) {
        if (page.at && page.at[0] + page.at[1] > blob.length) return new PageMemo(version);
        memo.previous.set(key, {
          deflated: page.at ? blob.subarray(page.at[0], page.at[0] + page.at[1]) : undefined,
          wrapped: page.wrapped,
          mcidText: new Map(page.mcidText.map(([mcid, pieces]) => [mcid, pieces.map(readPiece)])),
          softHyphens: page.softHyphens,
          unmapped: page.unmapped,
          ...(page.renamed ? { renamed: page.renamed } : {}),
        });
      }
    } catch {
      return new PageMemo(version);
    }
    return memo;
  }

  /** Keeps this build's pages (only those) for the next build. */
  async write(file: string): Promise<void> {
    const parts: Uint8Array[] = [];
    let offset = 0;
    const pages: Index['pages'] = {};
    for (const [key, result] of this.current) {
      let at: StoredPage['at'] = null;
      if (result.deflated) {
        at = [offset, result.deflated.length];
        parts.push(result.deflated);
        offset += result.deflated.length;
      }
      pages[key] = {
        at,
        wrapped: result.wrapped,
        softHyphens: result.softHyphens,
        unmapped: result.unmapped,
        mcidText: [...result.mcidText].map(([mcid, pieces]) => [mcid, pieces.map(storePiece)]),
        ...(result.renamed ? { renamed: result.renamed } : {}),
      };
    }
    const index = Buffer.from(JSON.stringify({ version: this.version, pages } satisfies Index), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(index.length);
    await writeFileAtomic(file, Buffer.concat([length, index, ...parts]));
  }
}

function storePiece(piece: TextPiece): StoredPiece {
  return {
    runs: piece.runs.map((run) => ({
      font: run.font ?? null,
      bytes: Buffer.from(run.string.bytes).toString('base64'),
      hex: run.string.hex,
    })),
    ...(piece.origin ? { origin: piece.origin } : {}),
    ...(piece.actualText !== undefined ? { actualText: piece.actualText } : {}),
  };
}

function readPiece(piece: StoredPiece): TextPiece {
  const runs: TextRun[] = piece.runs.map((run) => ({
    font: run.font ?? undefined,
    string: { type: 'string', bytes: new Uint8Array(Buffer.from(run.bytes, 'base64')), hex: run.hex },
  }));
  return {
    runs,
    ...(piece.origin ? { origin: piece.origin } : {}),
    ...(piece.actualText !== undefined ? { actualText: piece.actualText } : {}),
  };
}
