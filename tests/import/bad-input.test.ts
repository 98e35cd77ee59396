/**
 * What `persklaar import` refuses: each kind of file that is no article to take in ends with
 * exit 1, a message at the file's name that says what it is, the issue folder exactly as it was
 * and the file itself untouched. The files are made by real generators: the `docx` package,
 * jszip (which Word's format is), and cfb for the OLE compound files of old Office.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import CFB from 'cfb';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashesOf, snapshot, tempDir } from '../hostile/helpers.ts';
import * as d from './documents.ts';
import { importInto, newIssue } from './issue.ts';

let issue: string;
let folder: string;
let good: Buffer;

beforeAll(async () => {
  issue = await newIssue();
  folder = tempDir('persklaar-bad-docx-');
  good = await d.wordDocument({
    children: [
      d.title('Een goed artikel'),
      d.paragraph(d.picture(await d.photo(7), 'jpg', { description: 'Een proeffoto' })),
    ],
  });
});

function write(name: string, bytes: Buffer | Uint8Array): string {
  const file = path.join(folder, name);
  writeFileSync(file, bytes);
  return file;
}

/** `good` with some parts replaced or added. */
async function changed(parts: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(good);
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function compoundFile(streams: Record<string, Buffer>): Buffer {
  const file = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(file, `/${name}`, content);
  return Buffer.from(CFB.write(file, { type: 'buffer' }) as Uint8Array);
}

/** Imports `file` and expects a refusal that names it and says `reason`, with nothing changed. */
async function expectRefused(file: string, reason: RegExp): Promise<void> {
  const before = hashesOf(snapshot(issue));
  const source = existsSync(file) ? readFileSync(file) : undefined;
  const result = await importInto(issue, file);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain(file);
  expect(result.stderr.replace(/\s+/g, ' ')).toMatch(reason);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(result.status).toBe(1);
  expect(hashesOf(snapshot(issue))).toEqual(before);
  if (source) expect(readFileSync(file).equals(source)).toBe(true);
}

describe('persklaar import refuses what is no article, at its name, changing nothing', () => {
  it('an old Word 97–2003 document (.doc)', async () => {
    const file = write('oud.doc', compoundFile({ WordDocument: Buffer.alloc(4096, 1), '1Table': Buffer.alloc(512) }));
    await expectRefused(
      file,
      /old Word 97–2003 document \(\.doc\), not a \.docx: open it in Word and save it as \.docx/,
    );
  });

  it('a password-protected document', async () => {
    const file = write(
      'beveiligd.docx',
      compoundFile({ EncryptionInfo: Buffer.alloc(256, 4), EncryptedPackage: Buffer.alloc(8192, 9) }),
    );
    await expectRefused(file, /protected with a password: ask the author for a copy without one/);
  });

  it('a damaged zip (a .docx cut off halfway)', async () => {
    const file = write('afgebroken.docx', good.subarray(0, Math.floor(good.length / 2)));
    await expectRefused(file, /damaged zip package/);
  });

  it('a zip bomb (a part that inflates a thousandfold)', async () => {
    const bomb = await changed({ 'word/media/leeg.bin': Buffer.alloc(16 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const file = write('bom.docx', bomb);
    await expectRefused(file, /zip bomb: its part word\/media\/leeg\.bin inflates \d+ times \(16 MB\)/);
  });

  it('a macro-enabled document (.docm)', async () => {
    const zip = await JSZip.loadAsync(good);
    const types = (await zip.file('[Content_Types].xml')!.async('string')).replace(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      'application/vnd.ms-word.document.macroEnabled.main+xml',
    );
    const file = write(
      'macro.docm',
      await changed({ '[Content_Types].xml': types, 'word/vbaProject.bin': Buffer.alloc(2048, 3) }),
    );
    await expectRefused(file, /holds macros \(\.docm\): save it from Word as a plain \.docx, without macros/);
  });

  it('a picture linked from outside the file', async () => {
    const zip = await JSZip.loadAsync(good);
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const linked = rels.replace(
      /(<Relationship [^>]*Type="[^"]*\/image"[^>]*?)Target="[^"]*"/,
      '$1Target="https://example.org/foto.jpg" TargetMode="External"',
    );
    expect(linked).not.toBe(rels);
    const file = write('gelinkt.docx', await changed({ 'word/_rels/document.xml.rels': linked }));
    await expectRefused(
      file,
      /picture in this document is linked from outside the file \(https:\/\/example\.org\/foto\.jpg\)/,
    );
  });

  it('a zip that holds no Word document', async () => {
    const zip = new JSZip();
    zip.file('notities.txt', 'Geen Word-document.');
    const file = write('archief.docx', await zip.generateAsync({ type: 'nodebuffer' }));
    await expectRefused(file, /this zip file is not a Word document: it has no word\/document\.xml/);
  });

  it('a text file, a PDF and an empty file named .docx', async () => {
    await expectRefused(
      write('tekst.docx', Buffer.from('Gewoon een tekst.\n')),
      /not a Word document \(\.docx\): a \.docx is a zip package/,
    );
    await expectRefused(
      write('stuk.docx', Buffer.from('%PDF-1.7\n%\xe2\xe3\n', 'latin1')),
      /this is a PDF, not a \.docx/,
    );
    await expectRefused(write('leeg.docx', Buffer.alloc(0)), /the file is empty/);
  });

  it('a file that is not there', async () => {
    await expectRefused(path.join(folder, 'bestaat-niet.docx'), /no such file/);
  });
});

describe('persklaar import and what is already in the issue', () => {
  it('refuses to overwrite an article or picture unless --force, and lists an article once', async () => {
    const file = write('dubbel.docx', good);
    const first = await importInto(issue, file);
    expect(first.status, first.stderr).toBe(0);
    const before = hashesOf(snapshot(issue));

    const again = await importInto(issue, file);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(path.join(issue, 'dubbel.md'));
    expect(again.stderr).toContain(path.join(issue, 'images', 'dubbel-1.jpg'));
    expect(again.stderr).toMatch(/already exists: the import does not overwrite it/);
    expect(hashesOf(snapshot(issue))).toEqual(before);

    const forced = await importInto(issue, file, '--force');
    expect(forced.status, forced.stderr).toBe(0);
    const yaml = readFileSync(path.join(issue, 'issue.yaml'), 'utf8');
    expect(yaml.match(/^ {2}- dubbel\.md$/gm)).toHaveLength(1);

    const renamed = await importInto(issue, file, '--name', 'Tweede Versie');
    expect(renamed.status, renamed.stderr).toBe(0);
    expect(readFileSync(path.join(issue, 'tweede-versie.md'), 'utf8')).toContain(
      '![Een proeffoto](tweede-versie-1.jpg)',
    );
  });
});
