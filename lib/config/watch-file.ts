import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

// 150 ms: an editor (or `npm run compose`) writes a file in several events within a few ms; one reload per save.
const SETTLE_MS = 150;

export interface FileWatchHandlers {
  /** The file's text after it settled. Called again for an unchanged save: comparing is the caller's business. */
  onText: (text: string) => void | Promise<void>;
  /** The file could not be read (removed, half renamed): the caller keeps what it has. */
  onReadError: (err: Error) => void;
}

export interface FileWatch {
  /** Stops watching; resolves once a reload already running has finished. */
  close: () => Promise<void>;
}

/** Hands `file`'s text to `onText` each time the file changes, one save at a time. */
export function watchFile(file: string, handlers: FileWatchHandlers, settleMs = SETTLE_MS): FileWatch {
  const name = path.basename(file);
  let timer: NodeJS.Timeout | undefined;
  // Reloads run one after another: two overlapping reads could otherwise apply an older text after a newer one.
  let queue = Promise.resolve();

  const reload = async () => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      handlers.onReadError(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    await handlers.onText(text);
  };

  // The directory, not the file: an editor or compose that replaces the file (write + rename) would leave a
  // watcher on the old file's inode deaf.
  const watcher = watch(path.dirname(file), (_event, changed) => {
    // null: the platform did not say which file changed, so it may be ours.
    if (changed !== null && changed !== name) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      queue = queue.then(reload);
    }, settleMs);
  });
  // Watching alone must not keep a process alive that has nothing else left to do.
  watcher.unref();
  return {
    close: async () => {
      clearTimeout(timer);
      watcher.close();
      await queue;
    },
  };
}
