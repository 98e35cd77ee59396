/**
 * Which Word styles become which magazine components, and the mammoth style map that says so.
 * The defaults below are the styles of the authors' template (`persklaar new` writes
 * `sjabloon.docx`) and Word's own names for the same things; an issue adds to them or changes
 * them in `issue.yaml` under `import: styles:`. Style names are matched as mammoth matches
 * them: whole, without regard to case.
 *
 * Each component is written as HTML that `to-markdown.ts` knows by its element and class.
 */
import type { ImportTarget } from '../issue/schema.ts';

export const defaultStyles: Readonly<Record<string, ImportTarget>> = {
  Title: 'titel',
  Titel: 'titel',
  Subtitle: 'intro',
  Intro: 'intro',
  Bovenregel: 'bovenregel',
  Citaat: 'citaat',
  Quote: 'citaat',
  'Intense Quote': 'citaat',
  'Duidelijk citaat': 'citaat',
  'Citaat bron': 'citaat-bron',
  Kader: 'kader',
  Kadertitel: 'kadertitel',
  'Meer info': 'meer-info',
  'Meer info titel': 'meer-info-titel',
  'Block Text': 'blokcitaat',
  Blokcitaat: 'blokcitaat',
  caption: 'bijschrift',
  Bijschrift: 'bijschrift',
  Spreker: 'spreker',
};

/** The mammoth rule's right-hand side for each target (`spreker` is a character style). */
const htmlPaths: Record<ImportTarget, string> = {
  titel: 'p.titel:fresh',
  intro: 'p.intro:fresh',
  bovenregel: 'p.bovenregel:fresh',
  citaat: 'aside.citaat > p:fresh',
  'citaat-bron': 'aside.citaat > p.citaat-bron:fresh',
  kader: 'div.kader > p:fresh',
  kadertitel: 'div.kader:fresh > p.kadertitel:fresh',
  'meer-info': 'div.meer-info > p:fresh',
  'meer-info-titel': 'div.meer-info:fresh > p.kadertitel:fresh',
  blokcitaat: 'blockquote > p:fresh',
  bijschrift: 'p.bijschrift:fresh',
  spreker: 'span.spreker',
  tekst: 'p:fresh',
};

/** The styles in force for an issue: the defaults, with the issue's own over them. */
export function stylesFor(issueStyles: Record<string, ImportTarget> = {}): Map<string, ImportTarget> {
  const styles = new Map<string, ImportTarget>();
  // Case-insensitive, as mammoth matches: an issue's `quote` replaces the default `Quote`.
  for (const [name, target] of [...Object.entries(defaultStyles), ...Object.entries(issueStyles)]) {
    for (const existing of styles.keys()) if (existing.toLowerCase() === name.toLowerCase()) styles.delete(existing);
    styles.set(name, target);
  }
  return styles;
}

export function mammothStyleMap(styles: Map<string, ImportTarget>): string[] {
  return [...styles].map(([name, target]) => {
    const element = target === 'spreker' ? 'r' : 'p';
    return `${element}[style-name='${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'] => ${htmlPaths[target]}`;
  });
}
