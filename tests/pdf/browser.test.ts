/**
 * Which Chromium prints: PUPPETEER_EXECUTABLE_PATH, else Puppeteer's own download, else the
 * system's, the headless shell before the full browser.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isHeadlessShell, resolveChromium } from '../../scripts/pdf/browser.ts';
import { UsageError } from '../../scripts/util/errors.ts';

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
