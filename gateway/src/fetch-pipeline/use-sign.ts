import { bodyHash, IDENTITY_HEADER } from '#lib/auth/index.js';
import type { GatewayIdentities } from '../identity/gateway-identities.js';
import type { FetchPolicy } from './policy.js';

/**
 * sign: each attempt carries the gateway's identity header for the caller, bound to this service, the instance's
 * path and the body, good for one request (lib/auth/identity.ts): subgraphs answer only what the gateway vouches
 * for, anonymous callers included. Signed per attempt, since a header is single use; released once the attempt
 * settled, as the subgraph may call back for nested work on its behalf while it runs. Not switchable: without it
 * every subgraph refuses the fetch.
 */
export function useSign(identities: GatewayIdentities): FetchPolicy {
  // Instance URL -> the path its requests are signed for: the few instances of a service, parsed once.
  const paths = new Map<string, string>();
  const pathOf = (url: string): string => {
    let path = paths.get(url);
    if (path === undefined) {
      const { pathname, search } = new URL(url);
      paths.set(url, (path = `${pathname}${search}`));
    }
    return path;
  };
  // The body is hashed once per fetch, not per attempt: the same bytes go to every instance.
  const hashes = new WeakMap<object, string>();
  return (next) => async (fetch) => {
    const url = fetch.url ?? '';
    let hash = hashes.get(fetch.request);
    if (hash === undefined) hashes.set(fetch.request, (hash = bodyHash(fetch.body)));
    const { header, jti } = identities.sign(
      fetch.identity,
      { audience: fetch.service, method: 'POST', path: pathOf(url), body: fetch.body },
      { delegable: true, hash },
    );
    try {
      return await next({ ...fetch, headers: { ...fetch.headers, [IDENTITY_HEADER]: header } });
    } finally {
      identities.release(jti);
    }
  };
}
