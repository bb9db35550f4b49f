/**
 * The baseline of bench/gateway-overhead: plain @apollo/gateway hosted in @apollo/server 5's standalone server
 * with their defaults (default fetcher, default plugins, no policies), pointed at the same running subgraphs.
 *
 * Two additions, the minimum the platform's subgraphs need to answer at all, and the same work our gateway does:
 * - the caller's JWT is verified (lib/auth verifyUserToken) into the context, as the user must be known;
 * - a RemoteGraphQLDataSource whose willSendRequest signs the x-hub-identity header for that user
 *   (lib/auth signIdentity): subgraphs refuse unsigned calls.
 *
 * Environment: PORT, SUPERGRAPH_PATH, AUTH_JWT_SECRET, SUBGRAPH_URL_<NAME> for each subgraph to reach.
 * Prints `plain gateway ready on <url>` once listening.
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { IDENTITY_HEADER, signIdentity, verifyUserToken, type Identity } from '../lib/auth/index.js';

process.env.APOLLO_TELEMETRY_DISABLED = '1';

interface Context {
  identity: Identity;
}

const secret = process.env.AUTH_JWT_SECRET;
const supergraphPath = process.env.SUPERGRAPH_PATH;
if (!secret || !supergraphPath) throw new Error('plain-gateway: AUTH_JWT_SECRET and SUPERGRAPH_PATH are required');

class SignedDataSource extends RemoteGraphQLDataSource<Context> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>): void {
    request.http?.headers.set(IDENTITY_HEADER, signIdentity(context.identity ?? { userId: null }, secret as string));
  }
}

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(supergraphPath, 'utf8'),
  buildService: ({ name, url }) => new SignedDataSource({ url: process.env[`SUBGRAPH_URL_${name.toUpperCase()}`] ?? url }),
});
const server = new ApolloServer<Context>({ gateway });

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT ?? 0), host: '127.0.0.1' },
  context: async ({ req }) => {
    const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
    return { identity: { userId: token ? (await verifyUserToken(token, secret)).id : null } };
  },
});
console.log(`plain gateway ready on ${url}`);

const stop = () => void server.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
