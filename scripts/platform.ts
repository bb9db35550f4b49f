/**
 * Starts the whole platform as child processes: the four subgraphs and the gateway, each its own process
 * and port, sharing one DATA_DIR (embedded databases and the generated secret). Used by `npm start`, the
 * end-to-end tests and the benchmarks, so all three run the platform exactly the same way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { repoRoot } from '#lib/config/paths.js';
import { bundlePath, buildServices } from './build-services.js';
import { DEFAULT_PORTS, GATEWAY_DEFAULT_PORT, SERVICES, type ServiceName } from '#lib/config/services.js';

export type ProcessName = ServiceName | 'gateway';

export interface PlatformOptions {
  /** Ports per process; `'free'` picks free ports (tests). Default: 4000-4004. */
  ports?: Partial<Record<ProcessName, number>> | 'free';
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Called with every output line of every process. Default: print it prefixed with the service name. */
  onLine?: (name: ProcessName, line: string) => void;
  /** 60 s: a cold start on two busy cores (CI) takes 10-20 s; three times that means something is wrong. */
  readyTimeoutMs?: number;
}

export interface Platform {
  url: string;
  gatewayPort: number;
  ports: Record<ProcessName, number>;
  children: Map<ProcessName, ChildProcess>;
  /** Stops one process (SIGTERM, then SIGKILL after a grace period); the others keep running. */
  stopProcess(name: ProcessName, signal?: NodeJS.Signals): Promise<void>;
  /**
   * Starts a stopped process again with the environment and port it had (a restart after a crash, as a supervisor
   * would); resolves once it answers /health, rejects if it exits first.
   */
  startProcess(name: ProcessName): Promise<void>;
  /**
   * Starts one more instance of a service on `port`, with the service's environment (same database): for tests
   * of the hub's load balancing. Resolves once it answers /health; stop() ends it with the platform.
   */
  startReplica(name: ServiceName, port: number): Promise<{ pid: number | undefined; stop(signal?: NodeJS.Signals): Promise<void> }>;
  stop(): Promise<void>;
}

/**
 * Node flags of one process. The gateway allocates short-lived objects by the thousand per request (subgraph
 * payloads, merged results): with 32 MB semi-spaces instead of V8's 16 MB it collects its young generation less
 * often, and bench/gateway-overhead measured about 16% less gateway CPU per request, peak RSS no higher.
 */
export const NODE_FLAGS: Partial<Record<ProcessName, string[]>> = { gateway: ['--max-semi-space-size=32'] };

/**
 * Source-mapped stack traces for every process but the gateway. The gateway's bundle carries all of
 * @apollo/gateway, yoga and undici: its 20 MB map, read and decoded at the first stack trace (a socket closed by a
 * subgraph is enough), held about 115 MiB of heap for the life of the process, a quarter of its memory (heap profile
 * of an idle gateway). Its traces still name the functions and .build/gateway.mjs lines; NODE_OPTIONS=--enable-source-maps
 * maps them when needed.
 */
export function nodeFlags(name: ProcessName): string[] {
  return [...(name === 'gateway' ? [] : ['--enable-source-maps']), ...(NODE_FLAGS[name] ?? [])];
}

const COLORS: Record<ProcessName, number> = { gateway: 35, character: 32, campaign: 33, image: 36, llm: 34 };

export function prefixedLogger(name: ProcessName, line: string): void {
  const label = name.padEnd(9);
  const colored = process.env.NO_COLOR || !process.stdout.isTTY ? `[${label}]` : `\x1b[${COLORS[name]}m[${label}]\x1b[0m`;
  process.stdout.write(`${colored} ${line}\n`);
}

export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port!;
}

/** Distinct free ports: every socket stays open until all are chosen, so the kernel cannot hand one out twice. */
async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer().listen(0, '127.0.0.1'));
  await Promise.all(servers.map((server) => once(server, 'listening')));
  const ports = servers.map((server) => {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : 0;
  });
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

async function resolvePorts(option: PlatformOptions['ports']): Promise<Record<ProcessName, number>> {
  const defaults: Record<ProcessName, number> = { ...DEFAULT_PORTS, gateway: GATEWAY_DEFAULT_PORT };
  if (option !== 'free') return { ...defaults, ...option };
  const names = [...SERVICES, 'gateway'] as ProcessName[];
  const chosen = await freePorts(names.length);
  return Object.fromEntries(names.map((name, i) => [name, chosen[i]!])) as Record<ProcessName, number>;
}

function pipeLines(child: ChildProcess, name: ProcessName, onLine: (name: ProcessName, line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) onLine(name, line);
    });
  }
}

