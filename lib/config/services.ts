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

/** PORT wins (one process, one port); otherwise the service's default port. */
export function servicePort(name: ServiceName): number {
  const fromEnv = process.env.PORT ? Number(process.env.PORT) : undefined;
  if (fromEnv !== undefined) {
    if (!Number.isInteger(fromEnv) || fromEnv < 0 || fromEnv > 65535) {
      throw new Error(`PORT must be an integer between 0 and 65535, got "${process.env.PORT}"`);
    }
    return fromEnv;
  }
  return DEFAULT_PORTS[name];
}

/** The gateway URL a subgraph calls for anything owned by another service (never that service's own URL). */
export function hubUrl(): string {
  return process.env.HUB_URL ?? `http://127.0.0.1:${GATEWAY_DEFAULT_PORT}/graphql`;
}
