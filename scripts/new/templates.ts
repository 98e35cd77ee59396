/**
 * The files of a new issue folder (`persklaar new`): issue.yaml with every field explained,
 * one article that shows each component, a drawing for its figure and cover, a word list and a
 * short guide for editors. Everything is in Dutch, as the editors who fill it in are.
 */
export interface NewIssue {
  title: string;
  slug: string;
  /** YYYY-MM */
  date: string;
}

export function issueYaml({ title, slug, date }: NewIssue): string {
  return `# ${title}: gegevens van dit nummer. Zie README.md voor de werkwijze.
# Velden met "verplicht" moeten er staan; de andere mogen weg. Wat ontbreekt, wordt nergens getoond.

# Naam van het blad (verplicht): de kop op het omslag, in de kopregels en in de EPUB.
title: ${title}

# Ondertitel onder de naam op het omslag.
subtitle: Voorbeeldnummer om mee te beginnen

# Nummer van deze uitgave: op het omslag als #01. Weglaten voor een uitgave zonder nummer.
number: 1

# Verschijningsdatum (verplicht): jaar en maand (2026-06) of een dag (2026-06-15).
date: ${date}

# Taal van de tekst (verplicht), als BCP 47-code: nl, en, de, fr. Bepaalt afbreking en labels.
language: nl

# Korte naam (verplicht): kleine letters, cijfers en streepjes. Geeft de bestanden hun naam:
# dist/${slug}.pdf en dist/${slug}.epub.
slug: ${slug}

# Uitgever: op het omslag en in de EPUB.
publisher: Redactie ${title}

# Auteursrecht. Zonder dit veld wordt het "© jaar uitgever".
rights: "© ${date.slice(0, 4)} Redactie ${title}"

# Het omslag: een afbeelding uit images/ met een alt-tekst (wat er te zien is, 60 tot 200 tekens),
# de fotograaf, de persoon op de foto, een citaat en de verwijzingen naar artikelen.
cover:
  image: voorbeeld.svg
  alt: "Een tekening van drie gekleurde vlakken die samen een open boek vormen, op een lichte achtergrond"
  credit: Redactie ${title}
  quote: "Goed werk begint bij een goed gesprek"
  teasers:
    - title: "Het eerste artikel"
      text: "Alles wat een artikel kan laten zien"
      article: eerste-artikel.md

# Uitgelicht: verwijzingen op de binnenkant van het omslag (titel, korte tekst, artikel).
highlights:
  - title: "Het eerste artikel"
    text: "Een citaat, een kader, een foto en een tabel"
    article: eerste-artikel.md

# Colofon: wie aan dit nummer werkte, in de volgorde van het gedrukte colofon.
colophon:
  - { role: Tekst, names: ["Redactie ${title}"] }
  - { role: Contact redactie, names: ["redactie@example.org"] }

# Regels van de controle (persklaar lint) strenger of milder: off, info, warning of error.
# Zie scripts/lint/README.md voor alle regels.
lint: {}

# De drukproef voor de drukker (PDF/X-4 met afloop en snijtekens): \`persklaar build --only press\`.
# Met \`press: true\` (of de velden hieronder) maakt elke build hem ook. bleed: afloop in mm (3);
# profile: het CMYK-profiel van de drukker naast issue.yaml; condition: de naam van zijn drukconditie.
# press:
#   bleed: 3
#   profile: FOGRA51.icc
#   condition: FOGRA51

# Artikelen uit Word (persklaar import): welke Word-stijl welk onderdeel wordt, bovenop de vaste
# lijst (zie docs/import.md). Onderdelen: titel, intro, bovenregel, citaat, citaat-bron, kader,
# kadertitel, meer-info, meer-info-titel, blokcitaat, bijschrift, spreker, tekst.
# import:
#   styles:
#     Streamer: citaat

# De artikelen (verplicht), in leesvolgorde: bestandsnamen in deze map. Spaties en haken mogen,
# zet zo'n naam dan tussen aanhalingstekens.
articles:
  - eerste-artikel.md
`;
}

