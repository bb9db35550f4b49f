import { checkUrl, parsePort } from './port-check.js';

/** The four domain services and their default ports (4001-4004, as the README and supergraph.yaml say). */
export const SERVICES = ['character', 'campaign', 'image', 'llm'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const DEFAULT_PORTS: Record<ServiceName, number> = {
  character: 4001,
  campaign: 4002,
  image: 4003,
  llm: 4004,
};

export const GATEWAY_DEFAULT_PORT = 4000;

/** PORT wins (one process, one port); otherwise the service's default port. A bad PORT is a ConfigError. */
export function servicePort(name: ServiceName): number {
  return parsePort('PORT', process.env.PORT, DEFAULT_PORTS[name]);
}

/**
 * The gateway URL a subgraph calls for anything owned by another service (never that service's own URL). Read per
 * call, unchecked: runSubgraph checks HUB_URL once at start-up (checkHubUrl), and a call to a hub that is gone is
 * SERVICE_UNAVAILABLE for the request, not a configuration error.
 */
export function hubUrl(): string {
  return process.env.HUB_URL ?? `http://127.0.0.1:${GATEWAY_DEFAULT_PORT}/graphql`;
}

/** HUB_URL as start-up sees it: a ConfigError naming it when fetch could never call it. */
export function checkHubUrl(): void {
  const configured = process.env.HUB_URL;
  if (configured) checkUrl('HUB_URL', configured);
}
