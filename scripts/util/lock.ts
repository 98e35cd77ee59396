/**
 * One build at a time per output folder: two builds writing the same `dist/` would swap
 * folders under each other. The lock is a file made with O_EXCL holding the owner's pid; a
 * lock whose owner is gone (a killed build) is taken over rather than blocking forever.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './errors.ts';

export interface Lock {
  release(): Promise<void>;
}

export async function lockOutput(outDir: string): Promise<Lock> {
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, '.persklaar.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => rm(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new UsageError(`Another build (process ${owner}) is writing ${outDir}; wait for it to finish`);
      }
      await rm(file, { force: true });
    }
  }
  throw new UsageError(`Could not lock ${outDir} for this build`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
