/**
 * Helpers for the hostile-input suites: issues written on the spot, the CLI run without
 * blocking the test (so a server in the test process can answer), snapshots of folders, and
 * a scan for browser processes a run left behind.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { fixtures, root, type CliResult } from '../helpers/cli.ts';

const made: string[] = [];
// Issues and outputs of these suites are many and some are large (a 5 MB article): each test
// file removes its own when it is done.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder, removed after the test file. */
export function tempDir(prefix = 'persklaar-hostile-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A copy of `tests/fixtures/mini` (images/ inside it), with the given files written over it. */
export function miniIssue(files: Record<string, string | Buffer> = {}): string {
  const dir = tempDir();
  cpSync(path.join(fixtures, 'mini'), dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

/** Front matter for a test article, then the body. */
export function article(body: string, title = 'Proef'): string {
  return `---\ntitle: ${title}\n---\n\n${body}`;
}

/** A fresh output folder outside the issue. */
export function outDir(): string {
  return path.join(tempDir('persklaar-out-'), 'dist');
}

/** `persklaar …` as a child process, awaited without blocking this process's event loop. */
export function persklaarAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/persklaar.cjs'), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A stack trace line, as Node prints them. */
export const STACK_LINE = /^\s+at .+(?:\d+:\d+\)?|<anonymous>\)?)$/m;

export interface FileState {
  hash: string;
  mtimeMs: number;
}

/** Every file under `dir` (symbolic links as their target text) with its content hash and mtime. */
export function snapshot(dir: string): Record<string, FileState> {
  const files: Record<string, FileState> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      const relative = path.relative(dir, full);
      if (entry.isDirectory()) {
        files[`${relative}/`] = { hash: 'dir', mtimeMs: lstatSync(full).mtimeMs };
        walk(full);
      } else {
        const content = entry.isSymbolicLink() ? readlinkSync(full) : readFileSync(full);
        files[relative] = {
          hash: createHash('sha256').update(content).digest('hex'),
          mtimeMs: lstatSync(full).mtimeMs,
        };
      }
    }
  };
  walk(dir);
  return files;
}

/** Only the content hashes of a snapshot (a rebuilt folder gets new mtimes, never new bytes). */
export function hashesOf(state: Record<string, FileState>): Record<string, string> {
  return Object.fromEntries(Object.entries(state).map(([file, { hash }]) => [file, hash]));
}

export interface CountingServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 that answers everything with a tiny image and counts the requests. */
export async function countingServer(): Promise<CountingServer> {
  const requests: string[] = [];
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489' +
      '0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex',
  );
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'content-type': request.url?.endsWith('.css') ? 'text/css' : 'image/png' });
    response.end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Live (not zombie) processes whose environment holds `NAME=value`: a Chromium launched with
 * that variable set, and the crash handlers it starts, carry it. Its helpers share its process
 * group and die with it.
 */
export function processesWithEnv(name: string, value: string): string[] {
  const needle = `${name}=${value}\0`;
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)) {
    try {
      const state = readFileSync(`/proc/${pid}/stat`, 'latin1')
        .replace(/^.*\) /s, '')
        .charAt(0);
      if (state === 'Z' || state === 'X') continue;
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').includes(needle)) continue;
      found.push(`${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0')[0]}`);
    } catch {
      // Gone while looking: not left behind.
    }
  }
  return found;
}

/** Waits (up to `ms`) for no process to carry the marker; returns those still there. */
export async function leftBehind(name: string, value: string, ms = 10_000): Promise<string[]> {
  const until = Date.now() + ms;
  for (;;) {
    const found = processesWithEnv(name, value);
    if (found.length === 0 || Date.now() > until) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
