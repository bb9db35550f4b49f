import { servicePort, type ServiceName } from '../config/services.js';
import { stopWithParent } from '../process/stop-with-parent.js';
import type { SubgraphServer } from './create-subgraph-server.js';

// 10 s: long enough for an in-flight query to finish, short enough for a supervisor's stop timeout.
const SHUTDOWN_GRACE_MS = 10_000;

/** Listens on the service's port and stops cleanly on SIGTERM/SIGINT (closing the database last). */
export async function runSubgraph(name: ServiceName, server: SubgraphServer, close: () => Promise<void>): Promise<void> {
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  const port = await server.listen(servicePort(name), process.env.HOST ?? '127.0.0.1');
  console.log(`${name} subgraph ready on http://127.0.0.1:${port}/graphql`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${name}: ${signal}, draining`);
    const timer = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    timer.unref();
    await server.close();
    await close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  stopWithParent((reason) => void stop(reason));
}
