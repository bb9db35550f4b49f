import { ConfigError } from '../config/port-check.js';
import { checkHubUrl, servicePort, type ServiceName } from '../config/services.js';
import { onShutdownSignal } from '../shutdown/on-shutdown-signal.js';
import { SHUTDOWN_HARD_LIMIT_MS } from '../shutdown/shutdown-grace.js';
import type { SubgraphServer } from './create-subgraph-server.js';
import { processLogger } from '../telemetry/logger.js';

/**
 * Listens on the service's port and stops gracefully on SIGTERM/SIGINT: the server drains (lib/shutdown), then
 * `close` releases what the requests used (pollers, the database), last. `drainMs`: extra time the server's own
 * close() may take before the generic hard limit (the llm lets generations in flight finish).
 */
export async function runSubgraph(name: ServiceName, server: SubgraphServer, close: () => Promise<void>, drainMs = 0): Promise<void> {
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  // A bad PORT or a taken port is one line for the operator (lib/config/port-check.ts), not a stack trace.
  let port: number;
  try {
    checkHubUrl();
    const wanted = servicePort(name);
    port = await server.listen(wanted, process.env.HOST ?? '127.0.0.1').catch((err: NodeJS.ErrnoException) => {
      throw err.code === 'EADDRINUSE' ? new ConfigError(`PORT=${wanted}: port ${wanted} is already in use by another process`) : err;
    });
  } catch (err) {
    console.error(`${name}: cannot start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  processLogger(name).info({ port }, `${name} subgraph ready on http://127.0.0.1:${port}/graphql`);
  onShutdownSignal(
    name,
    async () => {
      await server.close();
      await close();
    },
    { hardLimitMs: SHUTDOWN_HARD_LIMIT_MS + drainMs },
  );
}
