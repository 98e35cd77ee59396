/**
 * An issue's own look, without a change to Persklaar: `thema.yaml` beside issue.yaml may give
 * the masthead name, the colours, the typefaces and a logo (all optional). Colours are design tokens
 * (styles/tokens.css) by their Dutch names here; each text colour must keep WCAG AA contrast on
 * the paper, or the file is refused at its line. Without the file nothing changes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import * as z from 'zod';
import { readTextFile } from '../util/text-file.ts';
import { hasFatal } from '../util/errors.ts';
import { parseYaml } from './yaml-errors.ts';

export const THEME_FILE = 'thema.yaml';

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb, like `#0d4a57`');
const family = z.string().regex(/^[\w\s'",.-]+$/, 'expected font family names, like `Georgia, serif`');

export const themeSchema = z.strictObject({
  naam: z.string().trim().min(1).optional(),
  kleuren: z
    .strictObject({ hoofdkleur: colour, accent: colour, vlak: colour, papier: colour, tekst: colour, lijn: colour })
    .partial()
    .default({}),
  lettertypen: z.strictObject({ tekst: family, koppen: family }).partial().default({}),
  /** An image beside thema.yaml or in images/, set above the masthead on the cover. */
  logo: z.string().trim().min(1).optional(),
});

export type Theme = z.infer<typeof themeSchema>;

/** Dutch names in thema.yaml → the tokens of styles/tokens.css. */
const colourTokens = {
  hoofdkleur: 'petrol',
  accent: 'brick',
  vlak: 'petrol-soft',
  papier: 'paper',
  tekst: 'ink',
  lijn: 'rule',
} as const;
const fontTokens = { tekst: 'font-text', koppen: 'font-display' } as const;
const defaults = { petrol: '#0d4a57', brick: '#a33b1f', 'petrol-soft': '#e5eef0', paper: '#fdfcf8', ink: '#1b2330' };

export interface LoadedTheme {
  file: VFile;
  theme: Theme;
}

/** The issue's thema.yaml, read and checked; undefined when there is none. Problems are fatal messages on the file. */
export async function loadTheme(issueDir: string): Promise<LoadedTheme | { file: VFile } | undefined> {
  const name = path.join(issueDir, THEME_FILE);
  if (!existsSync(name)) return undefined;
  const file = await readTextFile(name);
  if (hasFatal(file)) return { file };
  const theme = parseYaml(file, String(file.value), themeSchema);
  if (!theme) return { file };
  checkContrast(file, theme);
  return hasFatal(file) ? { file } : { file, theme };
}

/** The theme as CSS custom properties, to follow the tokens; '' for no overrides. */
export function themeTokens(theme: Theme | undefined): string {
  if (!theme) return '';
  const lines = [
    ...Object.entries(theme.kleuren).map(
      ([key, value]) => `  --${colourTokens[key as keyof typeof colourTokens]}: ${value};`,
    ),
    ...Object.entries(theme.lettertypen).map(
      ([key, value]) => `  --${fontTokens[key as keyof typeof fontTokens]}: ${value};`,
    ),
  ];
  return lines.length === 0 ? '' : `\n/* ${THEME_FILE} */\n:root {\n${lines.join('\n')}\n}\n`;
}

/** Headings, links and kickers are set in the main and accent colours; body text in `tekst`. */
function checkContrast(file: VFile, theme: Theme): void {
  const paper = theme.kleuren.papier ?? defaults.paper;
  const text = String(file.value).split(/\r?\n/);
  for (const key of ['hoofdkleur', 'accent', 'tekst'] as const) {
    const value = theme.kleuren[key] ?? defaults[colourTokens[key]];
    const ratio = contrast(value, paper);
    if (ratio >= 4.5) continue;
    const line = text.findIndex((each) => new RegExp(`^\\s*${key}\\s*:`).test(each));
    const message = file.message(
      `Unexpected contrast ${ratio.toFixed(1)}:1 of \`${key}\` ${value}` +
        ` on the paper ${paper}: text needs at least 4.5:1 (WCAG AA)`,
      { place: { line: line + 1 || 1, column: 1 }, ruleId: 'theme', source: 'persklaar' },
    );
    message.fatal = true;
  }
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
