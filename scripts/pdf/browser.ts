/**
 * Which Chromium renders, and how it is started.
 *
 * Which: `PUPPETEER_EXECUTABLE_PATH`, else Puppeteer's own download, else the system's. Of the
 * system's, the headless shell (Debian's `chromium-headless-shell`: the same Blink and printing
 * code without the browser around it, which is what Puppeteer's own headless mode runs) comes
 * first: measured here it prints this issue in half the time and two thirds of the memory of
 * the full `chromium`.
 *
 * How: the process is started here, with the switches Puppeteer's own launch gives it (a test
 * keeps the two lists in step) and a DevTools pipe, and Puppeteer is connected over that pipe.
 * Starting it is a `spawn`, so Chromium is on its way before Puppeteer (a few hundred modules)
 * has even loaded: the command line's print worker starts the browser first and loads
 * Puppeteer while it starts. The process leads its own process group, so that a kill takes
 * its renderers with it, and its profile is a temporary folder removed when it ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { isMainThread } from 'node:worker_threads';
import type { Browser, ConnectionTransport } from 'puppeteer';
import { ChromiumFailure, UsageError } from '../util/errors.ts';
import { preparePrintPage, printTimeoutMs } from './print.ts';

// Debian's /usr/bin/chromium-headless-shell is a shell script that does not exec: the binary
// itself is named, so that the process held here is the browser (a hung print is killed).
const systemCandidates = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Ours: quiet, working as root, and off the network. */
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

/**
 * What Puppeteer's own launch passes (`puppeteer.defaultArgs()`, version 24): tagged PDF and
 * its outline, sRGB colours, no background throttling of a page nobody looks at. The mode
 * switch (`--headless`) is added by `launchArgs`.
 */
export const puppeteerArgs = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
];

/** The whole command line but the profile folder. */
export function launchArgs(executable: string): string[] {
  // The headless shell takes the plain `--headless`; the full browser's own mode is `=new`.
  const mode = isHeadlessShell(executable) ? '--headless' : '--headless=new';
  return [...new Set([...puppeteerArgs, ...chromiumArgs]), mode, '--remote-debugging-pipe', 'about:blank'];
}

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

/** How long Chromium may take to start before it is killed and the build says so. */
const START_MS = 30_000;

/** A Chromium started by this thread. */
export interface Chromium {
  /**
   * The browser process: it leads its process group (`process.kill(-pid)` ends it all).
   * None when it could not be started at all (`browser` then fails).
   */
  readonly pid: number | undefined;
  /** Its temporary profile folder, removed when the process ends. */
  readonly profile: string;
  /** Puppeteer, connected over the DevTools pipe (Puppeteer is loaded now if it was not). */
  readonly browser: Promise<Browser>;
  /** Settles when the process has ended and its profile is gone. */
  readonly ended: Promise<void>;
}

const processes = new WeakMap<Browser, { child: ChildProcess; ended: Promise<void> }>();

/** The process behind a browser started here. */
export function browserProcess(browser: Browser): ChildProcess | undefined {
  return processes.get(browser)?.child;
}

/**
 * Starts Chromium at once and connects Puppeteer to it as soon as both are ready. A browser
 * that cannot start (exits, or does not answer in time) fails `browser` with what it said.
 */
export function startChromium(): Chromium {
  const executable = resolveChromium();
  const profile = mkdtempSync(path.join(tmpdir(), 'persklaar-chromium-'));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true, maxRetries: 2 });
  let child: ChildProcess;
  try {
    child = spawn(executable, [...launchArgs(executable), `--user-data-dir=${profile}`], {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    removeProfile();
    throw new ChromiumFailure(`Chromium could not be started (${executable}): ${error instanceof Error ? error.message : String(error)}`);
  }
  // What it says is kept (the end of it) for a failure message; read, so it never blocks on it.
  let said = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    said = (said + chunk.toString('utf8')).slice(-2000);
  });
  const ended = new Promise<string>((resolve) => {
    child.once('error', (error) => resolve(error.message));
    child.once('exit', (code, signal) => resolve(signal ? `killed by ${signal}` : `exit code ${code}`));
  });
  const gone = ended.then(removeProfile);
  if (isMainThread) leaveNothingBehind(child, removeProfile, gone);

  const browser = (async () => {
    const { default: puppeteer } = await import('puppeteer-core');
    const transport = new PipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
    let timer: NodeJS.Timeout | undefined;
    const failed = Promise.race([
      ended.then((how) => `it ended (${how})`),
      new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve(`it did not answer within ${START_MS / 1000} s`), START_MS);
      }),
    ]).then((why) => {
      throw new ChromiumFailure(`Chromium could not be started (${executable}): ${why}${said.trim() ? `\n${said.trim()}` : ''}`);
    });
    try {
      const connected = await Promise.race([
        puppeteer.connect({
          transport,
          defaultViewport: { width: 800, height: 600 },
          // Puppeteer gives up on any single protocol call after three minutes by default; a
          // print may take as long as its deadline (`PERSKLAAR_PRINT_TIMEOUT`), which decides.
          protocolTimeout: Math.max(180_000, printTimeoutMs() + 60_000),
        }),
        failed,
      ]);
      processes.set(connected, { child, ended: gone });
      // As after Puppeteer's own launch, `close()` ends when the browser has: its process gone
      // (killed if it does not end within a few seconds) and its profile removed.
      const disconnectAfterClose = connected.close.bind(connected);
      connected.close = async () => {
        await Promise.race([disconnectAfterClose().catch(() => undefined), delay(CLOSE_MS)]);
        if (!(await Promise.race([gone.then(() => true), delay(CLOSE_MS).then(() => false)]))) killGroup(child);
        await gone;
      };
      return connected;
    } catch (error) {
      killGroup(child);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  })();
  return { pid: child.pid, profile, browser, ended: gone };
}

