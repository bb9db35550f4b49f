export { loadAuthSecret, type AuthSecret } from './secret.js';
export { OPERATOR_ROLE, signUserToken, verifyUserToken, TokenError, type TokenUser } from './jwt.js';
export { verifiedTokens, VerifiedTokens } from './verified-tokens.js';
export {
  bodyHash,
  EMPTY_BODY_HASH,
  DELEGATION_HEADER,
  GATEWAY,
  IDENTITY_HEADER,
  IDENTITY_TTL_MS,
  refusalMessage,
  signRequest,
  verifyRequest,
  type Identity,
  type IdentityClaims,
  type Refusal,
  type RequestBinding,
} from './identity.js';
export { hubSecretOf, ownServiceKey, serviceKey } from './service-keys.js';
export { MemoryNonceStore, RedisNonceStore, type NonceStore } from './nonce-store.js';
export { createNonceStore } from './create-nonce-store.js';