async function waitForReady(url: string, deadline: number, failed: () => string | undefined, probe = '/readiness'): Promise<void> {
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const failure = failed();
    if (failure) throw new Error(failure);
    try {
      const response = await fetch(`${url}${probe}`, { signal: AbortSignal.timeout(3000) });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (err) {
      last = (err as Error).message;
    }
    // 100 ms: quick enough not to add to the start-up time we measure, slow enough not to load the cores.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`platform not ready in time: ${last}`);
}

export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  // Free ports are chosen, released, then bound by the children; another process on the machine (a parallel test
  // file) can take one in between. Three tries with fresh ports make that race vanishingly rare; fixed ports fail
  // at once, since trying again would only meet the same process.
  for (let attempt = 1; ; attempt++) {
    let clashed = false;
    const onLine = options.onLine ?? prefixedLogger;
    try {
      return await startPlatformOnce({
        ...options,
        onLine: (name, line) => {
          if (line.includes('is already in use')) clashed = true;
          onLine(name, line);
        },
      });
    } catch (err) {
      if (!clashed || options.ports !== 'free' || attempt === 3) throw err;
    }
  }
}

async function startPlatformOnce(options: PlatformOptions): Promise<Platform> {
  const ports = await resolvePorts(options.ports);
  const onLine = options.onLine ?? prefixedLogger;
  const gatewayUrl = `http://127.0.0.1:${ports.gateway}`;
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    ...(options.dataDir ? { DATA_DIR: options.dataDir } : {}),
    HUB_URL: `${gatewayUrl}/graphql`,
    APOLLO_TELEMETRY_DISABLED: '1',
  };
  await buildServices();
  const children = new Map<ProcessName, ChildProcess>();
  let startupFailure: string | undefined;
  let ready = false;

  const spawnProcess = (name: ProcessName): ChildProcess => {
    const env: NodeJS.ProcessEnv = { ...baseEnv, PORT: String(ports[name]) };
    if (name === 'gateway') {
      // A caller's own SUBGRAPH_URL_<NAME> (several instances, a proxy in front of one) wins over the default.
      for (const service of SERVICES) {
        const key = `SUBGRAPH_URL_${service.toUpperCase()}`;
        env[key] = options.env?.[key] ?? `http://127.0.0.1:${ports[service]}/graphql`;
      }
    }
    const child = spawn(process.execPath, [...nodeFlags(name), bundlePath(name)], {
      cwd: repoRoot,
      env,
      // The IPC channel is only a lifeline: the service stops when it closes (lib/process/stop-with-parent.ts).
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    children.set(name, child);
    pipeLines(child, name, onLine);
    child.on('exit', (code, signal) => {
      // A restarted process has its own entry by the time its predecessor's exit is seen.
      if (children.get(name) === child) children.delete(name);
      if (!ready) startupFailure ??= `${name} exited during start-up (${signal ?? `code ${code}`})`;
    });
    return child;
  };

  for (const name of [...SERVICES, 'gateway'] as ProcessName[]) spawnProcess(name);

  const stopProcess = async (name: ProcessName, signal: NodeJS.Signals = 'SIGTERM') => {
    const child = children.get(name);
    if (!child || child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    // 10 s: the services' own drain limit; past it the process is stuck and is killed.
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const startProcess = async (name: ProcessName) => {
    if (children.has(name)) throw new Error(`${name} is already running`);
    const child = spawnProcess(name);
    let exited: string | undefined;
    child.once('exit', (code, signal) => {
      exited = `${name} exited during its restart (${signal ?? `code ${code}`})`;
    });
    // /health, not /readiness: the gateway's readiness also needs every subgraph, and a test may restart it while
    // one of them is down on purpose.
    await waitForReady(`http://127.0.0.1:${ports[name]}`, Date.now() + (options.readyTimeoutMs ?? 60_000), () => exited, '/health');
  };
  const replicas = new Set<ChildProcess>();
  const stopChild = async (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    // 10 s: the services' own drain limit; past it the process is stuck and is killed.
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const startReplica = async (name: ServiceName, port: number) => {
    const child = spawn(process.execPath, [...nodeFlags(name), bundlePath(name)], {
      cwd: repoRoot,
      env: { ...baseEnv, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    replicas.add(child);
    pipeLines(child, name, onLine);
    let exited: string | undefined;
    child.once('exit', (code, signal) => {
      replicas.delete(child);
      exited = `${name} replica exited (${signal ?? `code ${code}`})`;
    });
    await waitForReady(`http://127.0.0.1:${port}`, Date.now() + (options.readyTimeoutMs ?? 60_000), () => exited, '/health');
    // The pid: bench/platform reads the replica's CPU time and memory from /proc.
    return { pid: child.pid, stop: (signal?: NodeJS.Signals) => stopChild(child, signal) };
  };
  const stop = async () => {
    await Promise.all([...[...children.keys()].map((name) => stopProcess(name)), ...[...replicas].map((child) => stopChild(child))]);
  };

  try {
    await waitForReady(gatewayUrl, Date.now() + (options.readyTimeoutMs ?? 60_000), () => startupFailure);
  } catch (err) {
    await stop();
    throw err;
  }
  ready = true;
  return { url: gatewayUrl, gatewayPort: ports.gateway, ports, children, stopProcess, startProcess, startReplica, stop };
}
