/**
 * Ports and URLs checked before anything listens or connects, so that a bad one stops start-up with one line that
 * names the variable, the value and why, instead of a process that listens where no client can reach it: Node's
 * fetch (undici), like every browser, refuses the WHATWG fetch spec's "bad ports" (https://fetch.spec.whatwg.org/#port-blocking),
 * so a gateway on PORT=6000 would start and then fail every call from the subgraphs and the SDK.
 */
import { createServer } from 'node:net';

// The fetch standard's bad-port list (§ 2.9 "Port blocking"), as undici enforces it.
const BLOCKED = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137,
  139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** A configuration value that cannot work: its message is the one line start-up prints. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Why `port` cannot be listened on and called, or null. 0 is allowed: the system picks a free port (tests). */
export function portProblem(port: number): string | null {
  if (!Number.isInteger(port) || port < 0 || port > 65535) return 'a port is an integer between 0 and 65535';
  if (BLOCKED.has(port)) return `port ${port} is blocked by fetch (the WHATWG fetch spec's bad-port list), so no client could call it: pick another`;
  return null;
}

/** The port in `variable` (undefined or '' -> `fallback`), refused with a ConfigError naming variable, value and why. */
export function parsePort(variable: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const port = Number(value);
  const problem = portProblem(port);
  if (problem) throw new ConfigError(`${variable}=${value}: ${problem}`);
  return port;
}

/** A URL a process will call: parseable, http(s), and on a port fetch does not refuse. */
export function checkUrl(variable: string, value: string): URL {
  if (!URL.canParse(value)) throw new ConfigError(`${variable}=${value}: not a URL`);
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${variable}=${value}: must be an http:// or https:// URL`);
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  const problem = portProblem(port);
  if (problem) throw new ConfigError(`${variable}=${value}: ${problem}`);
  return url;
}

/**
 * Why `port` on `host` cannot be listened on right now, or null, found by listening briefly: the launcher asks before
 * it starts any process, so that a taken port fails `npm start` at once rather than after the other services came up.
 */
export async function portTaken(port: number, host = '127.0.0.1'): Promise<string | null> {
  if (port === 0) return null;
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') resolve(`port ${port} is already in use by another process`);
      else if (err.code === 'EACCES') resolve(`port ${port} needs privileges this process does not have`);
      else resolve(err.message);
    });
    server.listen(port, host, () => server.close(() => resolve(null)));
  });
}
