/**
 * The two referees of an EPUB: W3C's EPUBCheck (Debian's 4.2.6 jar) and Ace by DAISY (its core
 * and its Puppeteer runner, with the Chromium the project resolves). Both run as child
 * processes; their JSON reports are parsed and every finding is returned, nothing filtered.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { resolveChromium } from '../../scripts/pdf/browser.ts';
import { root } from './fixture.ts';

const run = promisify(execFile);
export { epubcheck, EPUBCHECK_JAR, type EpubcheckMessage } from '../../scripts/check/epubcheck.ts';

export interface AceViolation {
  document: string;
  rule: string;
  impact: string;
  description: string;
}

export async function ace(file: string): Promise<{ outcome: string; violations: AceViolation[] }> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'persklaar-ace-'));
  const script = path.join(root, 'tests/epub/ace-run.ts');
  let report: AceReport;
  try {
    await run(process.execPath, ['--import', 'tsx', script, file, outDir], {
      cwd: root,
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: resolveChromium() },
      maxBuffer: 64 * 1024 * 1024,
    });
    report = JSON.parse(await readFile(path.join(outDir, 'report.json'), 'utf8')) as AceReport;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  const violations = report.assertions.flatMap((subject) =>
    (subject.assertions ?? [])
      .filter((assertion) => assertion['earl:result']['earl:outcome'] === 'fail')
      .map((assertion) => ({
        document: subject['earl:testSubject'].url,
        rule: assertion['earl:test']['dct:title'],
        impact: assertion['earl:test']['earl:impact'],
        description: assertion['earl:result']['dct:description'] ?? '',
      })),
  );
  return { outcome: report['earl:result']['earl:outcome'], violations };
}

interface AceReport {
  'earl:result': { 'earl:outcome': string };
  assertions: {
    'earl:testSubject': { url: string };
    assertions?: {
      'earl:result': { 'earl:outcome': string; 'dct:description'?: string };
      'earl:test': { 'dct:title': string; 'earl:impact': string };
    }[];
  }[];
}
