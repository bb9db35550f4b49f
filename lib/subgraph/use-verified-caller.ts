import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { bodyHash, IDENTITY_HEADER, refusalMessage, type Refusal, type Verified } from '../auth/identity.js';
import type { CallerVerifier } from './verify-caller.js';

type Accepted = Extract<Verified, { identity: unknown }>;

// Per request object: the parser below verifies, the context and the idempotency plugin read what it found.
const callers = new WeakMap<Request, Accepted>();

/** The verified caller of a GraphQL request (set by useVerifiedCaller before anything runs). */
export function callerOf(request: Request): Accepted | undefined {
  return callers.get(request);
}

/** The 401 a refused caller gets: why, with a code, never the header. */
export function refusedResponse(refusal: Refusal): Response {
  const body = { errors: [{ message: refusalMessage(refusal), extensions: { code: 'UNAUTHENTICATED', reason: refusal } }] };
  return new Response(JSON.stringify(body), { status: 401, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}

/**
 * Reads a GraphQL request's body itself, so that the identity header is checked against the exact bytes (its hash)
 * before a byte is parsed or anything runs; yoga's own parsers would hand us only the parsed value. Only JSON POSTs
 * are served: the gateway sends nothing else, and every other shape is one more parser to keep safe.
 */
export function useVerifiedCaller(verifier: CallerVerifier): Plugin {
  return {
    onRequestParse({ request: outer, url, setRequestParser }) {
      setRequestParser(async (request) => {
        if (request.method !== 'POST') throw badRequest('This service reads GraphQL requests as JSON POSTs only.');
        const text = await request.text();
        const verified = await verifier.verify(request.headers.get(IDENTITY_HEADER), {
          method: 'POST',
          path: `${url.pathname}${url.search}`,
          bodyHash: bodyHash(text),
        });
        if ('refusal' in verified) return refusedResponse(verified.refusal);
        // Under both names: yoga may hand the parser a request object other than the one the context gets.
        callers.set(request, verified);
        callers.set(outer, verified);
        let params: unknown;
        try {
          params = JSON.parse(text);
        } catch {
          throw badRequest('The request body is not JSON.');
        }
        if (params === null || typeof params !== 'object' || Array.isArray(params)) throw badRequest('The request body must be one JSON object.');
        return params as Record<string, never>;
      });
    },
  };
}
