/**
 * An article's id names its page, its anchors and its files in every edition. A plain file name
 * (`coos-maas.md`) keeps its name; any other (`ch05_Het beheer van SubOINs in de [=COR=].md`)
 * becomes a slug of ASCII letters, digits and hyphens, unique within the issue.
 */
const plain = /^[\w.-]+$/;

export function articleIds(names: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set(names.map(stem).filter((each) => plain.test(each)));
  for (const name of names) {
    const own = stem(name);
    if (plain.test(own)) {
      ids.set(name, own);
      continue;
    }
    const base = slug(own) || 'artikel';
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    ids.set(name, id);
  }
  return ids;
}

function stem(name: string): string {
  return name.replace(/\.md$/, '');
}

/** The id of a file name that is not plain, as `articleIds` gives it (without a clash to avoid). */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}
