/**
 * EPUB checks: W3C's EPUBCheck (Debian's jar) as a child process, its JSON report parsed and
 * every finding kept. `persklaar check FILE.epub` fails on any error or warning.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const EPUBCHECK_JAR = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';

export interface EpubcheckMessage {
  ID: string;
  severity: 'FATAL' | 'ERROR' | 'WARNING' | 'USAGE' | 'INFO' | 'SUPPRESSED';
  message: string;
  locations: { path: string; line: number; column: number }[];
}

export async function epubcheck(file: string): Promise<{ version: string; messages: EpubcheckMessage[] }> {
  if (!existsSync(EPUBCHECK_JAR)) {
    throw new Error(`EPUBCheck is not installed (${EPUBCHECK_JAR}); install it with \`apt-get install epubcheck\``);
  }
  // Exit status 1 means "messages found": the report is still on stdout.
  const { stdout } = await run('java', ['-jar', EPUBCHECK_JAR, file, '--json', '-'], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => {
    if (typeof error.stdout === 'string' && error.stdout.includes('"messages"')) return { stdout: error.stdout };
    throw error;
  });
  // 4.2.6 prints a line or two of plain text before the JSON document.
  const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
    messages: EpubcheckMessage[];
    checker: { checkerVersion: string };
  };
  return { version: report.checker.checkerVersion, messages: report.messages };
}

const failing = new Set(['FATAL', 'ERROR', 'WARNING']);

export async function runEpubCheck(file: string): Promise<number> {
  const name = path.basename(file);
  const { version, messages } = await epubcheck(file);
  const findings = messages.filter((message) => failing.has(message.severity));
  if (findings.length === 0) {
    process.stdout.write(`${name}: EPUBCheck ${version} passed (no errors, no warnings)\n`);
    return 0;
  }
  process.stdout.write(
    `${name}: EPUBCheck ${version} found ${findings.length} ${findings.length === 1 ? 'problem' : 'problems'}\n`,
  );
  for (const message of findings) {
    const where = message.locations[0];
    process.stdout.write(
      `  ${where ? `${where.path}:${where.line}:${where.column}` : name}  ` +
        `${message.severity.toLowerCase()}  ${message.message}  [${message.ID}]\n`,
    );
  }
  return 1;
}
