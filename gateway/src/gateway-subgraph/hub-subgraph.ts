import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { parse } from 'graphql';
import type { Database } from '#lib/db/index.js';
import { hubServices, type HubObservability, type ServiceRegistryView } from './context.js';
import { openHubDatabase } from './hub-database.js';
import { schema } from './db/schema.js';
import { hubResolvers } from './resolvers/index.js';
import { TransactionCoordinator } from './transactions/coordinator.js';
import type { ParticipantClient } from './transactions/participant-client.js';
import { TransactionLog } from './transactions/transaction-log.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const HUB_SCHEMA_PATH = path.join(here, 'schema.graphql');

/** The supergraph's name for the hub's own subgraph: the gateway serves it in-process instead of over HTTP. */
export const HUB_SUBGRAPH = 'hub';

export interface HubSubgraph {
  dataSource: LocalGraphQLDataSource;
  coordinator: TransactionCoordinator;
  close(): Promise<void>;
}

export interface HubSubgraphOptions {
  participants: ParticipantClient;
  transactionTimeoutMs: number;
  /** The services Query.hub reports on. */
  registry: ServiceRegistryView;
  /** Message tracking and traces for Query.hub.requests and Query.hub.trace. */
  observability?: HubObservability;
  /** Each transaction driven to its end (the hub_transactions_total metric). */
  onTransactionFinished?: (outcome: 'COMMITTED' | 'ABORTED') => void;
  /** Default: the hub's own database from the environment (DATA_DIR/hub on PGlite, <prefix>hub on Postgres). */
  database?: Database<typeof schema>;
}

/**
 * Opens the hub's database and serves the hub's schema in-process. The caller starts the coordinator (recovery of
 * unfinished transactions) once the participants' data sources exist.
 */
export async function createHubSubgraph(options: HubSubgraphOptions): Promise<HubSubgraph> {
  const database = options.database ?? (await openHubDatabase());
  const coordinator = new TransactionCoordinator({
    log: new TransactionLog(database.db),
    participants: options.participants,
    timeoutMs: options.transactionTimeoutMs,
    ...(options.onTransactionFinished ? { onFinished: options.onTransactionFinished } : {}),
  });
  const resolvers = hubResolvers(hubServices(coordinator, options.registry, options.observability));
  // The same cast as lib/subgraph/create-subgraph-server.ts: codegen's typed map is what buildSubgraphSchema reads.
  const graphSchema = buildSubgraphSchema({ typeDefs: parse(readFileSync(HUB_SCHEMA_PATH, 'utf8')), resolvers: resolvers as GraphQLResolverMap<unknown> });
  return {
    dataSource: new LocalGraphQLDataSource(graphSchema),
    coordinator,
    async close() {
      await coordinator.stop();
      await database.close();
    },
  };
}
