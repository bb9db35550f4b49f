import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { parseHubConfig } from '#lib/config/hub-config.js';
import type { SubgraphServer } from '#lib/subgraph/index.js';
import { signedFor } from '#lib/auth/testing/signed-headers.js';
import { TEST_SECRET } from '../../../tests/helpers/subgraph-client.js';
import { createGateway, type Gateway } from '../create-gateway.js';
import { createGrimoire, createImage, createSpellbook, GRIMOIRE_SDL, IMAGE_SDL, SPELLBOOK_SDL } from './spell-subgraphs.js';

export interface GatewayFixture {
  hub: Gateway;
  /** http://127.0.0.1:<port> of the gateway. */
  origin: string;
  subgraphs: Record<string, SubgraphServer>;
  /** The composed supergraph file the gateway serves (and watches). */
  supergraphPath: string;
  /** POST /graphql with JSON; returns the HTTP status and the parsed body. */
  graphql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLHttpResult>;
  /** A subgraph's live subscriptions, from its /metrics (event_feed_subscribers). */
  upstreamSubscribers(subgraph: string): Promise<number>;
  close(): Promise<void>;
}

export interface GraphQLHttpResult {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, any> | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
  };
}

/**
 * Starts real subgraphs on free ports, composes them on the fly into a temp supergraph whose routing URLs
 * point nowhere (port 9, discard), and starts the gateway with URL overrides to the real ports: so every
 * test also proves that overrides are what the gateway routes to.
 */
export interface GatewayFixtureOptions {
  withImage?: boolean;
  secretEmbedded?: boolean;
  /** hub.yaml text for the gateway (resilience policies); default: hub-config.ts's defaults. */
  hubConfig?: string;
  /** The URL(s) the gateway gets for a started subgraph, e.g. a fault proxy in front of it; default its own. */
  route?: (name: string, url: string) => Promise<string | string[]> | string | string[];
}

export async function startGatewayFixture(options: GatewayFixtureOptions = {}): Promise<GatewayFixture> {
  const definitions = [
    { name: 'grimoire', sdl: GRIMOIRE_SDL, create: createGrimoire },
    { name: 'spellbook', sdl: SPELLBOOK_SDL, create: createSpellbook },
    ...(options.withImage === false ? [] : [{ name: 'image', sdl: IMAGE_SDL, create: createImage }]),
  ];
  const subgraphs: Record<string, SubgraphServer> = {};
  const subgraphUrls: Record<string, string> = {};
  for (const definition of definitions) {
    const server = definition.create(TEST_SECRET);
    subgraphs[definition.name] = server;
    subgraphUrls[definition.name] = `http://127.0.0.1:${await server.listen(0)}/graphql`;
  }
  const routed: Record<string, string | string[]> = { ...subgraphUrls };
  if (options.route) for (const [name, url] of Object.entries(subgraphUrls)) routed[name] = await options.route(name, url);

  const composed = composeServices(definitions.map((d) => ({ name: d.name, url: 'http://127.0.0.1:9/graphql', typeDefs: parse(d.sdl) })));
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const dir = mkdtempSync(path.join(tmpdir(), 'gateway-test-'));
  const supergraphPath = path.join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composed.supergraphSdl);

  const hub = await createGateway({
    supergraphPath,
    secret: TEST_SECRET,
    secretEmbedded: options.secretEmbedded ?? false,
    subgraphUrls: routed,
    ...(options.hubConfig !== undefined ? { hubConfig: parseHubConfig(options.hubConfig, 'test hub.yaml') } : {}),
  });
  const origin = `http://127.0.0.1:${await hub.listen(0)}`;

  return {
    hub,
    origin,
    subgraphs,
    supergraphPath,
    async graphql(query, variables, headers = {}) {
      const response = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLHttpResult['body'] };
    },
    async upstreamSubscribers(subgraph) {
      const text = await (
        await fetch(subgraphUrls[subgraph]!.replace(/\/graphql$/, '/metrics'), {
          headers: signedFor(TEST_SECRET, subgraph, { userId: null }, { method: 'GET', path: '/metrics' }),
        })
      ).text();
      return Number(new RegExp(`event_feed_subscribers\\{service="${subgraph}"\\} (\\d+)`).exec(text)?.[1]);
    },
    async close() {
      await hub.close();
      await Promise.all(Object.values(subgraphs).map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
