/**
 * What `persklaar check FILE.pdf` will run: exit codes and the terminal report.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatCheckReport, runCheck } from '../../scripts/check/pdf-ua.ts';
import { finishPdf } from '../../scripts/pdf/finish/index.ts';
import { build, type Built } from '../helpers/tagged-doc.ts';

describe('persklaar check FILE.pdf', () => {
  let dir: string;
  let output: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'persklaar-check-'));
    let para!: ReturnType<Built['elem']>;
    const raw = await build(
      '/P <</MCID 0>> BDC 0 0 5 5 re f EMC 0 10 5 5 re f',
      () => [0, [para]],
      (t) => {
        para = t.elem('P', t.document, { Pg: t.pageRef, K: 0 });
        t.setKids(t.document, [para]);
      },
    );
    writeFileSync(path.join(dir, 'raw.pdf'), raw);
    writeFileSync(
      path.join(dir, 'clean.pdf'),
      await finishPdf(raw, { title: 'Proef', language: 'nl', creators: ['Redactie'] }),
    );
    writeFileSync(path.join(dir, 'notes.txt'), 'not a pdf');
    writeFileSync(path.join(dir, 'fake.pdf'), 'not a pdf either');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const capture = () => {
    output = '';
    const grab = (chunk: string | Uint8Array): boolean => {
      output += String(chunk);
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(grab);
    vi.spyOn(process.stderr, 'write').mockImplementation(grab);
  };
  afterEach(() => vi.restoreAllMocks());

  it('exits 0 and says so for a clean file', async () => {
    capture();
    expect(await runCheck(path.join(dir, 'clean.pdf'))).toBe(0);
    expect(output).toBe('clean.pdf: PDF/UA preflight passed (no failures)\n');
  });

  it('exits 1 and lists failures by page with their checkpoints', async () => {
    capture();
    expect(await runCheck(path.join(dir, 'raw.pdf'))).toBe(1);
    expect(output).toMatch(/^raw\.pdf: PDF\/UA preflight found \d+ failures\n/);
    expect(output).toContain('  document: no PDF/UA identification (pdfuaid:part) in XMP metadata  [06-002 · XMP]');
    expect(output).toContain('  page 1: path fill (a border, background or rule) outside tagged content');
    expect(output).toMatch(/checkpoints: .*01-005.*06-002/);
  });

  it('exits 2 with a clear message for files it does not handle or cannot read', async () => {
    capture();
    expect(await runCheck(path.join(dir, 'notes.txt'))).toBe(2);
    expect(output).toContain('only .pdf files are handled here');
    capture();
    expect(await runCheck(path.join(dir, 'missing.pdf'))).toBe(2);
    expect(output).toContain('no such file');
    capture();
    expect(await runCheck(path.join(dir, 'fake.pdf'))).toBe(2);
    expect(output).toContain('is not a PDF');
  });

  it('formats a single failure without a plural', () => {
    const text = formatCheckReport(
      {
        failures: [
          {
            checkpoint: '13-004',
            page: 4,
            element: 'Figure',
            message: 'Figure has no alternative text (Alt or ActualText)',
          },
        ],
      },
      'x.pdf',
    );
    expect(text).toBe(
      'x.pdf: PDF/UA preflight found 1 failure\n  page 4: Figure has no alternative ' +
        'text (Alt or ActualText)  [13-004 · Figure]\n  checkpoints: 13-004\n',
    );
  });
});
