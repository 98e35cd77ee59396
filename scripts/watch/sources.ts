/**
 * What watch mode watches: the issue's folder, its images and the styles, with chokidar.
 * Manuscripts and styles are saved in one write, or atomically by a rename, so their changes are
 * told at once (the build's own debounce gathers files saved together). chokidar tells a file's
 * changes at most once per 50 ms, the first of them: the debounce (120 ms by default) starts
 * after it, so the build still reads what was written in those 50 ms. Photos are copied in
 * chunks: a change in an image folder is told once the file has stopped growing, so that a
 * build never reads half a photo. Editors' swap files and backups, hidden files and folders,
 * and the output and cache folders (when they lie inside a watched one) are never changes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isInside, isWithin } from '../util/paths.ts';

export interface SourceFolders {
  /** Folders of manuscripts, issue.yaml and styles. */
  text: string[];
  /** Folders of images, which may be written in chunks. */
  media: string[];
  /** Folders the build writes (output, cache): never a change, wherever they are. */
  written: string[];
}

export interface SourceWatchOptions {
  onChange(file: string): void;
  /** The watcher failed (inotify limits, a folder gone unreadable): told, never thrown. */
  onError(error: Error): void;
}

export interface SourceWatch {
  /** Resolves once the folders are scanned: a change after this is seen. */
  ready: Promise<void>;
  /** The chokidar watchers, one for text and one for media folders. */
  watchers: FSWatcher[];
  close(): Promise<void>;
}

/** How long a photo must keep its size before it counts as written, and how often it is looked at. */
const PHOTO_SETTLED = { stabilityThreshold: 200, pollInterval: 50 };

export function watchSources(folders: SourceFolders, options: SourceWatchOptions): SourceWatch {
  // A folder that does not exist (no images/ inside the issue) has nothing to watch.
  const existing = (dirs: string[]) =>
    [...new Set(dirs.map((dir) => path.resolve(dir)))].filter((dir) => existsSync(dir));
  const media = existing(folders.media);
  const text = existing(folders.text);
  const written = folders.written.map((dir) => path.resolve(dir));
  const start = (dirs: string[], skip: string[], awaitWriteFinish: false | typeof PHOTO_SETTLED) => {
    const watcher = watch(dirs, {
      ignoreInitial: true,
      awaitWriteFinish,
      ignored: (file) => skip.some((dir) => isWithin(file, dir)) || dirs.some((dir) => isEditorsOrHidden(dir, file)),
    });
    for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, (file) => options.onChange(file));
    watcher.on('error', (error) => options.onError(error instanceof Error ? error : new Error(String(error))));
    return watcher;
  };
  // The text watcher leaves media folders to the media watcher, also one inside the issue.
  const watchers = [
    ...(text.length > 0 ? [start(text, [...written, ...media], false)] : []),
    ...(media.length > 0 ? [start(media, written, PHOTO_SETTLED)] : []),
  ];
  const ready = Promise.all(watchers.map((watcher) => new Promise<void>((resolve) => watcher.once('ready', resolve))));
  return {
    ready: ready.then(() => undefined),
    watchers,
    async close() {
      await Promise.all(watchers.map((watcher) => watcher.close()));
    },
  };
}

/**
 * A file no build reads: a hidden one or one in a hidden folder below `root` (`.cache`,
 * `.file.md.swp`, Emacs's `.#file.md`), a backup (`file.md~`), an Emacs autosave (`#file.md#`),
 * or the file Vim writes to test a folder (`4913`). Only the part below the watched folder
 * counts: a checkout inside a hidden folder is still watched.
 */
export function isEditorsOrHidden(root: string, file: string): boolean {
  if (!isInside(file, root)) return false;
  const parts = path.relative(root, file).split(path.sep).filter(Boolean);
  const name = parts.at(-1) ?? '';
  return parts.some((part) => part.startsWith('.')) || name.endsWith('~') || /^#.*#$/.test(name) || name === '4913';
}
