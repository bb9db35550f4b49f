import path from 'node:path';
import type { SupergraphSdlHook } from '@apollo/gateway';
import { watchFile } from '#lib/config/watch-file.js';
import { listSubgraphs, type SupergraphSubgraph } from './supergraph-subgraphs.js';

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
    const name = path.basename(options.file);

    const watcher = watchFile(options.file, {
      onReadError: (err) => console.error(`gateway: cannot read ${name}, keeping the current supergraph: ${err.message}`),
      onText: (sdl) => {
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
      },
    });
    return { supergraphSdl: options.initialSdl, cleanup: watcher.close };
  };
}
