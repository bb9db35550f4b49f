/**
 * The baseline of bench/gateway-overhead: plain @apollo/gateway hosted in @apollo/server 5's standalone server
 * with their defaults (default fetcher, default plugins, no policies), pointed at the same running subgraphs.
 *
 * Two additions, the minimum the platform's subgraphs need to answer at all, and the same work our gateway does:
 * - the caller's JWT is verified (lib/auth verifyUserToken) into the context, as the user must be known;
 * - a RemoteGraphQLDataSource whose fetcher signs the x-hub-identity header for that user and that request
 *   (lib/auth signRequest, bound to the subgraph, path and body, as ours does): subgraphs refuse unsigned calls.
 *
 * Environment: PORT, SUPERGRAPH_PATH, AUTH_JWT_SECRET, SUBGRAPH_URL_<NAME> for each subgraph to reach.
 * Prints `plain gateway ready on <url>` once listening.
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { bodyHash, hubSecretOf, IDENTITY_HEADER, serviceKey, signRequest, verifyUserToken, type Identity } from '#lib/auth/index.js';

process.env.APOLLO_TELEMETRY_DISABLED = '1';

interface Context {
  identity: Identity;
}

const secret = process.env.AUTH_JWT_SECRET;
const supergraphPath = process.env.SUPERGRAPH_PATH;
if (!secret || !supergraphPath) throw new Error('plain-gateway: AUTH_JWT_SECRET and SUPERGRAPH_PATH are required');

// The user travels from willSendRequest (which knows the context) to the fetcher (which knows the body) in this header.
const USER_HEADER = 'x-bench-user';
const hubSecret = hubSecretOf(secret);

class SignedDataSource extends RemoteGraphQLDataSource<Context> {
  constructor(name: string, url: string) {
    super({
      url,
      fetcher: (target, init) => {
        const headers = new Headers(init?.headers as HeadersInit);
        const user = headers.get(USER_HEADER);
        headers.delete(USER_HEADER);
        const { pathname, search } = new URL(target);
        const binding = { audience: name, method: 'POST', path: `${pathname}${search}`, bodyHash: bodyHash(String(init?.body ?? '')) };
        headers.set(IDENTITY_HEADER, signRequest({ userId: user || null }, binding, serviceKey(hubSecret, name)).header);
        return fetch(target, { ...(init as RequestInit), headers }) as never;
      },
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>): void {
    request.http?.headers.set(USER_HEADER, context.identity?.userId ?? '');
  }
}

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(supergraphPath, 'utf8'),
  buildService: ({ name, url }) => new SignedDataSource(name, process.env[`SUBGRAPH_URL_${name.toUpperCase()}`] ?? url ?? ''),
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
