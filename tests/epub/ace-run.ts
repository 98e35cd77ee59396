/**
 * Runs Ace by DAISY on one EPUB through its core API and its Puppeteer runner, and leaves
 * report.json in the given folder: `node --import tsx ace-run.ts <file.epub> <outdir>`.
 *
 * A process of its own because the runner launches Chromium with the `puppeteer` package,
 * which reads PUPPETEER_EXECUTABLE_PATH once, when it is first loaded: the caller sets it
 * to the Chromium the project resolves, and no other code in this process loads Puppeteer
 * first with another answer.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

interface AxeRunner {
  launch(): Promise<void>;
  close(): Promise<void>;
}
interface Winston {
  configure(options: { level: string; transports: unknown[] }): void;
  transports: { Console: new (options: { stderrLevels: string[] }) => unknown };
}
type AceCore = (
  epub: string,
  options: { cwd: string; outdir: string; jobid: string; silent: boolean },
  runner: AxeRunner,
) => Promise<[string, unknown]>;

const [file, outdir] = process.argv.slice(2);
if (!file || !outdir) throw new Error('usage: ace-run.ts <file.epub> <outdir>');
if (!process.env.PUPPETEER_EXECUTABLE_PATH) throw new Error('ace-run.ts: PUPPETEER_EXECUTABLE_PATH is not set');
// Ace only logs a missing file and rejects with an empty job id; say which file instead.
if (!existsSync(file)) throw new Error(`ace-run.ts: ${file} does not exist`);

const require = createRequire(import.meta.url);
const ace = require('@daisy/ace-core') as AceCore;
const runner = require('@daisy/ace-axe-runner-puppeteer') as AxeRunner;
// Ace logs through the winston its core loads; without a transport every line becomes a
// complaint on stderr. Warnings and errors still go there, where the caller's failure shows them.
const winston = createRequire(require.resolve('@daisy/ace-core'))('winston') as Winston;
winston.configure({ level: 'warn', transports: [new winston.transports.Console({ stderrLevels: ['error', 'warn'] })] });

try {
  // Ace launches and closes the runner's browser itself, around its checks of the spine.
  await ace(path.resolve(file), { cwd: process.cwd(), outdir: path.resolve(outdir), jobid: '', silent: true }, runner);
} catch (error) {
  // Ace rejects with an Error, or with only the job id; neither may pass for a clean run.
  throw error instanceof Error ? error : new Error(`Ace by DAISY failed on ${file} (${String(error)})`);
}
