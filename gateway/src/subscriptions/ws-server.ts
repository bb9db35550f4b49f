import type { Server } from 'node:http';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { REQUEST_ID_HEADER } from '../../../lib/telemetry/request-context.js';
import type { WsOperation, WsOperationObserver } from '../observability/ws-operation-observer.js';
import { authenticateRequest, type AuthContext } from '../plugins/use-auth.js';
import { acceptRequestId, requestIdOf as requestIdOfRequest } from '../plugins/use-request-id.js';

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

const INTERNAL_ERROR = { extensions: { code: 'INTERNAL_SERVER_ERROR' } };

/**
 * GraphQL over WebSocket (the graphql-ws protocol) on the gateway's own port and path (/graphql), following
 * yoga's graphql-ws recipe: every operation runs through yoga's envelop pipeline, so subscriptions are routed by
 * use-subscriptions.ts and queries by @apollo/gateway exactly as over HTTP. The JWT comes once, in
 * connectionParams `{ authorization: 'Bearer <token>' }`, and is checked by use-auth's code; a bad one closes
 * the socket with 4401 and the reason, as HTTP answers 401. An `x-request-id` there names the connection's requests
 * in logs and Query.hub, as the header does over HTTP; each operation is traced, tracked and counted as an HTTP
 * request is (observability/ws-operation-observer.ts).
 */
export function attachGraphqlWs(server: Server, yoga: GatewayYoga, secret: string, observer?: WsOperationObserver): GraphqlWsServer {
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const requests = new WeakMap<object, Request>();
  const runs = new WeakMap<object, Run>();
  const observed = new WeakMap<object, WsOperation>();
  const keyOf = (args: ExecutionArgs): object | undefined => (typeof args.contextValue === 'object' && args.contextValue !== null ? args.contextValue : undefined);
  const runOf = (args: ExecutionArgs): Run => {
    const key = keyOf(args);
    const run = key && runs.get(key);
    if (!run) throw new Error('graphql-ws: an operation without the context onSubscribe built for it');
    return run;
  };
  // Inside the operation's span and request id when it is observed; one that throws instead of answering is still
  // recorded (graphql-ws then ends it with an error), so that no record stays in flight.
  const within = async <T>(args: ExecutionArgs, fn: () => T | Promise<T>): Promise<T> => {
    const key = keyOf(args);
    const operation = key && observed.get(key);
    if (!operation) return fn();
    try {
      return await operation.run(fn);
    } catch (error) {
      operation.answered({ errors: [INTERNAL_ERROR] });
      throw error;
    }
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
        const outcome = await authenticateRequest(request, { secret });
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
        const operation = observer?.begin(requestIdOfRequest(request), payload.operationName);
        const refuse = (errors: GraphQLError[]) => {
          operation?.refused(errors);
          return errors;
        };
        const enveloped = yoga.getEnveloped({ request, params: payload });
        let document: ExecutionArgs['document'];
        try {
          document = enveloped.parse(payload.query);
        } catch (error) {
          if (error instanceof GraphQLError) return refuse([error]);
          throw error;
        }
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return refuse([...errors]);
        let contextValue: unknown;
        try {
          contextValue = await enveloped.contextFactory();
        } catch (error) {
          operation?.answered({ errors: [INTERNAL_ERROR] });
          throw error;
        }
        operation?.describe(document, payload.operationName, (contextValue as Partial<AuthContext> | null)?.identity);
        if (typeof contextValue === 'object' && contextValue !== null) {
          runs.set(contextValue, enveloped);
          if (operation) observed.set(contextValue, operation);
        }
        return {
          schema: enveloped.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
      execute: (args) => within(args, () => runOf(args).execute(args)),
      subscribe: (args) => within(args, () => runOf(args).subscribe(args)),
      onOperation: (_ctx, _id, _payload, args, result) => {
        const key = keyOf(args);
        if (key) observed.get(key)?.answered(result);
      },
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