export async function launchChromium(): Promise<Browser> {
  return startChromium().browser;
}

/** A browser with the page for its first print already open (see `preparePrintPage`). */
export async function launchForPrint(): Promise<Browser> {
  return readyForPrint(await launchChromium());
}

/**
 * Prepares the first print of a browser just started in the tab it opened with (Puppeteer
 * has already attached to it while connecting, so this costs less than a new page).
 */
export async function readyForPrint(browser: Browser): Promise<Browser> {
  const [blank] = await browser.pages();
  preparePrintPage(browser, blank);
  return browser;
}

/**
 * A command that ends while its browser runs (an error, Ctrl-C before anything else listens
 * for it) takes the browser and its profile with it, as after Puppeteer's own launch. The
 * browser would end by itself once its pipe closes, but its profile would stay. (A worker
 * thread cannot see signals: the command kills what its print worker started.)
 */
function leaveNothingBehind(child: ChildProcess, removeProfile: () => void, gone: Promise<void>): void {
  const atExit = () => {
    killGroup(child);
    removeProfile();
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    // Someone else handles it (watch closes itself): the exit handler does the rest.
    if (process.listenerCount(signal) > 1) return;
    atExit();
    forget();
    process.kill(process.pid, signal);
  };
  const forget = () => {
    process.off('exit', atExit);
    for (const signal of signals) process.off(signal, onSignal);
  };
  process.on('exit', atExit);
  for (const signal of signals) process.on(signal, onSignal);
  void gone.then(forget);
}

/** Kills a browser started here and every process it started, at once; Puppeteer lets go of it. */
export function kill(browser: Browser): void {
  const started = processes.get(browser);
  if (started) killGroup(started.child);
  void browser.disconnect().catch(() => undefined);
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  if (!killProcessGroup(child.pid)) child.kill('SIGKILL');
}

/** Kills a browser's whole process group by its leader's id; false when there is none (gone). */
export function killProcessGroup(pid: number): boolean {
  try {
    process.kill(-pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}

/** How long a browser may take to close before it is killed. */
const CLOSE_MS = 3_000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Closes a browser (one that has lost its connection is killed) and waits until its process
 * has ended and its profile is gone.
 */
export async function closeOrKill(browser: Browser): Promise<void> {
  if (browser.connected) return browser.close();
  kill(browser);
  await processes.get(browser)?.ended;
}

/**
 * The DevTools protocol over Chromium's pipe (`--remote-debugging-pipe`): messages are JSON,
 * each ended by a NUL byte; Chromium reads on its fd 3 and writes on its fd 4. A browser that
 * dies closes the pipe (Puppeteer then sees the connection end); write errors after that are
 * expected and dropped here.
 */
export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  #pending: Buffer[] = [];
  #closed = false;

  constructor(
    private readonly toBrowser: Writable,
    private readonly fromBrowser: Readable,
  ) {
    fromBrowser.on('data', (chunk: Buffer) => this.#receive(chunk));
    fromBrowser.once('close', () => this.#end());
    fromBrowser.on('error', () => this.#end());
    toBrowser.on('error', () => undefined);
  }

  send(message: string): void {
    if (this.#closed) return;
    this.toBrowser.write(message);
    this.toBrowser.write('\0');
  }

  close(): void {
    this.#end();
    this.toBrowser.destroy();
    this.fromBrowser.destroy();
  }

  #receive(chunk: Buffer): void {
    let end = chunk.indexOf(0);
    if (end === -1) {
      this.#pending.push(chunk);
      return;
    }
    let start = 0;
    while (end !== -1) {
      const head = chunk.subarray(start, end);
      const message = this.#pending.length > 0 ? Buffer.concat([...this.#pending.splice(0), head]).toString('utf8') : head.toString('utf8');
      // Each message in a task of its own, as Puppeteer's own pipe does: a handler may await.
      setImmediate(() => this.onmessage?.(message));
      start = end + 1;
      end = chunk.indexOf(0, start);
    }
    if (start < chunk.length) this.#pending.push(chunk.subarray(start));
  }

  #end(): void {
    if (this.#closed) return;
    this.#closed = true;
    // After the messages already received.
    setImmediate(() => this.onclose?.());
  }
}
