/**
 * watch: build, serve, and build again on every change. One Chromium stays warm across builds
 * (a launch would add a fifth of a second to each), with the next print's page already open;
 * changes are debounced; a build that fails leaves the last good editions served and says why
 * in the terminal and on the page.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { build, type BuildResult } from '../build.ts';
import { warmPrinter } from '../pdf/printer.ts';
import { report } from '../report/report.ts';
import { stylesDir } from '../render/theme.ts';
import { InputError } from '../util/errors.ts';
import { startPreviewServer } from './server.ts';
import { watchSources } from './sources.ts';
import { resolveLocation } from '../issue/location.ts';

export interface WatchOptions {
  outDir: string;
  port?: number;
  cacheDir?: string;
  debounceMs?: number;
  log?: (line: string) => void;
  /** Stops watch mode's builds (the command was interrupted); `close()` still ends it. */
  signal?: AbortSignal;
}

export type BuildOutcome = { ok: true; ms: number; result: BuildResult } | { ok: false; ms: number; message: string };

export interface WatchSession {
  url: string;
  /**
   * Emits `build` with a BuildOutcome after every build, the first included, and `watch-error`
   * with an Error when watching the sources fails (the preview keeps serving).
   */
  events: EventEmitter;
  close(): Promise<void>;
}

export async function startWatch(issueDir: string, options: WatchOptions): Promise<WatchSession> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const events = new EventEmitter();
  const location = resolveLocation({ issueDir, outDir: options.outDir, cacheDir: options.cacheDir });
  const server = await startPreviewServer(location.outDir, options.port);
  const printer = warmPrinter();
  // Closing stops a build under way (it removes what it staged), and any build after it.
  const stop = new AbortController();
  options.signal?.addEventListener('abort', () => stop.abort(options.signal?.reason), { once: true });
  let closed = false;
  let running: Promise<void> | undefined;
  let pending = false;
  let timer: NodeJS.Timeout | undefined;

  const runBuild = async (): Promise<void> => {
    const start = performance.now();
    let outcome: BuildOutcome;
    try {
      const result = await build({
        ...location,
        location,
        printer,
        signal: stop.signal,
      });
      outcome = { ok: true, ms: performance.now() - start, result };
      log(`built ${result.built.join(', ') || 'nothing (unchanged)'} in ${outcome.ms.toFixed(0)} ms`);
      // What the build repaired or could not lay out, shown on the page until the next build.
      const warned = [result.issue.file, ...result.issue.articles.map((article) => article.file)].filter(
        (file) => file.messages.length > 0,
      );
      server.send('build-report', { message: warned.length > 0 ? report(warned) : '' });
      if (result.built.length > 0) server.send('reload', { built: result.built });
    } catch (error) {
      const message =
        error instanceof InputError ? report(error.files) : error instanceof Error ? error.message : String(error);
      outcome = { ok: false, ms: performance.now() - start, message };
      if (!stop.signal.aborted) {
        log(`build failed; still serving the last good build\n${message}`);
        server.send('build-error', { message });
      }
    }
    events.emit('build', outcome);
  };

  const schedule = () => {
    clearTimeout(timer);
    if (closed) return;
    timer = setTimeout(() => {
      if (closed) return;
      if (running) {
        pending = true;
        return;
      }
      running = runBuild().finally(() => {
        running = undefined;
        if (pending) {
          pending = false;
          schedule();
        }
      });
    }, options.debounceMs ?? 120);
  };

  const sources = watchSources(
    {
      text: [issueDir, stylesDir],
      media: [path.resolve(issueDir, 'images'), path.resolve(issueDir, '..', 'images')],
      written: [location.outDir, location.cacheDir],
    },
    {
      onChange: schedule,
      // The watcher is not the build: the preview keeps serving, and the terminal says why
      // edits may no longer rebuild (a restart of watch mode watches afresh).
      onError(error) {
        log(`watching the sources failed: ${error.message}; still serving, but edits may not rebuild until restarted`);
        events.emit('watch-error', error);
      },
    },
  );

  let slug: string | undefined;
  events.on('build', (outcome: BuildOutcome) => {
    if (outcome.ok) slug = outcome.result.issue.meta.slug;
  });
  const close = async () => {
    closed = true;
    stop.abort();
    clearTimeout(timer);
    await sources.close();
    await running;
    await server.close();
    await printer.close();
  };
  try {
    await printer.ready;
    running = runBuild().finally(() => {
      running = undefined;
    });
    await Promise.all([running, sources.ready]);
  } catch (error) {
    // Nothing is left serving or running when watch cannot start.
    await close();
    throw error;
  }
  if (!stop.signal.aborted)
    log(`preview: web edition at ${server.url}/${slug ? `, PDF at ${server.url}/${slug}.pdf` : ''}`);

  return {
    url: server.url,
    events,
    close,
  };
}
