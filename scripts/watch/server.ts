/**
 * The preview server: the built editions from the output folder on 127.0.0.1 only, pages with
 * the live-reload script, and a server-sent events stream that tells every open page about
 * each build. Paths are resolved inside the output folder; nothing else on disk is served.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { EVENTS_PATH, injectLiveReload, liveReloadScript, SCRIPT_PATH } from './live-reload.ts';
import { isInside } from '../util/paths.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
};

export interface PreviewServer {
  url: string;
  /**
   * Tells every open page: `reload`, `build-error` with a message, or `build-report` with the
   * last good build's warnings (the layout report), which pages that open later are told too.
   */
  send(event: 'reload' | 'build-error' | 'build-report', data: Record<string, unknown>): void;
  close(): Promise<void>;
}

export async function startPreviewServer(outDir: string, port = 0): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  let lastReport: string | undefined;
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === EVENTS_PATH) {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': persklaar\n\n');
      if (lastReport) response.write(lastReport);
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (url.pathname === SCRIPT_PATH) {
      response.writeHead(200, { 'content-type': types['.js']!, 'cache-control': 'no-store' });
      response.end(liveReloadScript);
      return;
    }
    const file = resolveInside(outDir, url.pathname);
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Niet gevonden\n');
      return;
    }
    const type = types[path.extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    if (type.startsWith('text/html')) response.end(injectLiveReload(await readFile(file, 'utf8')));
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    send(event, data) {
      const message = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      if (event === 'build-report') lastReport = message;
      for (const client of clients) client.write(message);
    },
    async close() {
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `/` is the web edition's front page; `/web/…`, `/<slug>.pdf` and the like map to dist. */
function resolveInside(outDir: string, pathname: string): string | undefined {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (relative === '/') relative = '/web/index.html';
  else if (relative.endsWith('/')) relative += 'index.html';
  const file = path.resolve(outDir, `.${relative}`);
  return isInside(file, path.resolve(outDir)) ? file : undefined;
}
