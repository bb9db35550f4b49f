import type { Server } from 'node:http';
import { GraphQLError, type DocumentNode, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { CloseCode, type OperationResult } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Identity } from '#lib/auth/index.js';
import { REQUEST_ID_HEADER } from '#lib/telemetry/request-context.js';
import { bindGatewayContext, type GatewayYoga } from '../context/gateway-context.js';
import { acceptRequestId } from '../context/request-id.js';
import { authenticate } from '../identity/authenticate.js';
import type { WsOperation, WsOperationObserver } from '../observability/ws-operation-observer.js';

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

const CONNECTION_URL = 'http://gateway.internal/graphql';

/** What onConnect learnt of a connection: every operation on it is sent with the same headers, id and caller. */
interface Connection {
  headers: Record<string, string>;
  requestId: string;
  identity: Identity;
}

const INTERNAL_ERROR = { extensions: { code: 'INTERNAL_SERVER_ERROR' } };

/**
 * GraphQL over WebSocket (the graphql-ws protocol) on the gateway's own port and path (/graphql), following
 * yoga's graphql-ws recipe: every operation runs through yoga's envelop pipeline, so subscriptions are routed by
 * use-subscriptions.ts and queries by @apollo/gateway exactly as over HTTP. The JWT comes once, in
 * connectionParams `{ authorization: 'Bearer <token>' }`, and is checked by use-auth's code (identity/authenticate.ts); a bad one closes
 * the socket with 4401 and the reason, as HTTP answers 401. An `x-request-id` there names the connection's requests
 * in logs and Query.hub, as the header does over HTTP; each operation is traced, tracked and counted as an HTTP
 * request is (observability/ws-operation-observer.ts).
 */
export function attachGraphqlWs(server: Server, yoga: GatewayYoga, secret: string, observer?: WsOperationObserver): GraphqlWsServer {
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const connections = new WeakMap<object, Connection>();
  const runs = new WeakMap<object, Run>();
  const observed = new WeakMap<object, WsOperation>();
  const keyOf = (args: ExecutionArgs): object | undefined =>
    typeof args.contextValue === 'object' && args.contextValue !== null ? args.contextValue : undefined;
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
        const headers = { ...(authorization ? { authorization } : {}), [REQUEST_ID_HEADER]: requestId };
        const outcome = await authenticate(new Request(CONNECTION_URL, { headers }), { secret });
        if ('rejection' in outcome) {
          ctx.extra.socket.close(CloseCode.Unauthorized, outcome.rejection);
          return false;
        }
        connections.set(ctx, { headers, requestId, identity: outcome.identity });
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const connection = connections.get(ctx);
        if (!connection) return [new GraphQLError('Not connected', { extensions: { code: 'UNAUTHENTICATED' } })];
        // A GatewayContext per operation, as an HTTP request has one, with the connection's id and caller: its
        // deadline counts from the operation, not from a connection that may have been open for hours.
        const request = new Request(CONNECTION_URL, { headers: connection.headers });
        const gateway = bindGatewayContext(request, { requestId: connection.requestId, identity: connection.identity });
        const operation = observer?.begin(gateway.requestId, payload.operationName);
        const refuse = (errors: GraphQLError[]) => {
          operation?.refused(errors);
          return errors;
        };
        const enveloped = yoga.getEnveloped({ request, params: payload });
        // envelop types its parse, validate, execute and subscribe `any`; yoga's are graphql-js's.
        let document: DocumentNode;
        try {
          document = enveloped.parse(payload.query) as DocumentNode;
        } catch (error) {
          if (error instanceof GraphQLError) return refuse([error]);
          throw error;
        }
        const errors = enveloped.validate(enveloped.schema, document) as readonly GraphQLError[];
        if (errors.length > 0) return refuse([...errors]);
        let contextValue: unknown;
        try {
          contextValue = await enveloped.contextFactory();
        } catch (error) {
          operation?.answered({ errors: [INTERNAL_ERROR] });
          throw error;
        }
        operation?.describe(document, payload.operationName, gateway.identity);
        if (typeof contextValue === 'object' && contextValue !== null) {
          runs.set(contextValue, enveloped);
          if (operation) observed.set(contextValue, operation);
        }
        return {
          schema: enveloped.schema as GraphQLSchema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
      execute: (args) => within(args, () => runOf(args).execute(args) as OperationResult),
      subscribe: (args) => within(args, () => runOf(args).subscribe(args) as OperationResult),
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