export const sampleArticle = `---
title: "Het eerste artikel"
kind: feature
kicker: Voorbeeld
lead: Dit artikel laat zien wat een artikel kan bevatten. Vervang de tekst door je eigen kopij.
running_head: Eerste artikel
authors: [Redactie]
photographer: Redactie
---

:::figuur{plaatsing="breed"}
![Een tekening van drie gekleurde vlakken die samen een open boek vormen, op een lichte achtergrond](voorbeeld.svg)

Een tekening als openingsbeeld, over de volle breedte
:::

Een artikel begint met het voorwerk tussen twee regels met drie streepjes: de titel, de soort, de
bovenregel en de inleiding. Daarna volgt de tekst in gewone Markdown, met *nadruk* en **vet**.

## Een tussenkop

Tussenkoppen beginnen met twee hekjes. Een kop met drie hekjes staat daaronder. Een voetnoot zet
je zo.[^1]

:::citaat{wie="Redactie"}
Een citaat uit de tekst, groot gezet tussen twee lijnen.
:::

Een gesprek met meer mensen schrijf je met een spreker voor elk antwoord.

:spreker[Anna] “Zo staat de naam van wie spreekt vet voor het antwoord.”

:spreker[Bram] “En zo antwoordt de volgende.”

::::kader[Een kader naast de tekst]
Een kader staat los van de lopende tekst, bijvoorbeeld voor tips.

### Een kop in het kader

Koppen in een kader hebben drie hekjes.
::::

## Een tabel en een lijst

| Onderdeel | Aantal | Opmerking |
| --- | ---: | --- |
| Artikelen | 1 | dit artikel |
| Afbeeldingen | 1 | in de map images |

- Een opsomming met streepjes;
- genest kan ook:
  1. eerste stap;
  2. tweede stap.

> Een citaat uit een andere bron springt in.

:::meer-info
- [Website van de Rijksoverheid](https://www.rijksoverheid.nl)
:::

[^1]: Een voetnoot staat aan het eind van het artikel.
`;

export const sampleDrawing = `<svg xmlns="http://www.w3.org/2000/svg"
  width="1800" height="1200" viewBox="0 0 1800 1200">
  <rect width="1800" height="1200" fill="#f1ebe0"/>
  <path d="M900 300 L420 220 L420 900 L900 980 Z" fill="#0d4a57"/>
  <path d="M900 300 L1380 220 L1380 900 L900 980 Z" fill="#a33b1f"/>
  <path d="M900 300 L900 980" stroke="#fdfcf8" stroke-width="16"/>
  <circle cx="1380" cy="220" r="90" fill="#e5eef0"/>
</svg>
`;

export const wordList = `# Woordenlijst voor de spellingcontrole (persklaar lint): één woord per regel.
# Zet hier namen en vaktermen die goed zijn maar niet in het woordenboek staan.
Bram
`;

export function readme({ title }: NewIssue): string {
  return `# ${title}: werkwijze voor de redactie

Deze map is één nummer: \`issue.yaml\` met de gegevens, één Markdown-bestand per artikel en de
afbeeldingen in \`images/\`.

1. Vul \`issue.yaml\` in: elk veld staat erin uitgelegd.
2. Schrijf elk artikel als \`.md\`-bestand in deze map en zet het onder \`articles:\`.
   \`eerste-artikel.md\` laat alle onderdelen zien: foto, citaat, spreker, kader, tabel, lijst,
   meer-info en voetnoot. Voorwerk (het blok tussen \`---\`) mag ontbreken; dan is de eerste
   \`#\`-kop de titel.
3. Zet foto's en tekeningen in \`images/\` (of naast het artikel, bijvoorbeeld in \`media/\`) en
   geef elke afbeelding een alt-tekst: wie of wat er te zien is, 60 tot 200 tekens.
4. Controleer: \`npx persklaar lint ${'<map>'}\`. Fouten moeten weg; waarschuwingen zijn voor de
   eindredactie. Namen die de spellingcontrole niet kent, gaan in \`woordenlijst.txt\`.
5. Artikelen die in Word binnenkomen, zet je om met \`npx persklaar import artikel.docx ${'<map>'}\`.
   Geef auteurs \`sjabloon.docx\`: de stijlen daarin (Citaat, Kader, Intro, Bijschrift …) worden
   vanzelf de onderdelen van het blad.
6. Maak het nummer: \`npx persklaar build ${'<map>'}\` schrijft de website, de pdf en de EPUB
   in \`dist/\`.

## Eigen huisstijl

Een bestand \`thema.yaml\` in deze map geeft dit blad een eigen uiterlijk, zonder iets aan
Persklaar te veranderen. Alles is optioneel:

\`\`\`yaml
naam: Mijn Blad                 # naam op het omslag en bovenaan elke webpagina (anders: title)
kleuren:                        # als #rrggbb
  hoofdkleur: "#0d4a57"         # koppen, links, lijnen
  accent: "#a33b1f"             # bovenregels en accentlijnen
  vlak: "#e5eef0"               # achtergrond van kaders
  papier: "#fdfcf8"             # achtergrond van de pagina
  tekst: "#1b2330"              # lopende tekst
  lijn: "#c9cfd4"               # dunne lijnen in tabellen
lettertypen:
  tekst: "Georgia, serif"       # lopende tekst
  koppen: "Arial, sans-serif"   # koppen, bijschriften, tabellen
logo: logo.svg                  # afbeelding in images/, boven de naam op het omslag
\`\`\`

Hoofdkleur, accent en tekst moeten op het papier een contrast van minstens 4,5:1 hebben (WCAG
AA); anders weigert de build het bestand en noemt de regel.
`;
}
