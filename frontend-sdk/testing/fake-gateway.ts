/**
 * An in-process GraphQL server for the SDK's own tests: graphql-yoga over HTTP and SSE (as the gateway serves them)
 * and graphql-ws over WebSocket on the same port, with fields that misbehave on purpose: rate-limited ones, a
 * stream the server drops, a slow answer, a token that has expired. Faster and more exact than the platform for
 * the failures a client must survive.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { createSchema, createYoga } from 'graphql-yoga';
import { WebSocketServer, type WebSocket } from 'ws';

export const EXPIRED_TOKEN = 'expired-token';

export interface FakeGateway {
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  /** x-request-id of every HTTP request and every WebSocket connection, in order. */
  requestIds: string[];
  /** Subscriptions running now (0 once every client unsubscribed). */
  activeSubscriptions(): number;
  close(): Promise<void>;
}

interface Context {
  authorization: string | undefined;
  /** The raw connection: the `drop` stream cuts it. */
  cut: () => void;
}

function rateLimited(retryAfter: number): GraphQLError {
  return new GraphQLError('you are over your limit', { extensions: { code: 'RATE_LIMITED', retryAfter } });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFakeGateway(): Promise<FakeGateway> {
  const refusals = new Map<string, number>();
  let active = 0;
  /** True while `key` has refusals left (each call uses one). */
  const refuse = (key: string): boolean => {
    const left = refusals.get(key) ?? 0;
    refusals.set(key, left - 1);
    return left > 0;
  };
  async function* tracked<T>(values: AsyncGenerator<T>): AsyncGenerator<T> {
    active++;
    try {
      yield* values;
    } finally {
      active--;
    }
  }

  // Node's request is there over HTTP (yoga's server context), absent over WebSocket (the context below).
  const schema = createSchema<Context & { req?: IncomingMessage }>({
    typeDefs: /* GraphQL */ `
      type Query {
        hello(name: String!): String!
        whoami: String
        slow(ms: Int!): Int!
      }
      type Mutation {
        "Refused RATE_LIMITED with retryAfter (seconds) for the first \`refusals\` calls with this key."
        limit(key: String!, refusals: Int!, retryAfter: Float!): Int!
        bad: Int!
      }
      type Subscription {
        countdown(from: Int!, intervalMs: Int = 5): Int!
        "Refused at subscribe like textGeneration over its limit, for the first \`refusals\` subscriptions with this key."
        limitedCountdown(key: String!, refusals: Int!, retryAfter: Float!): Int!
        "One event, then the connection is cut."
        drop: Int!
      }
    `,
    resolvers: {
      Query: {
        hello: (_, { name }: { name: string }) => `hello ${name}`,
        whoami: (_, __, ctx) => ctx.authorization ?? null,
        slow: async (_, { ms }: { ms: number }) => {
          await sleep(ms);
          return ms;
        },
      },
      Mutation: {
        limit: (_, args: { key: string; refusals: number; retryAfter: number }) => {
          if (!refusals.has(args.key)) refusals.set(args.key, args.refusals);
          if (refuse(args.key)) throw rateLimited(args.retryAfter);
          return 1;
        },
        bad: () => {
          throw new GraphQLError('bad value', { extensions: { code: 'BAD_USER_INPUT', field: 'x' } });
        },
      },
      Subscription: {
        countdown: {
          subscribe: (_, { from, intervalMs }: { from: number; intervalMs: number }) => {
            if (from < 0) throw new GraphQLError('from must be 0 or more', { extensions: { code: 'BAD_USER_INPUT' } });
            return tracked(
              (async function* () {
                for (let n = from; n >= 0; n--) {
                  yield { countdown: n };
                  await sleep(intervalMs);
                }
              })(),
            );
          },
        },
        limitedCountdown: {
          subscribe: (_, args: { key: string; refusals: number; retryAfter: number }) => {
            if (!refusals.has(args.key)) refusals.set(args.key, args.refusals);
            if (refuse(args.key)) throw rateLimited(args.retryAfter);
            return tracked(
              (async function* () {
                yield { limitedCountdown: 1 };
                yield { limitedCountdown: 0 };
              })(),
            );
          },
        },
        drop: {
          subscribe: (_, __, ctx) =>
            tracked(
              (async function* () {
                yield { drop: 1 };
                await sleep(20);
                // Cut before the stream could complete: the client sees a connection end, not a `complete`.
                ctx.cut();
              })(),
            ),
        },
      },
    },
  });

  const requestIds: string[] = [];
  const yoga = createYoga<{ req?: IncomingMessage }, Context>({
    schema,
    logging: false,
    context: ({ request, req }) => ({ authorization: request.headers.get('authorization') ?? undefined, cut: () => req?.socket.destroy() }),
    plugins: [
      {
        onRequest({ request, endResponse }) {
          if (request.headers.get('authorization') === `Bearer ${EXPIRED_TOKEN}`) {
            // As the gateway's use-auth: 401 before anything runs, a GraphQL body with the code.
            endResponse(Response.json({ errors: [{ message: 'token has expired', extensions: { code: 'UNAUTHENTICATED' } }] }, { status: 401 }));
          }
        },
        onResponse({ request, response }) {
          const id = request.headers.get('x-request-id') ?? randomUUID();
          requestIds.push(id);
          response.headers.set('x-request-id', id);
        },
      },
    ],
  });
  // yoga answers every request itself, errors included: its promise only says when it did.
  const server = createServer((request, response) => void yoga(request, response));
  const wss = new WebSocketServer({ server, path: '/graphql' });
  useServer<Record<string, unknown>, { socket: WebSocket }>(
    {
      schema,
      onConnect: (ctx) => {
        requestIds.push(String(ctx.connectionParams?.['x-request-id'] ?? 'none'));
        if (ctx.connectionParams?.authorization === `Bearer ${EXPIRED_TOKEN}`) {
          ctx.extra.socket.close(CloseCode.Unauthorized, 'token has expired');
          return false;
        }
        return true;
      },
      context: (ctx): Context => ({
        authorization: typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined,
        cut: () => ctx.extra.socket.terminate(),
      }),
    },
    wss,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requestIds,
    activeSubscriptions: () => active,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
