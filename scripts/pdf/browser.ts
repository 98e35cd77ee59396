/**
 * Which Chromium renders: `PUPPETEER_EXECUTABLE_PATH`, else Puppeteer's own download, else the
 * system's. Of the system's, the headless shell (Debian's `chromium-headless-shell`: the same
 * Blink and printing code without the browser around it, which is what Puppeteer's own headless
 * mode runs) comes first: measured here it prints this issue in half the time and two thirds
 * of the memory of the full `chromium`. The flags keep it quiet, working as root, and off the
 * network.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { UsageError } from '../util/errors.ts';
import { preparePrintPage, printTimeoutMs } from './print.ts';

// Debian's /usr/bin/chromium-headless-shell is a shell script that does not exec: the binary
// itself is named, so that the process Puppeteer holds is the browser (a hung print is killed).
const systemCandidates = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  // No network, whatever might slip past the print's request interception: every connection
  // goes to a proxy that does not exist (loopback included) and no host name resolves.
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

export function resolveChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new UsageError(`PUPPETEER_EXECUTABLE_PATH points at ${fromEnv}, which does not exist`);
  }
  const bundled = bundledChromium();
  if (bundled) return bundled;
  const system = systemCandidates.find((candidate) => existsSync(candidate));
  if (system) return system;
  throw new UsageError(
    'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium-headless-shell`, ' +
      'or `chromium`), ' +
      'or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary.',
  );
}

/** Puppeteer's own download, if one was made: its headless shell first, then its Chrome. */
function bundledChromium(): string | undefined {
  for (const options of [{ headless: 'shell' as const }, {}]) {
    try {
      const candidate = puppeteer.executablePath(options);
      if (candidate && existsSync(candidate)) return candidate;
    } catch {
      // Not downloaded (the usual case here: downloads are skipped).
    }
  }
  return undefined;
}

export async function launchChromium(): Promise<Browser> {
  // Puppeteer gives up on any single protocol call after three minutes by default; a print
  // may take as long as its deadline (`PERSKLAAR_PRINT_TIMEOUT`), which decides instead.
  const executablePath = resolveChromium();
  return puppeteer.launch({
    executablePath,
    headless: isHeadlessShell(executablePath) ? 'shell' : true,
    args: chromiumArgs,
    protocolTimeout: Math.max(180_000, printTimeoutMs() + 60_000),
  });
}

/** A browser with the page for its first print already open (see `preparePrintPage`). */
export async function launchForPrint(): Promise<Browser> {
  const browser = await launchChromium();
  preparePrintPage(browser);
  return browser;
}

/** The headless shell takes the plain `--headless` switch, not the full browser's `--headless=new`. */
export function isHeadlessShell(executable: string): boolean {
  return /headless[-_]shell/i.test(path.basename(executable));
}
