/** The hash of the command's own code (scripts/, bin/, package-lock.json, tsconfig.json), once per process. */
export function sourceStamp(root: string): string;
/** Every file under `entry` (or `entry` itself), in no particular order; no hidden files or `~` backups. */
export function filesUnder(entry: string): string[];
