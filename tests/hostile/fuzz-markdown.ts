/**
 * Random manuscripts from a grammar of what editors write (and get wrong): headings, lists,
 * quotes, emphasis, links and images (good, broken, hostile), our directives (known, unknown,
 * unbalanced), raw HTML, tables, code, footnotes, unicode that is hard to render (right-to-left,
 * combining marks, zero-width and control characters), and front matter that is sometimes
 * broken. Seeded: the same seed always writes the same article.
 */

import { mulberry32 as prng } from '../../scripts/util/prng.ts';

/** Image names and HTML that fail the build (a missing or outside photo): used in half the seeds. */
const fatal = /weg\.jpg|\.\.\/|\/etc\/|example\.org\/foto|PORTRET|data:image|\?x=1|^$/;

export class Grammar {
  private readonly random: () => number;
  /** Whether this article may hold errors that stop the build (else it should build). */
  readonly mayFail: boolean;
  private readonly images: readonly string[];
  private readonly inlineHtml: readonly string[];
  private readonly blockHtml: readonly string[];

  /** `mayFail`: whether the article may hold build errors; by default, decided by the seed (half of them). */
  constructor(seed: number, options: { mayFail?: boolean } = {}) {
    this.random = prng(seed);
    const coin = this.chance(0.5);
    this.mayFail = options.mayFail ?? coin;
    const allowed = (items: readonly string[]) => (this.mayFail ? items : items.filter((item) => !fatal.test(item)));
    this.images = allowed(imageTargets);
    this.inlineHtml = allowed(inlineHtml);
    this.blockHtml = allowed(blockHtml);
  }

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  chance(probability: number): boolean {
    return this.random() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  times(max: number, make: () => string, separator = ''): string {
    return Array.from({ length: 1 + this.int(max) }, make).join(separator);
  }

  word(): string {
    if (this.chance(0.12)) return this.pick(strangeText);
    return this.pick(words);
  }

  words(max = 12): string {
    return this.times(max, () => this.word(), ' ');
  }

  inline(depth = 0): string {
    const options: (() => string)[] = [
      () => this.words(),
      () => `*${this.words(4)}*`,
      () => `**${this.words(4)}**`,
      () => `\`${this.words(3)}\``,
      () => `[${this.words(3)}](${this.pick(linkTargets)})`,
      () => `![${this.words(6)}](${this.pick(this.images)})`,
      () => `[${this.words(2)}][${this.pick(['ref', 'ontbreekt', 'Ref'])}]`,
      () => `<${this.pick(['https://www.rijksoverheid.nl', 'mailto:redactie@voorbeeld.nl', 'javascript:alert(1)'])}>`,
      () => this.pick(this.inlineHtml),
      () => `:spreker[${this.words(1)}]`,
      () =>
        `:${this.pick(['onbekend', 'spreker', 'x'])}[${this.words(2)}` +
        `]{${this.pick(['a=b', 'wie="x"', '#id .klas', ''])}}`,
      () => `[^${this.pick(['1', '2', 'noot'])}]`,
      () => `${this.words(3)}  \n${this.words(3)}`,
      () => this.pick(['*', '**', '_', '[', ']', '](', '<', '>', '`', '\\', '&amp;', '&#0;', '&nbsp;', '<!--', '-->']),
    ];
    const parts = this.times(5, () => this.pick(options)(), ' ');
    return depth < 3 && this.chance(0.1) ? `*${parts} ${this.inline(depth + 1)}*` : parts;
  }

  block(depth = 0): string {
    const nested = depth < 4;
    const options: (() => string)[] = [
      () => this.inline(),
      () => this.inline(),
      () => `${'#'.repeat(1 + this.int(6))} ${this.inline()}`,
      () => this.list(depth),
      () => (nested ? this.quote(depth) : this.inline()),
      () => (nested ? this.directive(depth) : this.inline()),
      () => this.pick(this.blockHtml),
      () => (nested ? `<div>\n\n${this.block(depth + 1)}\n\n</div>` : this.inline()),
      () => this.table(),
      () =>
        `\`\`\`${this.pick(['', 'js', 'html', 'yaml'])}\n${this.words()}\n` +
        `${this.pick(['<script>alert(1)</script>', '---', ':::'])}\n${this.chance(0.8) ? '```' : ''}`,
      () => `    ${this.words()}\n    ${this.words()}`,
      () => this.pick(['---', '***', '___', '+++']),
      () => `[ref]: ${this.pick(linkTargets)}${this.chance(0.3) ? ' "titel"' : ''}`,
      () => `[^${this.pick(['1', '2', 'noot'])}]: ${this.inline()}`,
      () => `<${this.pick(['https://www.rijksoverheid.nl/a', 'x'])}>`,
    ];
    return this.pick(options)();
  }

  list(depth: number): string {
    const ordered = this.chance(0.4);
    const indent = '  '.repeat(depth);
    return this.times(
      4,
      () => {
        const marker = ordered ? `${1 + this.int(20)}${this.pick(['.', ')'])}` : this.pick(['-', '*', '+']);
        const task = this.chance(0.2) ? `[${this.pick([' ', 'x', 'X'])}] ` : '';
        const item = `${indent}${marker} ${task}${this.inline()}`;
        return depth < 5 && this.chance(0.25) ? `${item}\n${this.list(depth + 1)}` : item;
      },
      '\n',
    );
  }

  quote(depth: number): string {
    return this.block(depth + 1)
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
  }

  directive(depth: number): string {
    const fence = ':'.repeat(3 + this.int(3));
    const name = this.pick(['citaat', 'kader', 'meer-info', 'figuur', 'figuur', 'onbekend', 'kadr']);
    const label = this.chance(0.5) ? `[${this.inline()}]` : '';
    const attributes = this.pick([
      '',
      '{wie="Sara Smit"}',
      '{plaatsing="breed"}',
      '{plaatsing="portret" fotograaf="Anna"}',
      '{plaatsing="raar"}',
      '{wie=}',
      '{#id .klas key="waarde"}',
    ]);
    const figureImage =
      name === 'figuur' && this.chance(0.8) ? `![${this.words(8)}](${this.pick(this.images)})\n\n` : '';
    const body = this.times(3, () => this.block(depth + 1), '\n\n');
    // Sometimes the closing fence is missing: the container runs to the end of the article.
    const close = this.chance(0.85) ? `\n${fence}` : '';
    return `${fence}${name}${label}${attributes}\n${figureImage}${body}${close}`;
  }

  table(): string {
    const columns = 1 + this.int(4);
    const row = (cells: number) =>
      `| ${Array.from({ length: cells }, () => this.inline().replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
    const align = `|${Array.from({ length: columns }, () => this.pick([' - ', ':-', '-:', ':-:'])).join('|')}|`;
    return [row(columns), align, ...Array.from({ length: this.int(4) }, () => row(1 + this.int(columns + 1)))].join(
      '\n',
    );
  }

  frontMatter(): string {
    if (this.mayFail && this.chance(0.1)) return '';
    if (this.mayFail && this.chance(0.15)) return this.pick(brokenFrontMatter);
    const kind = this.pick(['feature', 'interview', 'foreword', 'tips', 'colophon']);
    const title = JSON.stringify(this.words(6));
    return (
      `---\ntitle: ${title}\nkind: ${kind}\n` +
      `${this.chance(0.5) ? `lead: ${JSON.stringify(this.words())}\n` : ''}---\n\n`
    );
  }

  article(blocks = 30): string {
    const body = Array.from({ length: 5 + this.int(blocks) }, () => this.block()).join(
      this.pick(['\n\n', '\n\n', '\n', '\r\n\r\n']),
    );
    return `${this.chance(0.1) ? '\uFEFF' : ''}${this.frontMatter()}${body}\n`;
  }
}

const words = [
  'het',
  'gesprek',
  'vakmanschap',
  'collega',
  'ambtenaar',
  'beleid',
  'luisteren',
  'tegenspraak',
  'Justitie',
  'Veiligheid',
  'Wendbaar',
  'organisatie',
  'vertrouwen',
  'werk',
  'samen',
  'verder',
  'dan',
  'alleen',
  'vraag',
  'antwoord',
  '2022',
  '10:30',
];

/** Text that is hard for renderers, hyphenators, fonts and serialisers. */
const strangeText = [
  'مرحبا بالعالم',
  'שלום עולם',
  'e\u0301e\u0301\u0301\u0301\u0301',
  'Z\u0351\u0352\u0353\u0354a\u0300\u0301l\u0302g\u0303o',
  '\u202Egnirts desrever\u202C',
  'zero\u200Bwidth\u200D\u2060',
  'nbsp\u00A0hier',
  'soft\u00ADhyphen',
  '😀👩‍👩‍👧‍👦🇳🇱',
  '\uFEFFbom',
  'nul\u0000teken',
  'tab\tteken',
  'bel\u0007',
  '&lt;script&gt;',
  '"quotes" \'and\' `ticks`',
  '\\',
  'a'.repeat(300),
  'ﬁ ligatuur',
  '𝕄𝕒𝕥𝕙',
  '\uD800\uDC00',
  '\u0085nel',
  '\u2028\u2029',
];

const linkTargets = [
  'https://www.rijksoverheid.nl',
  'gesprek.md#de-eerste-vraag',
  'gesprek.md',
  'voorwoord.md#nergens',
  'ontbreekt.md',
  '#',
  '',
  '#kop',
  '../../etc/passwd',
  '/etc/passwd',
  '//server/pad',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'data:text/html,<b>x</b>',
  'mailto:',
  'https://example.com',
  'TODO',
  'gesprek.html',
  'index.html',
  'images/portret.jpg',
  'http://[::1',
  '%zz',
  'a b',
  '<iets>',
];

const imageTargets = [
  'portret.jpg',
  'portret.jpg',
  'omslag.jpg',
  'weg.jpg',
  '../../etc/passwd',
  '/etc/hostname',
  'https://example.org/foto.jpg',
  '',
  'images/portret.jpg',
  'PORTRET.JPG',
  'portret.jpg?x=1',
  'data:image/png;base64,iVBORw0KGgo=',
];

const inlineHtml = [
  '<b>vet</b>',
  '<sup>2</sup>',
  '<abbr title="Justitie en Veiligheid">JenV</abbr>',
  '<span onclick="x()">klik</span>',
  '<br>',
  '<b>open',
  '</i>',
  '<img src="portret.jpg" alt="Twee collega’s aan tafel">',
  '<img src="https://example.org/x.gif" alt="">',
  '<img src=weg.jpg>',
  '<a href="javascript:alert(1)">js</a>',
  '<a href="../../geheim">uit</a>',
  '<script>alert(1)</script>',
  '<!-- opmerking -->',
  '<x-onbekend>',
  '<textarea>',
  '<iframe src="https://example.org">',
  '<a name="anker" id="inhoud">anker</a>',
  '<h1 id="artikel-titel">tweede h1</h1>',
];

const blockHtml = [
  '<div class="x" style="color:red">\nblok\n</div>',
  '<details open><summary>Meer</summary>\n\nMarkdown *hier*.\n\n</details>',
  '<table><tr><td colspan="2" width="5">cel</td></tr></table>',
  '<script>\nalert(1)\n</script>',
  '<style>p{background:url(https://example.org/a.png)}</style>',
  '<iframe src="https://example.org/embed"></iframe>',
  '<object data="x.swf"></object>',
  '<svg><script>alert(1)</script><circle r="5"/></svg>',
  '<div>\n\n<div>\n\nnooit gesloten',
  '</div></div></div>',
  '<template><img src="weg.jpg"></template>',
  '<noscript><img src="weg.jpg"></noscript>',
  '<ol start="x" reversed><li>een</li></ol>',
  '<ol start="3"><li>drie</li></ol>',
  '<p id="de-eerste-vraag">dubbel id</p>',
  '<math><mi>x</mi></math>',
  '<figure><img src="portret.jpg" alt="Twee collega’s"><figcaption>Onderschrift</figcaption></figure>',
  '<plaintext>',
  '<form action="https://example.org"><input name="x"></form>',
];

const brokenFrontMatter = [
  '---\ntitle: "nooit gesloten\n---\n\n',
  '---\ntitle: [a, b\n---\n\n',
  '---\nkind: vraaggesprek\ntitle: x\n---\n\n',
  '---\n\ttitle: tab\n---\n\n',
  '---\ntitel: verkeerd\n---\n\n',
  '---\n- lijst\n---\n\n',
  '---\ntitle: x\ntitle: y\n---\n\n',
  '---\ntitle: &a x\nlead: *b\n---\n\n',
  '---\n---\n\n',
];
