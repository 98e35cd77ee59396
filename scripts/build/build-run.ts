/**
 * What one build keeps beside its work: the stage times, the signal that abandons work still
 * running, its printer, the folders it stages and what it closes or removes when it ends.
 * A failed build waits for the work running alongside it before its folders go, and the
 * printer, the lock and the temporary folders are let go of however it ended.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { borrowed, launchedPrinter, type Printer } from '../pdf/printer.ts';
import { stageDir, type StagedDir } from '../util/output.ts';

/** Runs one named step of the build, timed and logged. */
export type Stage = <T>(name: string, work: () => Promise<T> | T) => Promise<T>;

export class BuildRun {
  readonly timings: { stage: string; ms: number }[] = [];
  private readonly started = performance.now();
  /** Aborted when the build fails or is interrupted: a print or an EPUB under way gives up. */
  private readonly abandon = new AbortController();
  readonly abandoned = this.abandon.signal;
  private printer: Printer | undefined;
  /** Output folders staged beside their destination: committed together, or discarded. */
  private readonly staged: StagedDir[] = [];
  /** Work running alongside this thread (prints, the EPUB), settled or not. */
  private readonly alongside: Promise<unknown>[] = [];
  /** Run when the build ends, whatever happened: each step whatever the others did. */
  private readonly endSteps: (() => Promise<void>)[] = [];
  private readonly interrupted = () => this.abandon.abort(this.signal?.reason);

  constructor(
    readonly log: (line: string) => void,
    /** The caller's: the command was interrupted. */
    private readonly signal: AbortSignal | undefined,
    /** A printer the caller keeps (`watch` keeps one warm); otherwise one is launched and closed. */
    private readonly callersPrinter: Printer | undefined,
  ) {
    // The printer's own browser is closed as soon as the last print is made (while the PDF is
    // finished), or when the build ends, whichever comes first.
    this.endSteps.push(async () => this.printer?.close());
    signal?.addEventListener('abort', this.interrupted, { once: true });
    if (signal?.aborted) this.interrupted();
  }

  /** Milliseconds since the build started. */
  elapsed(): number {
    return performance.now() - this.started;
  }

  /** A step of the build: none starts, and none counts as done, once the build is abandoned. */
  stage: Stage = async (name, work) => {
    this.abandoned.throwIfAborted();
    return this.timed(name, async () => {
      const result = await work();
      this.abandoned.throwIfAborted();
      return result;
    });
  };

  private async timed<T>(name: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    const result = await work();
    const ms = performance.now() - start;
    this.timings.push({ stage: name, ms });
    this.log(`${name.padEnd(13)} ${ms.toFixed(0).padStart(6)} ms`);
    return result;
  }

  /** The build's printer, started on first use: Chromium starts while the build goes on. */
  startPrinter(): Printer {
    this.printer ??= this.callersPrinter ? borrowed(this.callersPrinter) : launchedPrinter();
    return this.printer;
  }

  /** `work`, which runs beside this thread; a failed build waits for it before removing its folders. */
  runAlongside<T>(work: Promise<T>): Promise<T> {
    const settled = work.catch(() => undefined);
    this.alongside.push(settled);
    return work;
  }

  /** Runs `step` when the build ends. */
  atEnd(step: () => Promise<void>): void {
    this.endSteps.push(step);
  }

  /** A folder of this build's own, removed when it ends. */
  async temporaryDir(name: string): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), `persklaar-${name}-`));
    this.atEnd(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }

  /** `outDir/name`, staged: it replaces the old folder only when the whole build has succeeded. */
  async stagedDir(outDir: string, name: string): Promise<string> {
    const dir = await stageDir(path.join(outDir, name));
    this.staged.push(dir);
    return dir.path;
  }

  async commitStaged(): Promise<void> {
    for (const dir of this.staged) await dir.commit();
  }

  /**
   * A print still running is abandoned (its page closed, no retry, nothing finished or kept in
   * the cache) and waited for before its folder goes; so is an EPUB still being packed.
   */
  async fail(error: unknown): Promise<void> {
    this.abandon.abort(error);
    await Promise.all(this.alongside);
    await Promise.all(this.staged.map((dir) => dir.discard()));
  }

  async end(): Promise<void> {
    this.signal?.removeEventListener('abort', this.interrupted);
    await this.timed('close', async () => {
      // A folder that cannot be removed must not keep the lock.
      for (const step of this.endSteps) await step().catch(() => undefined);
    });
  }
}
