import { randomBytes } from 'node:crypto';
import { bodyHash, GATEWAY, hubSecretOf, MemoryNonceStore, serviceKey, signRequest, verifyRequest } from '#lib/auth/index.js';

/**
 * What the identity of one subgraph request costs, in this process: the gateway hashes the body and signs the
 * header, the subgraph hashes the body again, verifies the header and claims its id. Measured on a body the size
 * of a PartyOverview fetch; issue 14's budget is 0.2 ms per subgraph request.
 */
export function measureIdentityCost(iterations = 20_000): { signUs: number; verifyUs: number; totalUs: number } {
  const hub = hubSecretOf(randomBytes(32).toString('hex'), {});
  const key = serviceKey(hub, 'character');
  const body = JSON.stringify({
    query: `query PartyOverview__character__0($owner:ID!){characters(first:10,filter:{owner:$owner}){edges{node{id name race class level armorClass maxHitPoints __typename}}}}`,
    variables: { owner: 'player-1' },
    operationName: 'PartyOverview__character__0',
  });
  const nonces = new MemoryNonceStore();
  const headers: string[] = new Array(iterations);
  // A warm-up of a tenth: the JIT and the key derivation's cache.
  for (let i = 0; i < iterations / 10; i++)
    signRequest({ userId: 'player-1' }, { audience: 'character', method: 'POST', path: '/graphql', bodyHash: bodyHash(body) }, key);
  let start = performance.now();
  for (let i = 0; i < iterations; i++) {
    headers[i] = signRequest({ userId: 'player-1' }, { audience: 'character', method: 'POST', path: '/graphql', bodyHash: bodyHash(body) }, key).header;
  }
  const signUs = ((performance.now() - start) * 1000) / iterations;
  const keyOf = (issuer: string) => (issuer === GATEWAY ? key : undefined);
  start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const verified = verifyRequest(headers[i], { audience: 'character', method: 'POST', path: '/graphql', bodyHash: bodyHash(body) }, keyOf);
    if (!('claims' in verified) || !nonces.claim(verified.claims.jti, verified.claims.exp)) throw new Error('identity bench: a fresh header was refused');
  }
  const verifyUs = ((performance.now() - start) * 1000) / iterations;
  return { signUs, verifyUs, totalUs: signUs + verifyUs };
}
