/**
 * How many parts print at once. Each print is a renderer of its own (one core's layout work,
 * a few hundred megabytes): as many as the machine has cores, fewer when memory is short, at
 * least one. `PERSKLAAR_PARALLEL_PRINTS` sets the number.
 */
import { availableParallelism, freemem } from 'node:os';

/** What one renderer printing an article may take, with room for the rest of the build. */
const MEMORY_PER_PRINT = 512 * 1024 * 1024;

export function parallelPrints(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env.PERSKLAAR_PARALLEL_PRINTS);
  if (env.PERSKLAAR_PARALLEL_PRINTS && Number.isInteger(set) && set > 0) return set;
  return Math.max(1, Math.min(availableParallelism(), Math.floor(freemem() / MEMORY_PER_PRINT)));
}
