import type { Server } from 'node:http';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { REQUEST_ID_HEADER } from '../../../lib/telemetry/request-context.js';
import { authenticateRequest, type AuthContext } from '../plugins/use-auth.js';
import { acceptRequestId } from '../plugins/use-request-id.js';

/** The gateway's yoga: ws-server runs operations through its envelop pipeline (the same plugins as HTTP). */
export type GatewayYoga = YogaServerInstance<Record<string, never>, AuthContext>;

export interface GraphqlWsServer {
  close(): Promise<void>;
}

type Run = Pick<ReturnType<GatewayYoga['getEnveloped']>, 'execute' | 'subscribe'>;

function authorizationOf(connectionParams: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const value = connectionParams?.authorization ?? connectionParams?.Authorization;
  return typeof value === 'string' ? value : undefined;
}

/** The connection's own x-request-id (the SDK sends one per connection) when usable, as over HTTP; else a new one. */
function requestIdOf(connectionParams: Readonly<Record<string, unknown>> | undefined): string {
  const value = connectionParams?.[REQUEST_ID_HEADER];
  return acceptRequestId(typeof value === 'string' ? value : undefined);
}

/**
 * GraphQL over WebSocket (the graphql-ws protocol) on the gateway's own port and path (/graphql), following
 * yoga's graphql-ws recipe: every operation runs through yoga's envelop pipeline, so subscriptions are routed by
 * use-subscriptions.ts and queries by @apollo/gateway exactly as over HTTP. The JWT comes once, in
 * connectionParams `{ authorization: 'Bearer <token>' }`, and is checked by use-auth's code; a bad one closes
 * the socket with 4401 and the reason, as HTTP answers 401. An `x-request-id` there names the connection's requests
 * in logs and Query.hub, as the header does over HTTP.
 */
export function attachGraphqlWs(server: Server, yoga: GatewayYoga, secret: string): GraphqlWsServer {
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const requests = new WeakMap<object, Request>();
  const runs = new WeakMap<object, Run>();
  const runOf = (args: ExecutionArgs): Run => {
    const run = typeof args.contextValue === 'object' && args.contextValue !== null ? runs.get(args.contextValue) : undefined;
    if (!run) throw new Error('graphql-ws: an operation without the context onSubscribe built for it');
    return run;
  };

  const disposable = useServer(
    {
      onConnect: async (ctx) => {
        const authorization = authorizationOf(ctx.connectionParams);
        // A Request of the connection, carrying what an HTTP client would send: use-auth reads it the same way.
        const requestId = requestIdOf(ctx.connectionParams);
        const request = new Request('http://gateway.internal/graphql', {
          headers: { ...(authorization ? { authorization } : {}), [REQUEST_ID_HEADER]: requestId },
        });
        const outcome = await authenticateRequest(request, secret);
        if ('rejection' in outcome) {
          ctx.extra.socket.close(CloseCode.Unauthorized, outcome.rejection);
          return false;
        }
        requests.set(ctx, request);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const request = requests.get(ctx);
        if (!request) return [new GraphQLError('Not connected', { extensions: { code: 'UNAUTHENTICATED' } })];
        const enveloped = yoga.getEnveloped({ request, params: payload });
        let document: ExecutionArgs['document'];
        try {
          document = enveloped.parse(payload.query);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        const contextValue = await enveloped.contextFactory();
        if (typeof contextValue === 'object' && contextValue !== null) runs.set(contextValue, enveloped);
        return {
          schema: enveloped.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
      execute: (args) => runOf(args).execute(args),
      subscribe: (args) => runOf(args).subscribe(args),
      // Whatever NODE_ENV says: an internal error's message never becomes a close reason a client reads.
      isProd: true,
    },
    wss,
  );

  return {
    close: async () => {
      await disposable.dispose();
    },
  };
}
