/**
 * Chromium faults: a print that never finishes, a browser that stops answering, a browser
 * killed mid-print. Each is detected by the print's deadline, retried once in a fresh browser,
 * and otherwise ends in one clear message (exit 2); no browser process outlives the run.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { afterEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/pdf/browser.ts';
import { ChromiumFailure, printWithRetry } from '../../scripts/pdf/robust-print.ts';
import { root } from '../helpers/cli.ts';
import { leftBehind, miniIssue, outDir, persklaarAsync, processesWithEnv, tempDir } from './helpers.ts';

// Every Chromium this file starts inherits the marker, so what it leaves behind can be found.
const MARK = 'PERSKLAAR_TEST_RUN';
const mark = randomUUID();
process.env[MARK] = mark;

const launched: Browser[] = [];
async function browser(): Promise<Browser> {
  const started = await launchChromium();
  launched.push(started);
  return started;
}

afterEach(async () => {
  // As the build does: the caller closes its own browser, whatever happened to it.
  await Promise.all(launched.splice(0).map((each) => each.close().catch(() => undefined)));
  expect(await leftBehind(MARK, mark)).toEqual([]);
});

function printFolder(body: string): string {
  const dir = tempDir('persklaar-chromium-');
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Proef</title></head><body>${body}</body></html>`,
  );
  return path.join(dir, 'index.html');
}

/** A page that never finishes loading: its image is a named pipe nobody writes to. */
function neverLoads(): string {
  const html = printFolder('<p>Wacht</p><img src="pijp.png" alt="">');
  execFileSync('mkfifo', [path.join(path.dirname(html), 'pijp.png')]);
  return html;
}

describe('printWithRetry', () => {
  it('a print that never finishes: retried once, then "did not finish printing within N s (tried twice)"', async () => {
    const started = performance.now();
    const error = await printWithRetry(await browser(), neverLoads(), { timeoutMs: 1_500 }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(ChromiumFailure);
    expect((error as Error).message).toMatch(/^Chromium did not finish printing within 1\.5 s \(tried twice\)/);
    // Two deadlines, a launch and a kill; never the default two minutes.
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('a print its caller abandons (the build failed elsewhere) ends at once, without a second attempt', async () => {
    const controller = new AbortController();
    let launches = 0;
    setTimeout(() => controller.abort(new Error('the web edition failed')), 300);
    const error = await printWithRetry(await browser(), neverLoads(), {
      timeoutMs: 60_000,
      signal: controller.signal,
      launch: () => {
        launches++;
        return browser();
      },
    }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect((error as Error).message).toBe('the web edition failed');
    expect(launches).toBe(0);
    // Long before the print's own deadline (a minute): the test's time limit says so.
  }, 20_000);

  it('a browser that stops answering is killed and the print succeeds in a fresh one', async () => {
    const hung = await browser();
    // The marker works: this browser is found by it (and must be gone after the test).
    expect(processesWithEnv(MARK, mark).length).toBeGreaterThan(0);
    process.kill(hung.process()!.pid!, 'SIGSTOP');
    const pdf = await printWithRetry(hung, printFolder('<p>Hallo</p>'), { timeoutMs: 4_000 });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(hung.connected).toBe(false);
  });

  it('a browser killed mid-print: the print is retried in a fresh browser', async () => {
    const doomed = await browser();
    // Killed the moment the print opens its page.
    doomed.once('targetcreated', () => void process.kill(-doomed.process()!.pid!, 'SIGKILL'));
    const pdf = await printWithRetry(doomed, printFolder('<p>Hallo</p>'), { timeoutMs: 10_000 });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it('two crashes end in one clear message', async () => {
    const crash = (target: Browser) =>
      target.once('targetcreated', () => void process.kill(-target.process()!.pid!, 'SIGKILL'));
    const first = await browser();
    crash(first);
    const error = await printWithRetry(first, printFolder('<p>Hallo</p>'), {
      timeoutMs: 10_000,
      launch: async () => {
        const second = await browser();
        crash(second);
        return second;
      },
    }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(ChromiumFailure);
    expect((error as Error).message).toMatch(/^Chromium failed while printing \(tried twice\): /);
  });
});

describe('persklaar build with a Chromium that cannot finish', () => {
  it('exits 2 with the message, and leaves no browser running', async () => {
    const result = await persklaarAsync(['build', miniIssue(), '--out', outDir(), '--only', 'pdf'], {
      PERSKLAAR_PRINT_TIMEOUT: '0.001',
      [MARK]: mark,
    });
    // The part whose print failed first is named: the cover and contents, or an article's manuscript.
    expect(result.stderr).toMatch(
      /^persklaar: (the cover and contents|\S+\.md): Chromium did not finish printing within 0\.001 s \(tried twice\); set PERSKLAAR_PRINT_TIMEOUT \(seconds\) for a longer deadline\n$/,
    );
    expect(result.status).toBe(2);
  }, 60_000);
});

describe('the command and its browser', () => {
  it('a browser that cannot be found: exit 2 with what to do, no hang', async () => {
    const result = await persklaarAsync(['build', miniIssue(), '--out', outDir(), '--only', 'pdf'], {
      PUPPETEER_EXECUTABLE_PATH: '/nergens/chromium',
      [MARK]: mark,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'persklaar: PUPPETEER_EXECUTABLE_PATH points at /nergens/chromium, which does not exist\n',
    );
  }, 60_000);

  it('a build interrupted while Chromium prints (SIGTERM, SIGINT) takes its browser with it', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const child = spawn(
        process.execPath,
        [path.join(root, 'bin/persklaar.cjs'), 'build', miniIssue(), '--out', outDir(), '--only', 'pdf'],
        {
          cwd: root,
          env: { ...process.env, [MARK]: mark, PERSKLAAR_CACHE_DIR: tempDir('persklaar-cache-') },
          stdio: 'ignore',
        },
      );
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // Interrupted once a browser of this run is up (its helper processes carry the marker too).
      const until = Date.now() + 30_000;
      while (!processesWithEnv(MARK, mark).some((line) => /chrom/i.test(line)) && Date.now() < until)
        await new Promise((r) => setTimeout(r, 20));
      expect(processesWithEnv(MARK, mark).some((line) => /chrom/i.test(line))).toBe(true);
      child.kill(signal);
      expect(await exited).toBe(signal === 'SIGTERM' ? 143 : 130);
      expect(await leftBehind(MARK, mark)).toEqual([]);
    }
  }, 90_000);
});
