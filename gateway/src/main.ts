import { stopWithParent } from '../../lib/process/stop-with-parent.js';
import { loadGatewayConfig } from './config.js';
import { createGateway } from './create-gateway.js';

// Here as well as in createGateway: set before anything Apollo is constructed, whatever the import order.
process.env.APOLLO_TELEMETRY_DISABLED = '1';
// 10 s: long enough for in-flight queries to finish, short enough for a supervisor's stop timeout.
const SHUTDOWN_GRACE_MS = 10_000;

async function start() {
  const { port, config } = loadGatewayConfig();
  const gateway = await createGateway(config);
  return { gateway, port: await gateway.listen(port, process.env.HOST ?? '127.0.0.1') };
}

// A start-up failure (port taken, missing supergraph, bad hub.yaml) is one line for the operator, not a stack.
const { gateway: hub, port: listening } = await start().catch((err: unknown) => {
  console.error(`gateway: cannot start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
console.log(`gateway ready on http://127.0.0.1:${listening}/graphql (${hub.subgraphs.map((s) => `${s.name} ${s.url}`).join(', ')})`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`gateway: ${signal}, draining`);
  setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
  await hub.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
stopWithParent((reason) => void stop(reason));
