/**
 * Puts the import's files in the issue whole or not at all. Everything is first written into a
 * staging folder inside the issue folder (the same file system, so renames are atomic); then
 * each file replaces its destination, an existing one being moved aside first. If any step
 * fails, what was placed is taken back and what was moved aside is put back.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface PlannedFile {
  /** Where the file goes. */
  target: string;
  data: string | Uint8Array;
}

export async function placeWhole(issueDir: string, files: PlannedFile[]): Promise<void> {
  const staging = path.join(issueDir, `.import-${process.pid}-${Date.now()}`);
  const placed: Array<{ target: string; aside?: string }> = [];
  try {
    await mkdir(staging, { recursive: true });
    const staged = await Promise.all(
      files.map(async (file, index) => {
        const temporary = path.join(staging, `${index}`);
        await writeFile(temporary, file.data);
        return { temporary, target: file.target };
      }),
    );
    for (const [index, { temporary, target }] of staged.entries()) {
      await mkdir(path.dirname(target), { recursive: true });
      const aside = existsSync(target) ? path.join(staging, `${index}.previous`) : undefined;
      if (aside) await rename(target, aside);
      placed.push({ target, aside });
      await rename(temporary, target);
    }
  } catch (error) {
    await takeBack(placed);
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function takeBack(placed: Array<{ target: string; aside?: string }>): Promise<void> {
  for (const { target, aside } of placed.reverse()) {
    await rm(target, { force: true });
    if (aside) await rename(aside, target);
  }
}
