import { ConfigError } from '#lib/config/port-check.js';
import { onShutdownSignal } from '#lib/shutdown/on-shutdown-signal.js';
import { configureProcessLogger, currentTracing, startTracing } from '#lib/telemetry/index.js';
import { loadGatewayConfig } from './config.js';
import { createGateway } from './create-gateway.js';

// Here as well as in createGateway: set before anything Apollo is constructed, whatever the import order.
process.env.APOLLO_TELEMETRY_DISABLED = '1';

async function start() {
  const { port, config } = loadGatewayConfig();
  // Before the gateway is built: its plugins and data sources take the process's tracer and logger.
  const observability = config.hubConfig?.observability;
  configureProcessLogger('gateway', observability?.logs);
  if (observability) startTracing({ service: 'gateway', config: observability.tracing });
  const gateway = await createGateway(config);
  const listening = await gateway.listen(port, process.env.HOST ?? '127.0.0.1').catch(async (err: NodeJS.ErrnoException) => {
    await gateway.close();
    throw err.code === 'EADDRINUSE' ? new ConfigError(`PORT=${port}: port ${port} is already in use by another process`) : err;
  });
  return { gateway, port: listening };
}

// A start-up failure (port taken, missing supergraph, bad hub.yaml) is one line for the operator, not a stack.
const { gateway: hub, port: listening } = await start().catch((err: unknown) => {
  console.error(`gateway: cannot start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
console.log(`gateway ready on http://127.0.0.1:${listening}/graphql (${hub.subgraphs.map((s) => `${s.name} ${s.url}`).join(', ')})`);

// SIGTERM: drain (lib/shutdown's grace), then the pools and the hub's database close (create-gateway.ts close()).
onShutdownSignal('gateway', async () => {
  await hub.close();
  // The last spans reach the collector before the process exits.
  await currentTracing()?.shutdown();
});
