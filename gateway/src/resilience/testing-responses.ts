import type { FetcherResponse } from '@apollo/utils.fetcher';

/** A minimal FetcherResponse for the policies' unit tests: only the status matters to them. */
export function response(status: number): FetcherResponse {
  const body = JSON.stringify({ data: { ok: status < 300 } });
  return {
    status,
    ok: status >= 200 && status < 300,
    statusText: '',
    url: 'http://test/graphql',
    redirected: false,
    bodyUsed: false,
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => body,
    json: async () => JSON.parse(body) as unknown,
    arrayBuffer: async () => new TextEncoder().encode(body).buffer,
    clone: () => response(status),
  };
}

/** An error shaped like undici's for a refused connection. */
export function connectionRefused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
}
