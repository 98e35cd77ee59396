/**
 * Checks external URLs over the network, for `persklaar lint --online` only (CI may be
 * offline, so a default run never touches the network). HEAD first, GET when a server refuses
 * HEAD; a timeout per request, a few requests at a time, and a JSON cache with a time to live
 * so an editor who lints every few minutes does not hammer the same sites.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface UrlResult {
  ok: boolean;
  /** The HTTP status of the last answer; absent when no answer came. */
  status?: number;
  /** Why it failed, for the message: `404 Not Found`, `timed out after 10 s`, `ENOTFOUND`. */
  reason?: string;
}

interface CacheEntry extends UrlResult {
  checkedAt: number;
}

export interface CheckOptions {
  fetch?: typeof fetch;
  /** The cache file; none when undefined. */
  cacheFile?: string;
  timeoutMs?: number;
  concurrency?: number;
  ttlMs?: number;
  now?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;

/** Statuses for which a GET is tried after HEAD: servers that do not implement or allow HEAD. */
const retryWithGet = new Set([403, 405, 501]);
/** Answers that mean "the page is there, but not for a robot": a person with a browser gets through. */
const reachableAnyway = new Set([401, 403, 429]);

export async function checkUrls(urls: Iterable<string>, options: CheckOptions = {}): Promise<Map<string, UrlResult>> {
  const fetcher = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const ttl = options.ttlMs ?? DEFAULT_TTL_MS;
  const cache = options.cacheFile ? await readCache(options.cacheFile) : {};
  const asked = [...urls];
  const unique = [...new Set(asked.map(withoutFragment))];
  const results = new Map<string, UrlResult>();
  const queue = unique.filter((url) => {
    const entry = cache[url];
    if (entry && now() - entry.checkedAt < ttl) {
      results.set(url, { ok: entry.ok, status: entry.status, reason: entry.reason });
      return false;
    }
    return true;
  });

  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const result = await checkOne(fetcher, url, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      results.set(url, result);
      // Only answers are cached: a timeout or a dropped connection may be gone next time.
      if (result.status !== undefined) cache[url] = { ...result, checkedAt: now() };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY) }, worker));

  if (options.cacheFile) await writeCache(options.cacheFile, cache);
  return new Map(asked.map((url) => [url, results.get(withoutFragment(url))!]));
}

async function checkOne(fetcher: typeof fetch, url: string, timeoutMs: number): Promise<UrlResult> {
  try {
    let response = await request(fetcher, url, 'HEAD', timeoutMs);
    if (retryWithGet.has(response.status)) response = await request(fetcher, url, 'GET', timeoutMs);
    const ok = response.ok || reachableAnyway.has(response.status);
    return { ok, status: response.status, reason: ok ? undefined : `${response.status} ${response.statusText}`.trim() };
  } catch (error) {
    return { ok: false, reason: describe(error, timeoutMs) };
  }
}

async function request(
  fetcher: typeof fetch,
  url: string,
  method: 'HEAD' | 'GET',
  timeoutMs: number,
): Promise<Response> {
  const response = await fetcher(url, {
    method,
    redirect: 'follow',
    signal: AbortSignal.timeout(timeoutMs),
    headers: { 'user-agent': 'persklaar-lint (link check)', accept: 'text/html,*/*;q=0.8' },
  });
  // Only the status matters; not reading the body frees the connection.
  await response.body?.cancel().catch(() => {});
  return response;
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

async function readCache(file: string): Promise<Record<string, CacheEntry>> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as { version?: number; entries?: Record<string, CacheEntry> };
    return data.version === 1 && data.entries ? data.entries : {};
  } catch {
    // No cache yet, or a damaged one: start afresh rather than fail the check.
    return {};
  }
}

async function writeCache(file: string, entries: Record<string, CacheEntry>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ version: 1, entries }, null, 2)}\n`);
  await rename(temporary, file);
}
