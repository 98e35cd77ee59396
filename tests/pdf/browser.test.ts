/**
 * Which Chromium prints (PUPPETEER_EXECUTABLE_PATH, else Puppeteer's own download, else the
 * system's, the headless shell before the full browser), and how it is started: by Puppeteer's
 * own launch, with its switches and ours, and ended whole.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  chromiumArgs,
  closeOrKill,
  isHeadlessShell,
  kill,
  launchChromium,
  resolveChromium,
} from '../../scripts/pdf/browser.ts';
import { ChromiumFailure, UsageError } from '../../scripts/util/errors.ts';

// Debian's headless shell: a machine without it skips the one test about it, a skip counted in
// the summary (Chromium itself is required: the tier's setup fails without one).
const debianHeadlessShell = '/usr/lib/chromium/chromium-headless-shell';

describe('resolveChromium', () => {
  it('takes PUPPETEER_EXECUTABLE_PATH first, and says so when it points nowhere', () => {
    expect(resolveChromium({ PUPPETEER_EXECUTABLE_PATH: process.execPath })).toBe(process.execPath);
    const nowhere = { PUPPETEER_EXECUTABLE_PATH: '/nergens/chrome' };
    expect(() => resolveChromium(nowhere)).toThrow(UsageError);
    expect(() => resolveChromium(nowhere)).toThrow(
      'PUPPETEER_EXECUTABLE_PATH points at /nergens/chrome, which does not exist',
    );
  });

  it.skipIf(!existsSync(debianHeadlessShell))(
    'prefers the headless shell binary itself (not its wrapper script) to the full browser',
    () => {
      expect(resolveChromium({})).toBe(debianHeadlessShell);
    },
  );

  it('knows a headless shell by its name (Debian’s and Puppeteer’s), and the full browser as none', () => {
    expect(isHeadlessShell('/usr/lib/chromium/chromium-headless-shell')).toBe(true);
    const downloaded = '/home/a/.cache/puppeteer/chrome-headless-shell/linux-1/chrome-headless-shell-linux64';
    expect(isHeadlessShell(`${downloaded}/chrome-headless-shell`)).toBe(true);
    expect(isHeadlessShell('/usr/bin/chromium')).toBe(false);
    expect(isHeadlessShell('/opt/google/chrome/chrome')).toBe(false);
  });
});

describe('launching Chromium', () => {
  it('with Puppeteer’s switches (tagged PDF, outline) and ours, over a pipe; closed or killed, it ends whole', async () => {
    for (const end of [closeOrKill, kill]) {
      const browser = await launchChromium();
      const child = browser.process()!;
      const args = child.spawnargs;
      expect(args).toEqual(expect.arrayContaining(['--export-tagged-pdf', '--generate-pdf-document-outline']));
      expect(args).toEqual(expect.arrayContaining(['--remote-debugging-pipe', ...chromiumArgs]));
      expect(args).toContain(isHeadlessShell(resolveChromium()) ? '--headless' : '--headless=new');
      expect(await browser.version()).toMatch(/Chrom/);
      const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await end(browser);
      await ended;
      expect(running(child.pid!)).toBe(false);
    }
  });

  it('a browser that ends at once: a ChromiumFailure naming it', async () => {
    const env = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = '/bin/false';
    try {
      const error = await launchChromium().then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(error).toBeInstanceOf(ChromiumFailure);
      expect((error as Error).message).toMatch(/^Chromium could not be started \(\/bin\/false\): /);
    } finally {
      if (env === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
      else process.env.PUPPETEER_EXECUTABLE_PATH = env;
    }
  });
});

/** Whether a process runs (a zombie waiting to be reaped does not). */
function running(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'latin1')
      .replace(/^.*\) /s, '')
      .charAt(0);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}
