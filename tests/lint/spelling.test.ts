import { describe, expect, it } from 'vitest';
import { SpellChecker } from '../../scripts/lint/spelling/checker.ts';
import { loadDutch } from '../../scripts/lint/spelling/dictionary.ts';
import { parseWordList, WordList } from '../../scripts/lint/spelling/word-list.ts';
import { at, bodyFindings, findings, messages } from './helpers.ts';

describe('spelling', () => {
  it('reports a typo at the word, once per line, as a warning with suggestions', async () => {
    const markdown = 'Ambtelijk vakmanchap is luisteren, en vakmanchap is leren.\n\nGoed vakmanchap.\n';
    expect(await bodyFindings(markdown, 'spelling')).toEqual([
      at(markdown, 'vakmanchap'),
      at(markdown, 'vakmanchap', 3),
    ]);
    const [message] = await messages({ articles: { 'a.md': markdown } }, 'spelling');
    expect(message).toBe(
      'Unexpected unknown word ‘vakmanchap’, expected ‘vakmanschap’; ' +
        'klopt het woord, zet het dan in woordenlijst.txt',
    );
    const [record] = await findings({ articles: { 'a.md': markdown } }, { only: ['spelling'] });
    expect(record).toBe('a.md:5:11 spelling');
  });

  it('accepts Dutch as written: compounds, apostrophes, accents, abbreviations, hyphens', async () => {
    const markdown = [
      'De kinderbeschermingszaken van de Rijksoverheid en de kinderopvangtoeslagaffaire.',
      '',
      'Collega’s, zo’n app’je, DG’s en SG’s, de IND’er en NCTV’ers, ’s ochtends, e-mail.',
      '',
      'Eén ding móet, dat is privé: hoor- en beslismedewerkers, re-integratie, o.a. bijv. d.w.z. het IND en de DJI.',
      '',
    ].join('\n');
    expect(await bodyFindings(markdown, 'spelling')).toEqual([]);
  });

  it('skips code, URLs, e-mail addresses, link targets, numbers and directive attributes', async () => {
    const markdown = [
      'Typ `vakmanchap --foutje` niet; zie https://www.voorbeeldsiet.nl/pagina of mail naar redactie@minjenv.nl.',
      '',
      '```',
      'ditiseenfout',
      '```',
      '',
      '[Website van de IND](https://ind.nl/zzqx) en jenvklussenbank.nl in 2022, 3e keer, 1970s.',
      '',
      ':::citaat{wie="Qxzyw Brqt"}',
      'Goed werk.',
      ':::',
      '',
    ].join('\n');
    expect(await bodyFindings(markdown, 'spelling')).toEqual([]);
  });

  it('reads headings, alt text, link text and captions', async () => {
    const markdown =
      '## Ambtelijk vakmanchap\n\n![Een vrouw in een ' +
      'vergaderzaaal](a.jpg)\n\n[De webiste van de IND](https://ind.nl)\n';
    expect(await bodyFindings(markdown, 'spelling', { images: ['a.jpg'] })).toEqual([
      at(markdown, 'vakmanchap'),
      at(markdown, 'vergaderzaaal'),
      at(markdown, 'webiste'),
    ]);
  });

  it('accepts names and jargon from woordenlijst.txt and names the issue declares', async () => {
    const article =
      '---\ntitle: Proef\npeople:\n  - { name: Qxzyw Brqtsma, role: adviseur }\n---\n' +
      '\nQxzyw zegt: de Ratz-regeling van JenV helpt JenV-medewerkers, niet de jenv.\n';
    expect(
      await findings(
        { articles: { 'a.md': article }, words: ['# namen', 'Ratz', 'JenV  # ministerie'] },
        { only: ['spelling'] },
      ),
    ).toEqual([`a.md:7:${article.split('\n')[6]!.indexOf('jenv') + 1} spelling`]);
  });

  it('reads the prose of the front matter and of issue.yaml, at the right line and column', async () => {
    const article =
      '---\ntitle: "Over vakmanchap"\nlead: >-\n  Een inleiding ' +
      'met een fuot erin.\nrunning_head: Vakmanschap\n---\n\nTekst.\n';
    expect(await findings({ articles: { 'a.md': article } }, { only: ['spelling'] })).toEqual([
      'a.md:2:14 spelling',
      'a.md:4:25 spelling',
    ]);
    const yaml =
      'cover:\n  image: omslag.jpg\n  alt: Een vrouw kijkt lachend in de camere\n  quote: "Samen kom je verder"';
    expect(
      await findings({ articles: { 'a.md': 'Tekst.\n' }, images: ['omslag.jpg'], yaml }, { only: ['spelling'] }),
    ).toEqual(['issue.yaml:8:38 spelling']);
  });
});

describe('the spell checker', () => {
  it('flags typos of the shipped issue’s source that do not split into real words', async () => {
    const checker = new SpellChecker(await loadDutch(), new WordList());
    const typos = [
      'gepassioneerdeheid',
      'kinderscherming',
      'zonedig',
      'asiellzaken',
      'Terrorisbestrijding',
      'Wachlijsten',
      'justiabellen',
      'geoordekt',
      'ervaaarde',
      'familiefestjes',
      'vakmanchap',
      'ambtenaaren',
    ];
    expect(typos.filter((typo) => checker.correct(typo))).toEqual([]);
  });

  it('does not split compounds into function words or short nonsense parts', async () => {
    const checker = new SpellChecker(await loadDutch(), new WordList());
    // leidinggevenden|den, and short parts in a long chain.
    expect(checker.correct('leidinggevendendende')).toBe(false);
    expect(checker.correct('werkoverleg')).toBe(true);
    expect(checker.correct('buikpijn')).toBe(true);
  });

  it('reads a word list: comments, blank lines, case rules', () => {
    const words = new WordList(parseWordList('# kop\nJenV\n\nheisessie  # jargon\n'));
    expect(words.has('JenV')).toBe(true);
    expect(words.has('jenv')).toBe(false);
    expect(words.has('heisessie')).toBe(true);
    expect(words.has('Heisessie')).toBe(true);
    expect(words.has('HEISESSIE')).toBe(true);
    expect(words.has('HeiSessie')).toBe(false);
  });

  it('loads the dictionary once per process', async () => {
    expect(await loadDutch()).toBe(await loadDutch());
  });
});

describe('spelling positions', () => {
  it('finds the word itself, not the same letters inside an address before it', async () => {
    const markdown = 'Zie https://en.wikipedia.org/wiki/Fuot en fuot.\n';
    expect(await bodyFindings(markdown, 'spelling')).toEqual([at(markdown, 'fuot')]);
  });

  it('keeps lines right in a quote spanning lines', async () => {
    const markdown = '> Een eerste regel\n> met een fuot erin.\n';
    expect(await bodyFindings(markdown, 'spelling')).toEqual([at(markdown, 'fuot')]);
  });
});
