/**
 * Starts one tree's platform with that tree's own scripts/platform.ts, so that bench/platform starts the working
 * tree and a baseline checkout the same way. Prints one JSON line (DriverReady) once the gateway is ready, then
 * stops the platform on SIGTERM. Imports nothing of this repository: it runs against any tree's startPlatform.
 *
 * Usage: node --import tsx bench/platform/driver.ts <root> <options-json>   (DriverOptions; cwd = <root>)
 */
import { createServer } from 'node:net';
import { once } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface DriverOptions {
  dataDir: string;
  env: Record<string, string>;
  /** Instances of each subgraph (2: one replica each, started on the same database; PostgreSQL only). */
  instances: number;
}

export interface DriverReady {
  url: string;
  /** Every process's port by name; replicas as `<service>#2`. */
  ports: Record<string, number>;
  /** Every process of the platform by name; replicas as `<service>#2`. */
  pids: Record<string, number>;
}

interface ChildLike {
  pid?: number;
}

/** The part of startPlatform both trees have (checked against 4514738's scripts/platform.ts). */
interface PlatformModule {
  startPlatform(options: {
    ports: 'free' | Record<string, number>;
    dataDir: string;
    env: Record<string, string>;
    onLine: (name: string, line: string) => void;
  }): Promise<{
    url: string;
    ports: Record<string, number>;
    children: Map<string, ChildLike>;
    startReplica(name: string, port: number): Promise<{ pid?: number }>;
    stop(): Promise<void>;
  }>;
}

// The four subgraphs; the same in every tree this benchmark compares.
const SERVICES = ['character', 'campaign', 'image', 'llm'];

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

const [root, optionsJson] = process.argv.slice(2);
if (!root || !optionsJson) throw new Error('usage: driver.ts <root> <options-json>');
const options = JSON.parse(optionsJson) as DriverOptions;
const { startPlatform } = (await import(pathToFileURL(path.join(root, 'scripts', 'platform.ts')).href)) as PlatformModule;

// Replica ports chosen before the gateway starts: it takes every instance of a service from SUBGRAPH_URL_<NAME>
// at start-up and finds the replicas healthy at its next health check once they answer.
const replicaPorts: Record<string, number> = {};
const env = { ...options.env };
const ports: Record<string, number> = {};
if (options.instances > 1) {
  for (const name of [...SERVICES, 'gateway']) ports[name] = await freePort();
  for (const name of SERVICES) {
    replicaPorts[name] = await freePort();
    env[`SUBGRAPH_URL_${name.toUpperCase()}`] = [ports[name], replicaPorts[name]].map((port) => `http://127.0.0.1:${port}/graphql`).join(',');
  }
}
// The last lines of output, shown when start-up fails; otherwise the platform's logs would drown the benchmark's.
const tail: string[] = [];
const platform = await startPlatform({
  ports: options.instances > 1 ? ports : 'free',
  dataDir: options.dataDir,
  env,
  onLine: (name, line) => {
    tail.push(`[${name}] ${line}`);
    if (tail.length > 40) tail.shift();
  },
}).catch((err: unknown) => {
  process.stderr.write(`${tail.join('\n')}\n`);
  throw err;
});
const pids: Record<string, number> = {};
const allPorts = { ...platform.ports };
for (const [name, child] of platform.children) if (child.pid) pids[name] = child.pid;
for (const [name, port] of Object.entries(replicaPorts)) {
  const replica = await platform.startReplica(name, port);
  if (replica.pid) pids[`${name}#2`] = replica.pid;
  allPorts[`${name}#2`] = port;
}
const ready: DriverReady = { url: platform.url, ports: allPorts, pids };
process.stdout.write(`${JSON.stringify(ready)}\n`);

let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  void platform.stop().then(() => process.exit(0));
});
