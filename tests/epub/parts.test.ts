/**
 * The EPUB stage's parts on small inputs: page-map checks, marker placement, build time,
 * the post-processing of the library's zip, token resolution and the sanitiser guard.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { h } from 'hastscript';
import type { Root } from 'hast';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTime } from '../../scripts/epub/build-epub.ts';
import { assembleWithLibrary } from '../../scripts/epub/library.ts';
import { stableUuid } from '../../scripts/epub/metadata.ts';
import { bodyBlocks, insertPageBreaks } from '../../scripts/epub/page-breaks.ts';
import { pageBreaksByArticle, type PageMap } from '../../scripts/epub/page-map.ts';
import { stableEntries } from '../../scripts/epub/post-process.ts';
import { prepareForSanitiser } from '../../scripts/epub/sanitiser.ts';
import { reproducibleZip } from '../../scripts/epub/reproducible-zip.ts';
import { customProperties, resolveVars } from '../../scripts/epub/styles.ts';
import type { Issue } from '../../scripts/issue/load.ts';
import { toXhtml } from '../../scripts/render/serialize.ts';

const issue = (ids: string[], date = '2022-06') =>
  ({ meta: { date }, articles: ids.map((id) => ({ id })) }) as unknown as Issue;

describe('page map → page breaks', () => {
  const blocks = new Map([
    ['a', 10],
    ['b', 4],
  ]);

  it('marks each start page and the later pages with a position', () => {
    const map: PageMap = {
      totalPages: 8,
      articles: [
        {
          id: 'a',
          startPage: 2,
          pages: [
            { page: 3, block: 4, letter: 12 },
            { page: 4, block: 4, letter: 30 },
          ],
        },
        { id: 'b', startPage: 5 },
      ],
    };
    expect(Object.fromEntries(pageBreaksByArticle(issue(['a', 'b']), map, blocks))).toEqual({
      a: [{ page: 2 }, { page: 3, place: { block: 4, letter: 12 } }, { page: 4, place: { block: 4, letter: 30 } }],
      b: [{ page: 5 }],
    });
  });

  it('gives a page shared by two articles to the first', () => {
    const map: PageMap = {
      totalPages: 8,
      articles: [
        { id: 'a', startPage: 2 },
        { id: 'b', startPage: 2 },
      ],
    };
    expect(pageBreaksByArticle(issue(['a', 'b']), map, blocks).get('b')).toEqual([]);
  });

  it('rejects missing articles, pages out of range or order, and positions past the body', () => {
    const map: PageMap = {
      totalPages: 8,
      articles: [
        {
          id: 'a',
          startPage: 9,
          pages: [
            { page: 1, block: 1, letter: 0 },
            { page: 9, block: 11, letter: 0 },
          ],
        },
        { id: 'zz', startPage: 1 },
      ],
    };
    expect(() => pageBreaksByArticle(issue(['a', 'b']), map, blocks)).toThrow(
      /unknown article `zz`[\s\S]*outside 1–8[\s\S]*no start page for article `b`/,
    );
    const tooFar: PageMap = {
      totalPages: 8,
      articles: [
        { id: 'a', startPage: 1, pages: [{ page: 2, block: 11, letter: 0 }] },
        { id: 'b', startPage: 5 },
      ],
    };
    expect(() => pageBreaksByArticle(issue(['a', 'b']), tooFar, blocks)).toThrow(/the body has 10 blocks/);
  });

  const marked = (children: Root['children'], breaks: Parameters<typeof insertPageBreaks>[1]) => {
    const body: Root = { type: 'root', children };
    insertPageBreaks(body, breaks);
    return toXhtml(body).replace(/ epub:type="pagebreak" role="doc-pagebreak" id="page-(\d+)" aria-label="\1"/g, '#$1');
  };

  it('puts a marker at the place in the text where its page begins, counted in letters', () => {
    const children = [h('p', 'een'), { type: 'text' as const, value: '\n' }, h('p', 'twee woorden'), h('p', 'drie')];
    expect(bodyBlocks({ type: 'root', children })).toHaveLength(3);
    expect(
      marked(children, [
        { page: 4 },
        { page: 5, place: { block: 1, letter: 4 } },
        { page: 6, place: { block: 2, letter: 0 } },
      ]),
    ).toBe('<p>een</p>\n<p>twee <span#5></span>woorden</p><p><span#6></span>drie</p>');
  });

  it('never splits a word (a word hyphenated across pages goes to the next page), nor quotes from their word', () => {
    expect(marked([h('p', 'verantwoordelijk en “klaar”')], [{ page: 2, place: { block: 0, letter: 6 } }])).toBe(
      '<p>verantwoordelijk <span#2></span>en “klaar”</p>',
    );
    expect(marked([h('p', 'verantwoordelijk en “klaar”')], [{ page: 2, place: { block: 0, letter: 18 } }])).toBe(
      '<p>verantwoordelijk en <span#2></span>“klaar”</p>',
    );
  });

  it('never lands inside a heading’s or a link’s text: before it at its start, after it otherwise', () => {
    const heading = () => [h('h2', 'Een kop'), h('p', ['Zie ', h('a', { href: '#x' }, 'de tweede kop'), ' hier.'])];
    expect(marked(heading(), [{ page: 2, place: { block: 0, letter: 0 } }])).toMatch(/^<span#2><\/span><h2>/);
    expect(marked(heading(), [{ page: 2, place: { block: 0, letter: 3 } }])).toMatch(/^<h2>Een kop<\/h2><span#2>/);
    expect(marked(heading(), [{ page: 2, place: { block: 1, letter: 5 } }])).toBe(
      '<h2>Een kop</h2><p>Zie <a href="#x">de tweede kop</a><span#2></span> hier.</p>',
    );
  });

  it('keeps pages in order when two share a place, and several places in one text', () => {
    expect(
      marked(
        [h('p', 'een twee drie vier')],
        [
          { page: 2, place: { block: 0, letter: 3 } },
          { page: 3, place: { block: 0, letter: 3 } },
          { page: 4, place: { block: 0, letter: 11 } },
        ],
      ),
    ).toBe('<p>een <span#2></span><span#3></span>twee drie <span#4></span>vier</p>');
  });
});

describe('build time', () => {
  const saved = process.env.SOURCE_DATE_EPOCH;
  afterEach(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });

  it('is the option, else $SOURCE_DATE_EPOCH, else the issue date', () => {
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    expect(buildTime(issue([]), 1654041600).toISOString()).toBe('2022-06-01T00:00:00.000Z');
    expect(buildTime(issue([])).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    delete process.env.SOURCE_DATE_EPOCH;
    expect(buildTime(issue([], '2024-03-15')).toISOString()).toBe('2024-03-15T00:00:00.000Z');
  });

  it('gives the same identifier for the same issue', () => {
    expect(stableUuid('persklaar:wendbaar-06:2022-06')).toBe(stableUuid('persklaar:wendbaar-06:2022-06'));
    expect(stableUuid('persklaar:wendbaar-06:2022-06')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('post-processing the library zip', () => {
  it('names images after their variant file, everywhere, and puts back empty alts', async () => {
    const zip = new JSZip();
    zip.file('mimetype', 'application/epub+zip');
    zip.folder('OEBPS');
    zip.file('OEBPS/images/1b4e28ba-2fa1-41d2-883f-0016d3cca427.jpeg', new Uint8Array([1, 2, 3]));
    zip.file('OEBPS/a.xhtml', '<img src="images/1b4e28ba-2fa1-41d2-883f-0016d3cca427.jpeg" alt="image-placeholder"/>');
    zip.file('OEBPS/content.opf', '<item href="images/1b4e28ba-2fa1-41d2-883f-0016d3cca427.jpeg"/>');
    const url = pathToFileURL(path.resolve('/tmp/out/epub/erik-pool-0123abcd-1280.jpg')).href;
    const entries = await stableEntries(zip, [
      { url, id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', extension: 'jpeg', mediaType: 'image/jpeg' },
    ]);
    const byName = new Map(entries.map((entry) => [entry.name, new TextDecoder().decode(entry.data)]));
    expect([...byName.keys()].sort()).toEqual([
      'OEBPS/a.xhtml',
      'OEBPS/content.opf',
      'OEBPS/images/erik-pool-0123abcd-1280.jpg',
      'mimetype',
    ]);
    expect(byName.get('OEBPS/a.xhtml')).toBe('<img src="images/erik-pool-0123abcd-1280.jpg" alt=""/>');
    expect(byName.get('OEBPS/content.opf')).toBe('<item href="images/erik-pool-0123abcd-1280.jpg"/>');
  });

  it('zips the same entries to the same bytes, mimetype first, whatever their order', async () => {
    const entry = (name: string, text: string) => ({ name, data: new TextEncoder().encode(text) });
    const time = new Date('2022-06-01T00:00:01Z');
    const one = await reproducibleZip(
      [entry('b.txt', 'b'), entry('mimetype', 'application/epub+zip'), entry('a.txt', 'a')],
      time,
    );
    const two = await reproducibleZip(
      [entry('a.txt', 'a'), entry('b.txt', 'b'), entry('mimetype', 'application/epub+zip')],
      time,
    );
    expect(one.equals(two)).toBe(true);
    expect(Object.keys((await JSZip.loadAsync(one)).files)).toEqual(['mimetype', 'a.txt', 'b.txt']);
  });

  it('writes each entry as JSZip does, and again so after an entry changed', async () => {
    const time = new Date('2022-06-01T10:20:31Z');
    const text = (name: string, value: string) => ({ name, data: new TextEncoder().encode(value) });
    const prose = 'Een alinea die vaak terugkomt. '.repeat(200);
    const entries = [
      text('mimetype', 'application/epub+zip'),
      text('OEBPS/hoofdstuk.xhtml', `<p>${prose}</p>`),
      text('OEBPS/één.css', 'p { margin: 0; }'),
      text('OEBPS/leeg.xml', ''),
      { name: 'OEBPS/images/foto.jpg', data: Uint8Array.from({ length: 5000 }, (_, index) => (index * 7919) % 251) },
    ];
    const byJSZip = (files: typeof entries) => {
      const zip = new JSZip();
      for (const entry of [files[0]!, ...files.slice(1).sort((x, y) => (x.name < y.name ? -1 : 1))])
        zip.file(entry.name, entry.data, {
          compression: /mimetype|\.jpg$/.test(entry.name) ? 'STORE' : 'DEFLATE',
          date: new Date('2022-06-01T10:20:30Z'),
          createFolders: false,
        });
      return zip.generateAsync({ type: 'nodebuffer', platform: 'DOS', compressionOptions: { level: 9 } });
    };
    expect((await reproducibleZip(entries, time)).equals(await byJSZip(entries))).toBe(true);
    // The second pack takes the unchanged entries as the first deflated them.
    const edited = entries.map((entry) =>
      entry.name.endsWith('.xhtml') ? text(entry.name, `<p>${prose}!</p>`) : entry,
    );
    const again = await reproducibleZip(edited, time);
    expect(again.equals(await byJSZip(edited))).toBe(true);
    const read = await JSZip.loadAsync(again, { checkCRC32: true });
    expect(await read.file('OEBPS/hoofdstuk.xhtml')!.async('string')).toBe(`<p>${prose}!</p>`);
    expect(await read.file('OEBPS/één.css')!.async('string')).toBe('p { margin: 0; }');
  });
});

describe('styles', () => {
  it('resolves tokens to values, fallbacks included, and refuses unknown ones', () => {
    const values = customProperties(':root { --ink: #1b2330; /* note */ --rule: var(--ink); }');
    expect(resolveVars('p { color: var(--ink); border-color: var(--rule); margin: var(--gap, 1em); }', values)).toBe(
      'p { color: #1b2330; border-color: #1b2330; margin: 1em; }',
    );
    expect(() => resolveVars('p { color: var(--nope); }', values)).toThrow(/--nope/);
  });
});

