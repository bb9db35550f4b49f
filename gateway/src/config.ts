import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadAuthSecret } from '#lib/auth/index.js';
import { loadHubConfig, type HubConfig } from '#lib/config/hub-config.js';
import { repoRoot } from '#lib/config/paths.js';
import { checkUrl, parsePort } from '#lib/config/port-check.js';
import { GATEWAY_DEFAULT_PORT } from '#lib/config/services.js';
import { listSubgraphs, subgraphEnvName } from './supergraph-subgraphs.js';

export interface GatewayConfig {
  /** File holding the composed supergraph SDL (any valid supergraph; subgraph names are read from it). */
  supergraphPath: string;
  /** Signs the identity header sent to subgraphs and verifies users' HS256 JWTs. */
  secret: string;
  /** True when the secret was generated into .data/ (local development): only then does GraphiQL carry a demo token. */
  secretEmbedded: boolean;
  /**
   * Routing URL(s) per subgraph name, replacing the supergraph's; several are instances of one service, load
   * balanced. Names the supergraph lacks are reported and ignored.
   */
  subgraphUrls?: Record<string, string | string[]>;
  /** hub.yaml, parsed: resilience policies (message_hub, services.<name>). Default: every default of hub-config.ts. */
  hubConfig?: HubConfig;
  /** Largest POST body accepted; default 8 MiB (an image upload in its JSON envelope). */
  maxBodyBytes?: number;
  /** hub.yaml message_hub.transaction.timeout in ms: an undecided global transaction older than this aborts. */
  transactionTimeoutMs?: number;
}

/** SUBGRAPH_URL_<NAME>: one URL, or several instances separated by commas. */
function parseUrlList(variable: string, value: string): string[] {
  const urls = value
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  // Each one as fetch will call it: a URL on a port fetch refuses would fail every request to that subgraph.
  for (const url of urls) checkUrl(variable, url);
  return urls;
}

/**
 * The gateway's configuration from the environment: PORT (4000), SUPERGRAPH_PATH (gateway/supergraph.graphql),
 * AUTH_JWT_SECRET (or the generated .data/auth-secret), hub.yaml (HUB_CONFIG) with `services.<name>.urls` and,
 * winning over them, SUBGRAPH_URL_<NAME> for each subgraph the supergraph names. (loadAuthSecret reads
 * process.env itself.)
 */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): { port: number; config: GatewayConfig } {
  const supergraphPath = path.resolve(env.SUPERGRAPH_PATH ?? path.join(repoRoot, 'gateway', 'supergraph.graphql'));
  const names = listSubgraphs(readFileSync(supergraphPath, 'utf8')).map((subgraph) => subgraph.name);

  const subgraphUrls: Record<string, string[]> = {};
  const hubConfig = env.HUB_CONFIG ? loadHubConfig(env.HUB_CONFIG) : loadHubConfig();
  for (const [name, service] of Object.entries(hubConfig.services)) {
    // hub.yaml may configure policies for services this supergraph does not have: only URLs of known ones apply.
    if (service.urls && names.includes(name)) subgraphUrls[name] = service.urls;
  }
  for (const name of names) {
    const variable = subgraphEnvName(name);
    const fromEnv = env[variable] ? parseUrlList(variable, env[variable]) : [];
    if (fromEnv.length > 0) subgraphUrls[name] = fromEnv;
  }
  const known = new Set(names.map(subgraphEnvName));
  for (const key of Object.keys(env)) {
    if (key.startsWith('SUBGRAPH_URL_') && !known.has(key)) {
      console.warn(`gateway: ${key} is ignored: the supergraph has no such subgraph (it has ${names.join(', ')})`);
    }
  }

  const { secret, embedded } = loadAuthSecret();
  const config: GatewayConfig = {
    supergraphPath,
    secret,
    secretEmbedded: embedded,
    subgraphUrls,
    hubConfig,
    transactionTimeoutMs: hubConfig.message_hub.transaction.timeout * 1000,
  };
  if (env.GATEWAY_MAX_BODY_BYTES) {
    const max = Number(env.GATEWAY_MAX_BODY_BYTES);
    if (!Number.isInteger(max) || max < 1024)
      throw new Error(`GATEWAY_MAX_BODY_BYTES must be an integer of at least 1024, got "${env.GATEWAY_MAX_BODY_BYTES}"`);
    config.maxBodyBytes = max;
  }
  return { port: parsePort('PORT', env.PORT, GATEWAY_DEFAULT_PORT), config };
}
