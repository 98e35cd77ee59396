/**
 * link-text-descriptive — link text says where it goes, read on its own (WCAG 2.4.4): screen
 * reader users list a page's links, and print readers see only the words.
 */
import { toString } from 'mdast-util-to-string';
import type { RuleModule } from '../types.ts';
import { linksWithText } from '../../markdown/links.ts';
import { articleRule, quote } from '../util/rule.ts';

const id = 'link-text-descriptive';

/** Whole link texts that say nothing out of context, Dutch and English, lower case. */
export const vagueLinkTexts: ReadonlySet<string> = new Set([
  'hier',
  'klik',
  'klik hier',
  'klik op deze link',
  'klik op de link',
  'zie hier',
  'via deze link',
  'deze link',
  'link',
  'linkje',
  'lees meer',
  'lees verder',
  'lees hier',
  'lees hier meer',
  'verder lezen',
  'meer lezen',
  'meer',
  'verder',
  'meer informatie',
  'meer info',
  'meer weten',
  'info',
  'informatie',
  'deze pagina',
  'pagina',
  'deze site',
  'deze website',
  'website',
  'site',
  'url',
  'bekijk',
  'bekijk hier',
  'ga naar',
  'download',
  'downloaden',
  'download hier',
  'click here',
  'click',
  'here',
  'this',
  'this link',
  'this page',
  'read more',
  'more',
  'more info',
  'more information',
  'learn more',
  'continue reading',
]);

export function normalizeLinkText(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/\s+/g, ' ')
      // Quotes, arrows and end punctuation around the words do not add meaning.
      .replace(/^[\s"'‘’“”«»›‹→>([]+|[\s"'‘’“”«»›‹→>)\].,:;!?…]+$/gu, '')
      .trim()
  );
}

export const linkTextDescriptive: RuleModule = {
  id,
  docs: 'Link text names the destination; “klik hier”, “lees meer”, “deze pagina”, “link” do not (WCAG 2.4.4).',
  severity: 'error',
  examples: {
    bad: [
      {
        caption: '“Klik hier” says nothing in a list of links, or on paper.',
        markdown: 'Meer weten? [Klik hier](https://ind.nl).\n',
        messages: [
          {
            line: 1,
            message:
              'Unexpected link text ‘Klik hier’, expected words that name where the link goes (WCAG 2.4.4): ' +
              'linktekst ‘Klik hier’ zegt niets buiten de context',
          },
        ],
      },
    ],
    good: [
      {
        caption: 'The link text names the destination.',
        markdown: 'Meer weten? Kijk op de [website van de IND](https://ind.nl).\n',
      },
    ],
  },
  plugin: articleRule(id, (tree, file) => {
    for (const link of linksWithText(tree)) {
      const text = toString(link);
      if (!vagueLinkTexts.has(normalizeLinkText(text))) continue;
      file.message(
        `Unexpected link text ${quote(text)}, expected words that name where the ` +
          `link goes (WCAG 2.4.4): linktekst ${quote(text)} zegt niets buiten de context`,
        link,
      );
    }
  }),
};
