/**
 * What the merged font of one face holds, worked out from its subsets as data: the font
 * program, each glyph's width, each glyph's text and the bounding box. Kept for the process
 * by the subsets it was made from: `watch` joins the same parts again after every edit, and a
 * build that prints twice joins twice.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { fontIdentity, mergeGlyphs } from './merge-glyphs.ts';
import { parseToUnicode } from '../../../pdf-read/text.ts';
import { writeToUnicode } from './to-unicode.ts';

/** One subset as the join reads it: its font program and what its font dictionaries say. */
export interface SubsetData {
  /** A hash of the font program as stored, and a way to read it whole. */
  storedHash: string;
  program: () => Uint8Array;
  /** The ToUnicode CMap as stored, and whole. */
  storedToUnicode: Uint8Array | undefined;
  toUnicode: () => Uint8Array | undefined;
  /** Widths the /W array gives, and /DW. */
  widths: () => Map<number, number>;
  widthsText: string;
  fallback: number;
  box: number[];
}

export interface MergedFace {
  /** The merged program, Flate-compressed, and its length whole. */
  program: Uint8Array;
  programLength: number;
  fallback: number;
  /** `/W` runs: the first code and the widths from it on. */
  widthRuns: [number, number[]][];
  /** The ToUnicode CMap, Flate-compressed. */
  toUnicode: Uint8Array;
  box: number[];
}

/** Values worked out in the last join and in this one: the memo holds one document's fonts. */
class JoinMemo<T> {
  private last = new Map<string, T>();
  private current = new Map<string, T>();

  next(): void {
    this.last = this.current;
    this.current = new Map();
  }

  of(key: string, make: () => T): T {
    const value = this.current.has(key) ? this.current.get(key)! : this.last.has(key) ? this.last.get(key)! : make();
    this.current.set(key, value);
    return value;
  }

  /** Values kept elsewhere (the cache), offered to the next join as if the last had made them. */
  seed(entries: Iterable<[string, T]>): void {
    for (const [key, value] of entries) if (!this.last.has(key)) this.last.set(key, value);
  }

  /** What this join used. */
  used(): ReadonlyMap<string, T> {
    return this.current;
  }
}

const faces = new JoinMemo<MergedFace | undefined>();
const identities = new JoinMemo<string | undefined>();

/** Merged faces kept in the cache by an earlier process (`face-store.ts`), for the next join. */
export function seedFaces(kept: Iterable<[string, MergedFace | undefined]>): void {
  faces.seed(kept);
}

/** The merged faces the last join used, by the key of the subsets they were made from. */
export function facesJoined(): ReadonlyMap<string, MergedFace | undefined> {
  return faces.used();
}

/** Forgets what the last join did not use. */
export function startJoin(): void {
  faces.next();
  identities.next();
}

/** What identifies the font program a subset was cut from (`fontIdentity`); undefined when unreadable. */
export function identityOf(subset: SubsetData): string | undefined {
  return identities.of(subset.storedHash, () => {
    try {
      return fontIdentity(subset.program());
    } catch {
      return undefined;
    }
  });
}

/** The merged face, or undefined when the subsets disagree about a glyph (they stay apart). */
export function mergedFace(subsets: SubsetData[]): MergedFace | undefined {
  return faces.of(faceKey(subsets), () => mergeFace(subsets));
}

function faceKey(subsets: SubsetData[]): string {
  const hash = createHash('sha256');
  for (const subset of subsets)
    hash
      .update(subset.storedHash)
      .update('\0')
      .update(subset.storedToUnicode ?? '')
      .update(`\0${subset.widthsText}\0${subset.fallback}\0${subset.box.join(' ')}\0`);
  return hash.digest('hex');
}

function mergeFace(subsets: SubsetData[]): MergedFace | undefined {
  const merged = mergeGlyphs(subsets.map((subset) => subset.program()));
  if (!merged) return undefined;
  const drawn = subsets.map(drawnCodes);
  const unicode = new Map<number, string>();
  for (const codes of drawn) for (const [code, text] of codes.unicode) if (!unicode.has(code)) unicode.set(code, text);
  const fallback = subsets[0]!.fallback;
  return {
    program: deflateSync(merged.program),
    programLength: merged.program.length,
    fallback,
    widthRuns: widthRuns(mergedWidths(drawn, merged.widths), fallback),
    toUnicode: deflateSync(Buffer.from(writeToUnicode(unicode), 'latin1')),
    box: [0, 1, 2, 3].map((side) =>
      (side < 2 ? Math.min : Math.max)(...subsets.map((subset) => subset.box[side] ?? 0)),
    ),
  };
}

interface DrawnCodes {
  /** The glyphs the subset drew as text, and that text. */
  unicode: Map<number, string>;
  widths: Map<number, number>;
  fallback: number;
}

function drawnCodes(subset: SubsetData): DrawnCodes {
  const cmap = subset.toUnicode();
  const unicode = cmap === undefined ? new Map<number, string>() : parseToUnicode(cmap).map;
  return { unicode, widths: subset.widths(), fallback: subset.fallback };
}

/**
 * Each code's width from a subset that drew it as text (its /W, else its /DW), else the first
 * width other than zero a subset gives it, else the font's own advance: a subset lists glyphs
 * it did not draw with a width of zero (those it holds only because another glyph is made of
 * them, or because a ligature of letters it drew might have been wanted).
 */
function mergedWidths(drawn: DrawnCodes[], advances: number[]): Map<number, number> {
  const widths = new Map<number, number>();
  for (const subset of drawn)
    for (const code of subset.unicode.keys())
      if (!widths.has(code)) widths.set(code, subset.widths.get(code) ?? subset.fallback);
  for (const subset of drawn)
    for (const [code, width] of subset.widths) if (!widths.has(code) && width !== 0) widths.set(code, width);
  advances.forEach((advance, code) => {
    if (!widths.has(code) && advance !== 0) widths.set(code, advance);
  });
  return widths;
}

/** The widths other than the default, as runs of consecutive codes. */
function widthRuns(widths: Map<number, number>, fallback: number): [number, number[]][] {
  const runs: [number, number[]][] = [];
  for (const [code, width] of [...widths].filter(([, width]) => width !== fallback).sort(([a], [b]) => a - b)) {
    const last = runs.at(-1);
    if (last && code === last[0] + last[1].length) last[1].push(width);
    else runs.push([code, [width]]);
  }
  return runs;
}
