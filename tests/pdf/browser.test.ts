/**
 * Which Chromium prints: PUPPETEER_EXECUTABLE_PATH, else Puppeteer's own download, else the
 * system's, the headless shell before the full browser.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { browserProcess, chromiumArgs, closeOrKill, isHeadlessShell, kill, launchArgs, PipeTransport, resolveChromium, startChromium, type Chromium } from '../../scripts/pdf/browser.ts';
import { ChromiumFailure, UsageError } from '../../scripts/util/errors.ts';
import { root } from '../helpers/cli.ts';

const hasChromium = (() => {
  try {
    return Boolean(resolveChromium());
  } catch {
    return false;
  }
})();

describe('resolveChromium', () => {
  it('takes PUPPETEER_EXECUTABLE_PATH first, and says so when it points nowhere', () => {
    expect(resolveChromium({ PUPPETEER_EXECUTABLE_PATH: process.execPath })).toBe(process.execPath);
    expect(() => resolveChromium({ PUPPETEER_EXECUTABLE_PATH: '/nergens/chrome' })).toThrow(UsageError);
    expect(() => resolveChromium({ PUPPETEER_EXECUTABLE_PATH: '/nergens/chrome' })).toThrow('PUPPETEER_EXECUTABLE_PATH points at /nergens/chrome, which does not exist');
  });

  it.runIf(existsSync('/usr/lib/chromium/chromium-headless-shell'))('prefers the headless shell binary itself (not its wrapper script) to the full browser', () => {
    expect(resolveChromium({})).toBe('/usr/lib/chromium/chromium-headless-shell');
  });

  it('knows a headless shell by its name (Debian’s and Puppeteer’s), and the full browser as none', () => {
    expect(isHeadlessShell('/usr/lib/chromium/chromium-headless-shell')).toBe(true);
    expect(isHeadlessShell('/home/a/.cache/puppeteer/chrome-headless-shell/linux-1/chrome-headless-shell-linux64/chrome-headless-shell')).toBe(true);
    expect(isHeadlessShell('/usr/bin/chromium')).toBe(false);
    expect(isHeadlessShell('/opt/google/chrome/chrome')).toBe(false);
  });
});

describe('starting Chromium', () => {
  it('passes every switch Puppeteer’s own launch would (tagged PDF, outline, sRGB…), plus its own', async () => {
    const { default: puppeteer } = await import('puppeteer');
    const ours = launchArgs('/usr/lib/chromium/chromium-headless-shell');
    const theirs = puppeteer.defaultArgs({ headless: 'shell' }).filter((arg) => arg !== 'about:blank');
    expect(theirs.filter((arg) => !ours.includes(arg))).toEqual([]);
    expect(ours).toEqual(expect.arrayContaining(['--export-tagged-pdf', '--generate-pdf-document-outline', '--remote-debugging-pipe', '--headless', ...chromiumArgs]));
    expect(launchArgs('/usr/bin/chromium')).toContain('--headless=new');
    expect(launchArgs('/usr/bin/chromium')).not.toContain('--headless');
  });

  it('a browser that ends at once: a ChromiumFailure naming it, and its profile folder gone', async () => {
    const env = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = '/bin/false';
    let chromium: Chromium;
    try {
      chromium = startChromium();
    } finally {
      if (env === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
      else process.env.PUPPETEER_EXECUTABLE_PATH = env;
    }
    const error = await chromium.browser.then(() => undefined, (failure: unknown) => failure);
    expect(error).toBeInstanceOf(ChromiumFailure);
    expect((error as Error).message).toBe('Chromium could not be started (/bin/false): it ended (exit code 1)');
    await chromium.ended;
    expect(existsSync(chromium.profile)).toBe(false);
  });

  it.runIf(hasChromium)('connects over its pipe; closing ends the process and removes the profile, as does a kill', async () => {
    for (const end of [closeOrKill, kill]) {
      const chromium = startChromium();
      const browser = await chromium.browser;
      expect(browserProcess(browser)?.pid).toBe(chromium.pid);
      expect(await browser.version()).toMatch(/Chrom/);
      expect(existsSync(chromium.profile)).toBe(true);
      await end(browser);
      await chromium.ended;
      expect(browserProcess(browser)!.exitCode !== null || browserProcess(browser)!.signalCode !== null).toBe(true);
      expect(existsSync(chromium.profile)).toBe(false);
    }
  });
});

describe('PipeTransport', () => {
  it('splits what arrives at NUL bytes, whole messages only, however the chunks fall', async () => {
    const toBrowser = new PassThrough();
    const fromBrowser = new PassThrough();
    const transport = new PipeTransport(toBrowser, fromBrowser);
    const received: string[] = [];
    transport.onmessage = (message) => received.push(message);
    let closed = false;
    transport.onclose = () => {
      closed = true;
    };
    fromBrowser.write('{"id":1,');
    fromBrowser.write('"result":{}}\0{"id":2}\0{"met');
    fromBrowser.write(Buffer.from('hod":"é"}\0', 'utf8').subarray(0, 6));
    fromBrowser.write(Buffer.from('hod":"é"}\0', 'utf8').subarray(6));
    fromBrowser.end();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received).toEqual(['{"id":1,"result":{}}', '{"id":2}', '{"method":"é"}']);
    expect(closed).toBe(true);

    const sent: Buffer[] = [];
    toBrowser.on('data', (chunk: Buffer) => sent.push(chunk));
    const live = new PipeTransport(toBrowser, new PassThrough());
    live.send('{"id":3}');
    await new Promise((resolve) => setImmediate(resolve));
    expect(Buffer.concat(sent).toString()).toBe('{"id":3}\0');
  });
});

describe('a command interrupted while its browser runs', () => {
  it.runIf(hasChromium)('Ctrl-C (SIGINT) with nobody else listening: the browser and its profile go with the command', async () => {
    const script = `import { startChromium } from ${JSON.stringify(path.join(root, 'scripts/pdf/browser.ts'))};
const chromium = startChromium();
await chromium.browser;
console.log(JSON.stringify({ pid: chromium.pid, profile: chromium.profile }));
setInterval(() => undefined, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const started = await new Promise<{ pid: number; profile: string }>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString()) as { pid: number; profile: string })));
    expect(existsSync(started.profile)).toBe(true);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGINT');
    expect(await ended).toBe('SIGINT');
    expect(existsSync(started.profile)).toBe(false);
    expect(await runningAfterAWhile(started.pid)).toBe(false);
  }, 30_000);
});

/** Whether a process still runs (a zombie waiting for its new parent to reap it does not). */
async function runningAfterAWhile(pid: number): Promise<boolean> {
  const until = Date.now() + 5_000;
  for (;;) {
    let state: string | undefined;
    try {
      state = readFileSync(`/proc/${pid}/stat`, 'latin1').replace(/^.*\) /s, '').charAt(0);
    } catch {
      // Gone.
    }
    if (state === undefined || state === 'Z' || state === 'X') return false;
    if (Date.now() > until) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
