/**
 * The address a warm browser reads a print folder at: a link of the printer's own (in a
 * temporary folder it removes when it closes) that points at the folder of the build under
 * way. Each build stages its print folder anew, so without it every build's first part would
 * be at a new address and loaded whole; through it, a part of the same look is put in place
 * of the last build's (`print.ts`). One link per kind of print (the PDF's parts, the press
 * edition's), since the two may print in one build.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readlink, rename, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export class PrintAddress {
  private dir: Promise<string> | undefined;

  /** The address of `printDir` for prints of `kind`, pointed at it now. */
  async of(printDir: string, kind: string): Promise<string> {
    this.dir ??= mkdtemp(path.join(tmpdir(), 'persklaar-address-'));
    const dir = await this.dir;
    const link = path.join(dir, kind);
    const target = path.resolve(printDir);
    if ((await readlink(link).catch(() => undefined)) === target) return link;
    // Replaced in one step, so that the link is never missing.
    const next = path.join(dir, `.${kind}-${randomUUID()}`);
    await symlink(target, next);
    await rename(next, link);
    return link;
  }

  async close(): Promise<void> {
    const dir = await this.dir?.catch(() => undefined);
    this.dir = undefined;
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
