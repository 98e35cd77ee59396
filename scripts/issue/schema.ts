/**
 * One schema per input file: it gives the TypeScript type, the validation and the messages.
 * Messages are written for editors (Dutch where it helps), and every failure is mapped back
 * to a line in `issue.yaml` or in an article's front matter by `yaml-errors.ts`.
 */
import * as z from 'zod';

// Any name a file system allows in the issue folder itself (spaces and brackets too, as in
// `ch05_Het beheer van SubOINs in de [=COR=].md`): no folder separators, no hidden files.
const markdownFile = z
  .string()
  .regex(/^(?![.\s])[^/\\\0-\x1f]+\.md$/, 'expected a Markdown file name in the issue folder, like `voorwoord.md`');

const nonEmpty = z.string().trim().min(1, 'expected text, found an empty value');

export const teaserSchema = z.strictObject({
  title: nonEmpty,
  text: nonEmpty.optional(),
  article: markdownFile,
});

export const coverSchema = z.strictObject({
  image: nonEmpty,
  alt: nonEmpty,
  credit: nonEmpty.optional(),
  person: nonEmpty.optional(),
  quote: nonEmpty.optional(),
  teasers: z.array(teaserSchema).default([]),
});

export const creditSchema = z.strictObject({
  role: nonEmpty,
  names: z.array(nonEmpty).min(1),
});

const severity = z.enum(['off', 'info', 'warning', 'error']);

/**
 * The press edition (`press:` asks a plain `build` for it): bleed in millimetres, and the
 * printer's CMYK profile (a path from the issue folder) with its output condition, e.g. FOGRA39.
 */
export const pressSchema = z.strictObject({
  bleed: z.number().min(0, 'expected a bleed of 0 mm or more').max(10, 'expected a bleed of at most 10 mm').default(3),
  profile: nonEmpty.optional(),
  condition: nonEmpty.optional(),
});

/**
 * What a Word style becomes when an article is taken in from Word (`persklaar import`): a
 * component of the magazine, or ordinary text. `scripts/import/style-map.ts` has the defaults.
 */
export const importTargets = [
  'titel',
  'intro',
  'bovenregel',
  'citaat',
  'citaat-bron',
  'kader',
  'kadertitel',
  'meer-info',
  'meer-info-titel',
  'blokcitaat',
  'bijschrift',
  'spreker',
  'tekst',
] as const;

export const importSchema = z.strictObject({
  styles: z.record(nonEmpty, z.enum(importTargets)).default({}),
});

export const issueSchema = z.strictObject({
  title: nonEmpty,
  subtitle: nonEmpty.optional(),
  number: z.number().int().positive().optional(),
  date: z
    .union([z.string(), z.date()])
    .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
    .pipe(z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected a date as YYYY-MM or YYYY-MM-DD')),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'expected a BCP 47 language tag, like `nl`'),
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a slug of lowercase letters, digits and hyphens'),
  publisher: nonEmpty.optional(),
  rights: nonEmpty.optional(),
  cover: coverSchema.optional(),
  highlights: z.array(teaserSchema).default([]),
  colophon: z.array(creditSchema).default([]),
  lint: z.record(z.string(), severity).default({}),
  press: z.union([z.boolean(), pressSchema]).optional(),
  import: importSchema.optional(),
  articles: z.array(markdownFile).min(1, 'expected at least one article'),
});

export const personSchema = z.strictObject({
  name: nonEmpty,
  role: nonEmpty.optional(),
  organisation: nonEmpty.optional(),
});

export const articleKinds = ['foreword', 'interview', 'feature', 'tips', 'colophon'] as const;

export const frontMatterSchema = z.strictObject({
  title: nonEmpty,
  kind: z.enum(articleKinds).default('feature'),
  kicker: nonEmpty.optional(),
  organisation: nonEmpty.optional(),
  lead: nonEmpty.optional(),
  running_head: nonEmpty.optional(),
  people: z.array(personSchema).default([]),
  authors: z.array(nonEmpty).default([]),
  photographer: nonEmpty.optional(),
});

/** Front matter as written: `title` may be left to the article's first `#` heading. */
export const frontMatterInputSchema = frontMatterSchema.extend({ title: nonEmpty.optional() });

export type IssueMeta = z.infer<typeof issueSchema>;
export type ImportTarget = (typeof importTargets)[number];
export type PressOptions = z.infer<typeof pressSchema>;
export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type Teaser = z.infer<typeof teaserSchema>;
export type ArticleKind = (typeof articleKinds)[number];
