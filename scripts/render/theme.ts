/**
 * The theme as an edition ships it: one stylesheet (font faces, tokens, shared typography,
 * the edition's own sheet) in `assets/`, the woff2 files beside it in `assets/fonts/`.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fontFaceCss, fontFaces } from './fonts.ts';

export const stylesDir = path.resolve(import.meta.dirname, '../../styles');
export const sharedStyles = ['tokens.css', 'base.css'];

/** `issueTokens`: the issue's own tokens (`issue/theme.ts`), right after the theme's. */
export async function themeCss(editionStyle: string, issueTokens = ''): Promise<string> {
  const sheets = await Promise.all(
    [...sharedStyles, editionStyle].map((name) => readFile(path.join(stylesDir, name), 'utf8')),
  );
  if (issueTokens !== '') sheets.splice(1, 0, issueTokens);
  return [fontFaceCss('fonts'), ...sheets].join('\n');
}

/** Writes `assets/<name>` and the fonts into an edition's folder. */
export async function writeThemeAssets(editionDir: string, editionStyle: string, issueTokens = ''): Promise<void> {
  const fonts = path.join(editionDir, 'assets', 'fonts');
  await mkdir(fonts, { recursive: true });
  await Promise.all([
    themeCss(editionStyle, issueTokens).then((css) => writeFile(path.join(editionDir, 'assets', editionStyle), css)),
    ...fontFaces.map((face) => copyFile(face.file, path.join(fonts, path.basename(face.file)))),
  ]);
}
