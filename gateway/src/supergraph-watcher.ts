import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SupergraphSdlHook } from '@apollo/gateway';
import { listSubgraphs, type SupergraphSubgraph } from './supergraph-subgraphs.js';

// 150 ms: an editor or `npm run compose` writes a file in several events within a few ms; one reload per save.
const SETTLE_MS = 150;

export interface SupergraphWatchOptions {
  file: string;
  /** The SDL the gateway starts with (already read). */
  initialSdl: string;
  /** false: serve initialSdl for the gateway's lifetime (hub.yaml message_hub.watch_supergraph). */
  watch: boolean;
  /** After the gateway switched to a new supergraph: its subgraphs (for the service registry) and its text. */
  onReload?: (subgraphs: SupergraphSubgraph[], supergraphSdl: string) => void;
}

/**
 * The supergraph as ApolloGateway's `supergraphSdl` hook: the file's content at start, and again each time it
 * changes. `update()` swaps the schema and query planner; requests already executing finish on the plan they
 * have, so none is dropped. A file that does not parse or is not a valid supergraph is logged and ignored: the
 * gateway keeps serving the last good one.
 */
export function watchedSupergraph(options: SupergraphWatchOptions): SupergraphSdlHook {
  return async ({ update }) => {
    if (!options.watch) return { supergraphSdl: options.initialSdl };
    let current = options.initialSdl;
    let timer: NodeJS.Timeout | undefined;
    let queue = Promise.resolve();
    const name = path.basename(options.file);

    const reload = async () => {
      let sdl: string;
      try {
        sdl = await readFile(options.file, 'utf8');
      } catch (err) {
        console.error(`gateway: cannot read ${name}, keeping the current supergraph: ${(err as Error).message}`);
        return;
      }
      if (sdl === current) return;
      try {
        const subgraphs = listSubgraphs(sdl);
        update(sdl);
        current = sdl;
        console.log(`gateway: supergraph reloaded from ${name} (${subgraphs.map((subgraph) => subgraph.name).join(', ')})`);
        options.onReload?.(subgraphs, sdl);
      } catch (err) {
        console.error(`gateway: ignored the new ${name}, still serving the previous supergraph: ${(err as Error).message}`);
      }
    };

    // The directory, not the file: an editor or compose that replaces the file (write + rename) would leave a
    // watcher on the old file's inode deaf.
    const watcher: FSWatcher = watch(path.dirname(options.file), (_event, changed) => {
      if (changed !== null && changed !== name) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        queue = queue.then(reload);
      }, SETTLE_MS);
    });
    watcher.unref();
    return {
      supergraphSdl: options.initialSdl,
      cleanup: async () => {
        clearTimeout(timer);
        watcher.close();
        await queue;
      },
    };
  };
}