describe('through the library sanitiser', () => {
  const options = { title: 'Proef', lang: 'nl', version: 3 };

  it('keeps list starts, header scopes, column alignment and empty alts', async () => {
    const photo = pathToFileURL(path.resolve(import.meta.dirname, '../fixtures/mini/images/portret.jpg')).href;
    const tree: Root = {
      type: 'root',
      children: [
        h('ol.steps', { start: 3 }, [h('li', 'drie')]),
        h('table', [h('tr', [h('th', { scope: 'col', align: 'right' }, 'Jaar')])]),
        h('img', { src: photo, alt: '', dataPlacement: 'column' }),
      ],
    };
    prepareForSanitiser(tree);
    const chapter = {
      title: 'Lijst',
      filename: 'lijst.xhtml',
      content: toXhtml(tree),
      manifestId: 'c1',
      bodyClass: '',
    };
    const { zip, images } = await assembleWithLibrary(options, [chapter]);
    const entries = await stableEntries(zip, images);
    const xhtml = new TextDecoder().decode(entries.find((entry) => entry.name === 'OEBPS/lijst.xhtml')!.data);
    expect(xhtml).toContain('<ol class="steps" start="3"><li>drie</li></ol>');
    expect(xhtml).toContain('<th style="text-align: right" scope="col">Jaar</th>');
    expect(xhtml).toContain('<img src="images/portret.jpg" alt=""/>');
  });

  it('fails the build when epub-gen-memory would strip anything else', async () => {
    const chapter = {
      title: 'Datum',
      filename: 'datum.xhtml',
      content: '<p><time datetime="2022-06">juni</time></p>',
      manifestId: 'c1',
      bodyClass: '',
    };
    await expect(assembleWithLibrary(options, [chapter])).rejects.toThrow(/attribute datetime isn't allowed/);
  });
});
