import { servicePort, type ServiceName } from '../config/services.js';
import { onShutdownSignal } from '../shutdown/on-shutdown-signal.js';
import type { SubgraphServer } from './create-subgraph-server.js';
import { processLogger } from '../telemetry/logger.js';

/**
 * Listens on the service's port and stops gracefully on SIGTERM/SIGINT: the server drains (lib/shutdown), then
 * `close` releases what the requests used (pollers, the database), last.
 */
export async function runSubgraph(name: ServiceName, server: SubgraphServer, close: () => Promise<void>): Promise<void> {
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  const port = await server.listen(servicePort(name), process.env.HOST ?? '127.0.0.1');
  processLogger(name).info({ port }, `${name} subgraph ready on http://127.0.0.1:${port}/graphql`);
  onShutdownSignal(name, async () => {
    await server.close();
    await close();
  });
}
