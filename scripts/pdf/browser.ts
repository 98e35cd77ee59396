/**
 * Which Chromium renders: `PUPPETEER_EXECUTABLE_PATH`, else Puppeteer's own download, else the
 * system's (Debian's `chromium`). The flags keep it quiet, working as root, and off the network.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer';
import { UsageError } from '../util/errors.ts';
import { printTimeoutMs } from './print.ts';

const systemCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

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
    'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`), ' +
      'or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary.',
  );
}

function bundledChromium(): string | undefined {
  try {
    const candidate = puppeteer.executablePath();
    return candidate && existsSync(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

export async function launchChromium(): Promise<Browser> {
  // Puppeteer gives up on any single protocol call after three minutes by default; a print
  // may take as long as its deadline (`PERSKLAAR_PRINT_TIMEOUT`), which decides instead.
  return puppeteer.launch({ executablePath: resolveChromium(), headless: true, args: chromiumArgs, protocolTimeout: Math.max(180_000, printTimeoutMs() + 60_000) });
}
