import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DELEGATION_HEADER, type IdentityClaims } from '../../auth/identity.js';

/** One request the services sent to the hub: the operation's name, its variables and the identity it carried. */
export interface GatewayCall {
  operationName: string;
  variables: Record<string, unknown>;
  /** Who the call said it was for, read from its delegation header (not verified: the fake is no gateway). */
  caller: { service: string; userId: string | null; forRequest?: string } | undefined;
  /** The W3C traceparent and x-request-id the call carried, when it carried them. */
  traceparent?: string;
  requestId?: string;
}

/** The hub's answer: a GraphQL response body (data and/or errors), sent as HTTP 200 like the gateway does. */
export type GatewayAnswer = { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

export interface FakeGateway {
  /** The URL to give the service as HUB_URL. */
  url: string;
  calls: GatewayCall[];
  /** How the hub answers each operation, by operation name; an operation without one answers NOT_FOUND. */
  answer(operationName: string, reply: (call: GatewayCall) => GatewayAnswer | Promise<GatewayAnswer>): void;
  close(): Promise<void>;
}

function callerOf(header: string | undefined): GatewayCall['caller'] {
  const payload = header?.split('.')[1];
  if (!payload) return undefined;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as IdentityClaims;
  return { service: claims.iss, userId: claims.sub, ...(claims.req ? { forRequest: claims.req } : {}) };
}

/**
 * A stand-in for the gateway at the HTTP level, for unit tests of a service's calls through lib/gateway-client: it reads
 * the operation name from the query text (every hub operation is named), records the call and answers as told.
 */
export async function startFakeGateway(): Promise<FakeGateway> {
  const replies = new Map<string, (call: GatewayCall) => GatewayAnswer | Promise<GatewayAnswer>>();
  const calls: GatewayCall[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on(
      'end',
      () =>
        void (async () => {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown> };
          const operationName = /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
          const header = (name: string) => {
            const value = request.headers[name];
            return Array.isArray(value) ? value[0] : value;
          };
          const call: GatewayCall = { operationName, variables: body.variables ?? {}, caller: callerOf(header(DELEGATION_HEADER)) };
          if (header('traceparent')) call.traceparent = header('traceparent');
          if (header('x-request-id')) call.requestId = header('x-request-id');
          calls.push(call);
          const reply = replies.get(operationName);
          const answer = reply ? await reply(call) : { errors: [{ message: `no answer for ${operationName}`, extensions: { code: 'NOT_FOUND' } }] };
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
        })(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    calls,
    answer: (operationName, reply) => void replies.set(operationName, reply),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
