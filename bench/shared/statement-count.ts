/** SQL statements a subgraph has sent since it started: db_statements_total at its /metrics, read as the gateway. */
import { EMPTY_BODY_HASH, hubSecretOf, IDENTITY_HEADER, serviceKey, signRequest } from '#lib/auth/index.js';

/** The gateway's signed identity for a GET of /metrics on `service` (subgraphs serve it to the gateway only). */
function metricsHeaders(secret: string, service: string): Record<string, string> {
  const binding = { audience: service, method: 'GET', path: '/metrics', bodyHash: EMPTY_BODY_HASH };
  return { [IDENTITY_HEADER]: signRequest({ userId: null }, binding, serviceKey(hubSecretOf(secret), service)).header };
}

/** `service` is the service's name (a replica is the same service to the signature); `secret` the AUTH_JWT_SECRET. */
export async function statementCount(port: number, service: string, secret: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: metricsHeaders(secret, service) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${service} /metrics answered ${response.status}: ${text.slice(0, 300)}`);
  // Summed over label sets: a service may count its statements per database or pool.
  const matches = [...text.matchAll(/^db_statements_total(?:\{[^}]*\})? (\d+(?:\.\d+)?)$/gm)];
  if (!matches.length) throw new Error(`${service} /metrics has no db_statements_total`);
  return matches.reduce((sum, match) => sum + Number(match[1]), 0);
}
