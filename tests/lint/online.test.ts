/**
 * `--online`: a local HTTP server on 127.0.0.1 stands in for the web (tests never use the
 * internet). It counts requests per path and the most requests it had open at once.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkUrls } from '../../scripts/lint/online/check-urls.ts';
import { at, bodyFindings, findings, makeIssue } from './helpers.ts';

let server: Server;
let base: string;
const hits = new Map<string, string[]>();
let open = 0;
let mostOpen = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? '/';
    hits.set(url, [...(hits.get(url) ?? []), request.method ?? '?']);
    open++;
    mostOpen = Math.max(mostOpen, open);
    // Counted down when the exchange ends either way: answered, or dropped by the client.
    response.on('close', () => open--);
    const done = (status: number, headers: Record<string, string> = {}) => {
      response.writeHead(status, headers).end(request.method === 'HEAD' ? undefined : 'body');
    };
    if (url === '/ok') return done(200);
    if (url === '/gone') return done(404);
    if (url === '/moved') return done(301, { location: '/ok' });
    if (url === '/no-head') return done(request.method === 'HEAD' ? 405 : 200);
    if (url === '/members') return done(403);
    if (url.startsWith('/slow')) return void setTimeout(() => done(200), 50);
    if (url === '/hang') return; // never answers: the client's timeout must end it
    return done(500);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  hits.clear();
  mostOpen = 0;
});

describe('url-reachable', () => {
  it('never touches the network without --online', async () => {
    expect(await bodyFindings(`[Weg](${base}/gone)\n`, 'url-reachable')).toEqual([]);
    expect(hits.size).toBe(0);
  });

  it('reports links that do not answer, at the link; redirects, HEAD-less servers and 403 pass', async () => {
    const markdown = [
      `[Goed](${base}/ok) en [verhuisd](${base}/moved#deel) en [zonder HEAD](${base}/no-head).`,
      '',
      `[Weg](${base}/gone) en [alleen leden](${base}/members) en [stuk][s].`,
      '',
      `[s]: ${base}/error`,
      '',
    ].join('\n');
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'persklaar-links-'));
    const dir = makeIssue({ articles: { 'a.md': markdown } });
    const found = await findings(dir, { online: true, cacheDir, only: ['url-reachable'] });
    const body = (needle: string) => {
      const [line, column] = at(markdown, needle).split(':');
      return `a.md:${Number(line) + 4}:${column} url-reachable`;
    };
    expect(found).toEqual([body('[Weg]'), body('[s]:')]);
    expect(hits.get('/no-head')).toEqual(['HEAD', 'GET']);
    expect(hits.get('/ok')).toEqual(['HEAD', 'HEAD']); // once itself, once after the redirect
  });

  it('caches answers in links.json, so a second run asks nothing', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'persklaar-links-'));
    const dir = makeIssue({ articles: { 'a.md': `[Goed](${base}/ok) en [weg](${base}/gone).\n` } });
    const first = await findings(dir, { online: true, cacheDir, only: ['url-reachable'] });
    const asked = hits.size;
    hits.clear();
    const second = await findings(dir, { online: true, cacheDir, only: ['url-reachable'] });
    expect(second).toEqual(first);
    expect(asked).toBe(2);
    expect(hits.size).toBe(0);
    expect(existsSync(path.join(cacheDir, 'links.json'))).toBe(true);
    const cache = JSON.parse(readFileSync(path.join(cacheDir, 'links.json'), 'utf8')) as {
      entries: Record<string, { status: number }>;
    };
    expect(cache.entries[`${base}/gone`]?.status).toBe(404);
  });
});

describe('checkUrls', () => {
  it('gives up on a server that does not answer within the timeout, and does not cache that', async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), 'persklaar-links-')), 'links.json');
    const results = await checkUrls([`${base}/hang`], { timeoutMs: 200, cacheFile });
    expect(results.get(`${base}/hang`)).toEqual({ ok: false, reason: 'no answer within 200 ms' });
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).entries).toEqual({});
  });

  it('keeps at most four requests open at once', async () => {
    const urls = Array.from({ length: 12 }, (_, index) => `${base}/slow/${index}`);
    const results = await checkUrls(urls, {});
    expect([...results.values()].every((result) => result.ok)).toBe(true);
    expect(mostOpen).toBeLessThanOrEqual(4);
    expect(mostOpen).toBeGreaterThan(1);
  });

  it('asks again once a cached answer is older than a day', async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), 'persklaar-links-')), 'links.json');
    let now = 1_000_000;
    await checkUrls([`${base}/ok`], { cacheFile, now: () => now });
    now += 23 * 60 * 60 * 1000;
    await checkUrls([`${base}/ok`], { cacheFile, now: () => now });
    expect(hits.get('/ok')).toHaveLength(1);
    now += 2 * 60 * 60 * 1000;
    await checkUrls([`${base}/ok`], { cacheFile, now: () => now });
    expect(hits.get('/ok')).toHaveLength(2);
  });
});
