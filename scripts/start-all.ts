/**
 * `npm start`: the whole platform on embedded defaults (PGlite under .data/, local LLM provider).
 * Ctrl-C stops every process; a process that dies during start-up stops them all.
 */
import { dataDir } from '#lib/config/paths.js';
import { ConfigError, parsePort, portProblem, portTaken } from '#lib/config/port-check.js';
import { DEFAULT_PORTS, GATEWAY_DEFAULT_PORT, type ServiceName } from '#lib/config/services.js';
import { prefixedLogger, startPlatform } from './platform.js';

/**
 * PORT moves the whole platform: the gateway on PORT and the subgraphs on the four ports after it. Every port is
 * checked before any process starts (lib/config/port-check.ts): one that fetch refuses or another process holds
 * stops `npm start` with one line naming it, rather than after the other four came up.
 */
async function checkedPorts(): Promise<Record<'gateway' | ServiceName, number>> {
  const configured = process.env.PORT !== undefined && process.env.PORT.trim() !== '';
  const base = parsePort('PORT', process.env.PORT, GATEWAY_DEFAULT_PORT);
  const ports = configured
    ? { gateway: base, character: base + 1, campaign: base + 2, image: base + 3, llm: base + 4 }
    : { gateway: GATEWAY_DEFAULT_PORT, ...DEFAULT_PORTS };
  for (const [name, port] of Object.entries(ports)) {
    const label = !configured
      ? `${name}'s default port ${port}:`
      : name === 'gateway'
        ? `PORT=${process.env.PORT}:`
        : `PORT=${process.env.PORT} puts ${name} on ${port}, and`;
    const problem = portProblem(port) ?? (await portTaken(port, process.env.HOST ?? '127.0.0.1'));
    if (problem) throw new ConfigError(`${label} ${problem}${configured ? '' : ' (set PORT to move the platform)'}`);
  }
  return ports;
}

const started = Date.now();
try {
  const ports = await checkedPorts();
  const platform = await startPlatform({ dataDir: dataDir(), ports });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\ndnd-tools is up in ${seconds} s: GraphiQL at ${platform.url}/graphql (Ctrl-C stops everything)\n`);
  let stopping = false;
  for (const [name, child] of platform.children) {
    child.on('exit', (code, signal) => {
      if (!stopping) prefixedLogger(name, `exited (${signal ?? `code ${code}`}); the others keep serving`);
    });
  }
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    await platform.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
} catch (err) {
  console.error(`\ndnd-tools failed to start: ${(err as Error).message}`);
  process.exit(1);
}
