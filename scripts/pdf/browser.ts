/**
 * Which Chromium renders, and how it is started.
 *
 * Which: `PUPPETEER_EXECUTABLE_PATH`, else Puppeteer's own download, else the system's. Of the
 * system's, the headless shell (Debian's `chromium-headless-shell`: the same Blink and printing
 * code without the browser around it, which is what Puppeteer's own headless mode runs) comes
 * first: measured here it prints this issue in half the time and two thirds of the memory of
 * the full `chromium`.
 *
 * How: Puppeteer's own launch, over a DevTools pipe. It gives Chromium its default switches
 * (tagged PDF and its outline, sRGB colours) and a process group of its own that it kills when
 * this process exits. The profile is a temporary folder of ours, removed as soon as the browser
 * has ended, however it ended. Signals are the command's (`util/termination.ts`): it closes
 * the browser through the build that uses it.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { ChromiumFailure, UsageError } from '../util/errors.ts';
import { atExit } from '../util/termination.ts';
import { preparePrintPage, printTimeoutMs } from './print.ts';

// Debian's /usr/bin/chromium-headless-shell is a shell script that does not exec: the binary
// itself is named, so that the process held here is the browser (a hung print is killed).
const systemCandidates = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Ours, on top of Puppeteer's: quiet, working as root, and off the network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-component-update',
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
  const bundled = bundledChromium(env);
  if (bundled) return bundled;
  const system = systemCandidates.find((candidate) => existsSync(candidate));
  if (system) return system;
  throw new UsageError(
    'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium-headless-shell`, ' +
      'or `chromium`), ' +
      'or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary.',
  );
}

/**
 * Puppeteer's own download, if one was made: its headless shell first, then its Chrome.
 * Where none was (the usual case here: downloads are skipped) this costs two lookups; only
 * where Puppeteer's cache holds a browser is Puppeteer asked which one is current.
 */
function bundledChromium(env: NodeJS.ProcessEnv): string | undefined {
  const cache = env.PUPPETEER_CACHE_DIR ?? path.join(homedir(), '.cache', 'puppeteer');
  if (!['chrome-headless-shell', 'chrome'].some((browser) => existsSync(path.join(cache, browser)))) return undefined;
  const { default: puppeteer } = createRequire(import.meta.url)('puppeteer') as typeof import('puppeteer');
  for (const options of [{ headless: 'shell' as const }, {}]) {
    try {
      const candidate = puppeteer.executablePath(options);
      if (candidate && existsSync(candidate)) return candidate;
    } catch {
      // Not this one.
    }
  }
  return undefined;
}

/** The headless shell takes the plain `--headless` switch, not the full browser's `--headless=new`. */
export function isHeadlessShell(executable: string): boolean {
  return /headless[-_]shell/i.test(path.basename(executable));
}

/** How long Chromium may take to start before the build says so. */
const START_MS = 30_000;

/** Launches Chromium and connects Puppeteer to it; one that cannot start is a ChromiumFailure. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = resolveChromium();
  const { default: puppeteer } = await import('puppeteer-core');
  // A profile of our own: Puppeteer removes its own only after a clean close, and retries (a
  // tenth of a second each) while the browser's helpers still write to it.
  const profile = mkdtempSync(path.join(tmpdir(), 'persklaar-chromium-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      userDataDir: profile,
      // The headless shell takes the plain `--headless`; the full browser's own mode is `=new`.
      headless: isHeadlessShell(executablePath) ? 'shell' : true,
      pipe: true,
      args: chromiumArgs,
      defaultViewport: { width: 800, height: 600 },
      timeout: START_MS,
      // Puppeteer gives up on any single protocol call after three minutes by default; a
      // print may take as long as its deadline (`PERSKLAAR_PRINT_TIMEOUT`), which decides.
      protocolTimeout: Math.max(180_000, printTimeoutMs() + 60_000),
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    removeProfile(profile);
    const why = error instanceof Error ? error.message : String(error);
    throw new ChromiumFailure(`Chromium could not be started (${executablePath}): ${why}`);
  }
  const child = browser.process()!;
  // Puppeteer stops listening to the pipe when it lets go of a browser; a browser killed after
  // that reports ECONNRESET on it, which nobody would catch.
  for (const stream of child.stdio) stream?.on('error', () => undefined);
  // The profile goes with the browser, whichever way it ends; at the latest with this process.
  // Removed off the main thread (a few hundred files), while the PDF is finished.
  profiles.add(profile);
  child.once('exit', () => {
    killGroup(child);
    const removal = rm(profile, removeOptions)
      .catch(() => undefined)
      .then(() => void profiles.delete(profile));
    profilesRemoved.set(child, removal);
  });
  return browser;
}

const removeOptions = { recursive: true, force: true, maxRetries: 3, retryDelay: 10 };
/** The profiles of browsers not yet removed, removed if this process ends first. */
const profiles = new Set<string>();
/** A browser's profile removed, once its process has ended (`closeOrKill` waits for it). */
const profilesRemoved = new WeakMap<ChildProcess, Promise<void>>();
atExit(() => {
  for (const profile of profiles) removeProfile(profile);
});

function removeProfile(profile: string): void {
  profiles.delete(profile);
  try {
    rmSync(profile, removeOptions);
  } catch {
    // Removed meanwhile by the removal under way.
  }
}

/** Kills a process's whole group (its renderers with it); false when there is none. */
function killGroup(child: ChildProcess): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}

/** A browser with the page for its first print already open (see `preparePrintPage`). */
export async function launchForPrint(): Promise<Browser> {
  const browser = await launchChromium();
  // The tab Chromium opened with, which Puppeteer has attached to already: less than a new page.
  const [blank] = await browser.pages();
  preparePrintPage(browser, blank);
  return browser;
}

/** Kills a browser and every process it started, at once; Puppeteer lets go of it. */
export function kill(browser: Browser): void {
  const child = browser.process();
  if (child && child.exitCode === null && child.signalCode === null && !killGroup(child)) child.kill('SIGKILL');
  void browser.disconnect().catch(() => undefined);
}

/** How long a browser may take to close before it is killed. */
const CLOSE_MS = 3_000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Closes a browser (one that has lost its connection, or does not close in time, is killed)
 * and waits until its process has ended and its profile is removed.
 */
export async function closeOrKill(browser: Browser): Promise<void> {
  const child = browser.process();
  const ended =
    child && child.exitCode === null && child.signalCode === null
      ? new Promise<void>((resolve) => child.once('exit', () => resolve()))
      : Promise.resolve();
  if (browser.connected) await Promise.race([browser.close().catch(() => undefined), delay(CLOSE_MS)]);
  if (!(await Promise.race([ended.then(() => true), delay(CLOSE_MS).then(() => false)]))) kill(browser);
  await ended;
  if (child) await profilesRemoved.get(child);
}
