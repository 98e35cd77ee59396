/**
 * The command's one termination path. SIGINT, SIGTERM and SIGHUP abort `terminated`; every
 * hook registered with `onTermination` (a build that removes its staged outputs and closes its
 * browser, a watch session that stops serving) is then awaited, and the process exits with
 * 128 + the signal's number. Hooks that do not finish within a few seconds are not waited for:
 * Puppeteer still kills its browsers when the process exits. What must go however the process
 * ends (a browser's profile folder) is registered with `atExit`, the one exit handler.
 */
export const exitCodes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type Signal = keyof typeof exitCodes;

/** How long the hooks may take before the process exits anyway. */
const HOOKS_MS = 5_000;

export class Interrupted extends Error {
  override name = 'Interrupted';
  constructor(readonly signal: Signal) {
    super(`Interrupted (${signal})`);
  }
}

const controller = new AbortController();
/** Aborted when the command is told to stop; its reason is an `Interrupted`. */
export const terminated: AbortSignal = controller.signal;

const hooks = new Set<() => unknown>();

/** Runs `hook` when the command is told to stop; returns a function that forgets it. */
export function onTermination(hook: () => unknown): () => void {
  hooks.add(hook);
  return () => void hooks.delete(hook);
}

let installed = false;

/** Listens for the signals (once per process; the command line calls it). */
export function handleTerminationSignals(): void {
  if (installed) return;
  installed = true;
  for (const signal of Object.keys(exitCodes) as Signal[]) process.once(signal, () => void terminate(signal));
}

async function terminate(signal: Signal): Promise<void> {
  const code = exitCodes[signal];
  controller.abort(new Interrupted(signal));
  setTimeout(() => process.exit(code), HOOKS_MS).unref();
  await Promise.allSettled([...hooks].map(async (hook) => hook()));
  process.exit(code);
}

const exitSteps = new Set<() => void>();
let exitListening = false;

/**
 * Runs `step` when the process exits, whichever way: after a signal, an error or a normal end.
 * Synchronous work only, as nothing is awaited once the process exits. Returns a function that
 * forgets it.
 */
export function atExit(step: () => void): () => void {
  if (!exitListening) process.once('exit', runExitSteps);
  exitListening = true;
  exitSteps.add(step);
  return () => void exitSteps.delete(step);
}

function runExitSteps(): void {
  for (const step of exitSteps) {
    try {
      step();
    } catch {
      // The others still run: one folder that cannot be removed keeps no other.
    }
  }
}
