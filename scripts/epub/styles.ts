/**
 * The EPUB's one stylesheet: @font-face rules for the embedded fontsource files, then the
 * shared theme (tokens, base) and `styles/epub.css`. Custom properties are resolved to their
 * values here, because many reading systems (Adobe RMSDK, older Kobo and Kindle engines)
 * ignore `var()` and would drop every declaration that uses one.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fontFaceCss, fontFaces } from '../render/fonts.ts';
import { sharedStyles, stylesDir } from '../render/theme.ts';
export const FONT_DIR = 'fonts';

/** `issueTokens`: the issue's own tokens (`issue/theme.ts`), which win over the theme's. */
export async function epubCss(issueTokens = ''): Promise<string> {
  const sheets = await Promise.all(
    [...sharedStyles, 'epub.css'].map((name) => readFile(path.join(stylesDir, name), 'utf8')),
  );
  if (issueTokens !== '') sheets.splice(1, 0, issueTokens);
  const values = customProperties(sheets.join('\n'));
  // The :root rule only declared the tokens; once resolved it has nothing left to say.
  const rules = sheets.map((css) =>
    resolveVars(css, values)
      .replace(/:root\s*\{[^}]*\}/g, '')
      .trim(),
  );
  return [fontFaceCss(FONT_DIR), ...rules].join('\n\n');
}

/** The font files, as the library's `fonts` option wants them (names match fontFaceCss). */
export function epubFonts(): { filename: string; url: string }[] {
  return fontFaces.map((face) => ({ filename: path.basename(face.file), url: pathToFileURL(face.file).href }));
}

/** `--name: value;` declarations of the tokens' `:root` rule. */
export function customProperties(css: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const match of stripComments(css).matchAll(/--([\w-]+)\s*:\s*([^;]+);/g))
    values.set(match[1]!, match[2]!.trim());
  return values;
}

/** Replaces `var(--name)` / `var(--name, fallback)` with the value; unknown names are errors. */
export function resolveVars(css: string, values: ReadonlyMap<string, string>): string {
  let result = stripComments(css);
  // Values may themselves use var(); a few passes settle any chain.
  for (let pass = 0; pass < 5 && result.includes('var(--'); pass++) {
    result = result.replace(/var\(--([\w-]+)\s*(?:,\s*([^()]*))?\)/g, (_, name: string, fallback?: string) => {
      const value = values.get(name) ?? fallback?.trim();
      if (value === undefined) throw new Error(`styles: var(--${name}) has no value in tokens.css`);
      return value;
    });
  }
  return result;
}

function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}
