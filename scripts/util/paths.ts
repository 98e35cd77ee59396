/** Path containment, decided on resolved paths (never on string prefixes, which `/a/b-c` fools for `/a/b`). */
import path from 'node:path';

/** Whether `candidate` is `folder` itself or anywhere below it. */
export function isWithin(candidate: string, folder: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Whether `candidate` is below `folder` (the folder itself is not inside itself). */
export function isInside(candidate: string, folder: string): boolean {
  return path.relative(folder, candidate) !== '' && isWithin(candidate, folder);
}
