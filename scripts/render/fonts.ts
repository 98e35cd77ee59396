/**
 * The theme's typefaces come from fontsource packages, so every machine renders the same
 * glyphs: no system font fallback changes line breaks between an editor's laptop and CI.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export interface FontFace {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  /** Absolute path of the woff2 file. */
  file: string;
}

const faces: [family: string, pkg: string, weight: number, style: 'normal' | 'italic'][] = [
  ['Source Serif 4', '@fontsource/source-serif-4', 400, 'normal'],
  ['Source Serif 4', '@fontsource/source-serif-4', 400, 'italic'],
  ['Source Serif 4', '@fontsource/source-serif-4', 600, 'normal'],
  ['Source Serif 4', '@fontsource/source-serif-4', 600, 'italic'],
  ['Source Sans 3', '@fontsource/source-sans-3', 400, 'normal'],
  ['Source Sans 3', '@fontsource/source-sans-3', 400, 'italic'],
  ['Source Sans 3', '@fontsource/source-sans-3', 600, 'normal'],
  ['Source Sans 3', '@fontsource/source-sans-3', 700, 'normal'],
  ['Source Sans 3', '@fontsource/source-sans-3', 900, 'normal'],
];

export const fontFaces: FontFace[] = faces.map(([family, pkg, weight, style]) => {
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  const base = path.basename(pkg);
  return { family, weight, style, file: path.join(dir, 'files', `${base}-latin-${weight}-${style}.woff2`) };
});

/** @font-face rules pointing at `${urlPrefix}/<file name>`. */
export function fontFaceCss(urlPrefix: string): string {
  return fontFaces
    .map(
      (face) =>
        `@font-face {\n  font-family: '${face.family}';\n  font-style: ${face.style}` +
        `;\n  font-weight: ${face.weight};\n  font-display: swap;\n  src: ` +
        `url('${urlPrefix}/${path.basename(face.file)}') format('woff2');\n}\n`,
    )
    .join('');
}
