/**
 * Holes in a printed layout, measured as a reader sees them: each page is rendered (poppler's
 * pdftoppm), and for each of the two columns the blank height at its foot is read from the
 * pixels. Only pages that do not end an article are judged (an article may end anywhere);
 * article starts come from the PDF's outline. Independent of how the build placed anything.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { openPdf } from './pdf.ts';

/** print.css: A4, 15 mm side margins, 20 mm head and foot, two columns with an 8 mm gutter. */
const PAGE = { width: 210, height: 297, side: 15, head: 20, foot: 20 };
const DPI = 30;
const INK = 200;

export interface ColumnFoot {
  page: number;
  column: 'left' | 'right';
  /** Blank share of the type area's height below the column's last ink. */
  blank: number;
}

export async function articleStartPages(file: string): Promise<Set<number>> {
  const pdf = await openPdf(file);
  const starts = new Set<number>();
  for (const item of (await pdf.getOutline()) ?? []) {
    const dest = typeof item.dest === 'string' ? await pdf.getDestination(item.dest) : item.dest;
    if (Array.isArray(dest) && dest[0]) starts.add((await pdf.getPageIndex(dest[0])) + 1);
  }
  return starts;
}

/**
 * The blank foot of every column on every page from the third on, and whether the page ends an
 * article (the last page of the document does too).
 */
export async function columnFeet(file: string): Promise<(ColumnFoot & { endsArticle: boolean })[]> {
  const starts = await articleStartPages(file);
  const dir = mkdtempSync(path.join(tmpdir(), 'persklaar-feet-'));
  try {
    execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-png', file, path.join(dir, 'p')]);
    const pages = readdirSync(dir)
      .filter((name) => name.endsWith('.png'))
      .sort();
    const feet: (ColumnFoot & { endsArticle: boolean })[] = [];
    for (let page = 3; page <= pages.length; page++) {
      const endsArticle = page === pages.length || starts.has(page + 1);
      for (const foot of await feetOf(path.join(dir, pages[page - 1]!), page)) feet.push({ ...foot, endsArticle });
    }
    return feet;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function feetOf(png: string, page: number): Promise<ColumnFoot[]> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const px = (mm: number) => Math.round((mm * DPI) / 25.4);
  const top = px(PAGE.head);
  const foot = info.height - px(PAGE.foot);
  const middle = Math.round(info.width / 2);
  const lastInk = (x0: number, x1: number): number => {
    for (let y = foot - 1; y >= top; y--)
      for (let x = x0; x < x1; x++) if (data[y * info.width + x]! < INK) return y + 1;
    return top;
  };
  return (
    [
      ['left', px(PAGE.side), middle - 2],
      ['right', middle + 2, info.width - px(PAGE.side)],
    ] as const
  ).map(([column, x0, x1]) => ({ page, column, blank: (foot - lastInk(x0, x1)) / (foot - top) }));
}

/** The columns, on pages that do not end an article, whose foot is blank beyond `limit` of the type area. */
export async function holes(file: string, limit = 0.25): Promise<ColumnFoot[]> {
  return (await columnFeet(file))
    .filter((foot) => !foot.endsArticle && foot.blank > limit)
    .map(({ endsArticle, ...foot }) => foot);
}

/**
 * Last pages of an article that hold next to nothing: both columns less than `least` of the
 * type area (a line or two, or a strip of a box carried over on its own).
 */
export async function runtPages(file: string, least = 0.06): Promise<number[]> {
  const lastPages = (await columnFeet(file)).filter((foot) => foot.endsArticle);
  const pages = [...new Set(lastPages.map((foot) => foot.page))];
  return pages.filter((page) => lastPages.filter((foot) => foot.page === page).every((foot) => 1 - foot.blank < least));
}
