import { bodyHash, IDENTITY_HEADER, signRequest, type Identity } from '../identity.js';
import { hubSecretOf, serviceKey } from '../service-keys.js';

/**
 * The identity header the gateway would send `audience` for one request, for tests that call a service as the
 * gateway does: signed with the service's key derived from `secret`, bound to method, path and body, good once.
 */
export function signedFor(
  secret: string,
  audience: string,
  identity: Identity,
  { method = 'POST', path = '/graphql', body = '', now }: { method?: string; path?: string; body?: string; now?: number } = {},
): Record<string, string> {
  const key = serviceKey(hubSecretOf(secret), audience);
  const { header } = signRequest(identity, { audience, method, path, bodyHash: bodyHash(body) }, key, now === undefined ? {} : { now });
  return { [IDENTITY_HEADER]: header };
}
