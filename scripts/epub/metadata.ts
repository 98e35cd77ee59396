/**
 * The package metadata, decided once from the issue: who made it, whose rights, what it is
 * a copy of, and what a reader with a disability can expect (EPUB Accessibility 1.1).
 */
import { createHash } from 'node:crypto';
import { issueDate, issueLabel } from '../issue/format.ts';
import type { Issue } from '../issue/load.ts';

export interface Person {
  name: string;
  /** MARC relator code, e.g. `aut`. */
  role: string;
}

export interface BookMetadata {
  identifier: string;
  title: string;
  language: string;
  creators: Person[];
  contributors: Person[];
  publisher?: string;
  rights: string;
  /** `dc:date`: the issue date as printed (YYYY-MM or YYYY-MM-DD). */
  date: string;
  /** `dcterms:modified`: CCYY-MM-DDThh:mm:ssZ. */
  modified: string;
  /** The print edition, declared as the source of the page-list. */
  paginationSource: string;
  series?: { title: string; position?: number };
  accessibility: {
    accessModes: string[];
    accessModesSufficient: string[];
    features: string[];
    hazards: string[];
    summary: string;
    conformsTo: string;
  };
}

/** Colophon roles that name contributors, with their MARC relator codes. */
const contributorRoles: Record<string, string> = {
  Fotografie: 'pht',
  Vormgeving: 'dsr',
  Redactie: 'edt',
  Eindredactie: 'edt',
};

export function bookMetadata(issue: Issue, facts: { modified: Date; photos: boolean }): BookMetadata {
  const { meta } = issue;
  const { photos } = facts;
  return {
    identifier: `urn:uuid:${stableUuid(`persklaar:${meta.slug}:${meta.date}`)}`,
    title: issueLabel(meta),
    language: meta.language,
    creators: creators(issue).map((name) => ({ name, role: 'aut' })),
    contributors: meta.colophon.flatMap((credit) => {
      const role = contributorRoles[credit.role];
      return role ? credit.names.filter((name) => !isAddress(name)).map((name) => ({ name, role })) : [];
    }),
    publisher: meta.publisher,
    rights: rightsStatement(issue),
    date: meta.date,
    modified: facts.modified.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    paginationSource:
      `${issueLabel(meta)}, ${issueDate(meta)}, gedrukte ` + `editie${meta.publisher ? ` (${meta.publisher})` : ''}`,
    series: { title: meta.title, position: meta.number },
    accessibility: {
      accessModes: photos ? ['textual', 'visual'] : ['textual'],
      // Every photo has a description, so the text alone carries the whole issue.
      accessModesSufficient: photos ? ['textual', 'textual,visual'] : ['textual'],
      features: [
        ...(photos ? ['alternativeText'] : []),
        'displayTransformability',
        'pageBreakMarkers',
        'pageNavigation',
        'readingOrder',
        'structuralNavigation',
        'tableOfContents',
      ],
      hazards: ['none'],
      summary:
        'Dit tijdschrift voldoet aan EPUB Accessibility 1.1 en WCAG 2.1 niveau AA. ' +
        (photos ? 'Alle foto’s hebben een beschrijvende alternatieve tekst. ' : '') +
        'De leesvolgorde volgt het gedrukte nummer; koppen, kaders en citaten zijn als ' +
        'zodanig gemarkeerd, zodat u met de inhoudsopgave en per kop kunt navigeren. ' +
        'Paginanummers van de gedrukte editie zijn opgenomen, zodat ' +
        'u naar dezelfde pagina kunt gaan als lezers van papier. ' +
        'Lettergrootte, lettertype en kleuren zijn door de lezer aan ' +
        'te passen. Er is geen geluid, beweging of knipperend beeld.',
      conformsTo: 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA',
    },
  };
}

/**
 * The writers: the colophon's "Tekst" names (who wrote the issue's interviews and features),
 * then article authors not named there (e.g. the foreword's signatory), in reading order.
 */
export function creators(issue: Issue): string[] {
  const names = issue.meta.colophon.filter((credit) => credit.role === 'Tekst').flatMap((credit) => credit.names);
  for (const article of issue.articles) names.push(...article.data.authors);
  const unique = [...new Set(names)];
  return unique.length > 0 ? unique : issue.meta.publisher ? [issue.meta.publisher] : [];
}

/**
 * The rights line as the colophon gives it: the copyright notice, then the credits in print
 * order ("Tekst: A, B en C."). Contact addresses are not credits and are left out.
 */
export function rightsStatement(issue: Issue): string {
  const { meta } = issue;
  const credits = meta.colophon
    .map((credit) => ({ role: credit.role, names: credit.names.filter((name) => !isAddress(name)) }))
    .filter((credit) => credit.names.length > 0)
    .map((credit) => `${credit.role}: ${listFormat(credit.names)}.`);
  const notice = copyrightNotice(issue);
  return [notice ? `${notice.replace(/\.$/, '')}.` : undefined, ...credits]
    .filter((part) => part !== undefined)
    .join(' ');
}

/** issue.yaml's `rights`, or one made from the publisher and the issue's year. */
export function copyrightNotice(issue: Issue): string | undefined {
  const { meta } = issue;
  return meta.rights ?? (meta.publisher ? `© ${meta.date.slice(0, 4)} ${meta.publisher}` : undefined);
}

function listFormat(names: string[]): string {
  return new Intl.ListFormat('nl', { style: 'long', type: 'conjunction' }).format(names);
}

function isAddress(name: string): boolean {
  return /@|^https?:/.test(name);
}

/** A name-based (version 5 style) UUID: the same issue always gets the same identifier. */
export function stableUuid(name: string): string {
  const bytes = createHash('sha1').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
