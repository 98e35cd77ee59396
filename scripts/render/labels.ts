/**
 * The few words the renderer adds to an article (footnotes, task lists), in the issue's
 * language: a Dutch issue reads "Noten", never "Footnotes". Other languages fall back to Dutch,
 * the language of the rest of the tool's own words (skip link, pager).
 */
export interface Labels {
  footnotes: string;
  /** The back link's accessible name, for reference n (1-based, "1-2" for its second use). */
  backToReference: (n: string) => string;
  taskDone: string;
  taskOpen: string;
}

const byLanguage: Record<string, Labels> = {
  nl: {
    footnotes: 'Noten',
    backToReference: (n) => `Terug naar verwijzing ${n}`,
    taskDone: 'gedaan',
    taskOpen: 'nog te doen',
  },
  en: { footnotes: 'Notes', backToReference: (n) => `Back to reference ${n}`, taskDone: 'done', taskOpen: 'to do' },
  de: {
    footnotes: 'Anmerkungen',
    backToReference: (n) => `Zurück zum Verweis ${n}`,
    taskDone: 'erledigt',
    taskOpen: 'offen',
  },
  fr: { footnotes: 'Notes', backToReference: (n) => `Retour à l’appel ${n}`, taskDone: 'fait', taskOpen: 'à faire' },
};

export function labelsFor(language: string): Labels {
  return byLanguage[language.split('-')[0]!.toLowerCase()] ?? byLanguage.nl!;
}
