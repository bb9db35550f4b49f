export { loadAuthSecret, type AuthSecret } from './secret.js';
export { OPERATOR_ROLE, signUserToken, verifyUserToken, TokenError, type TokenUser } from './jwt.js';
export { verifiedTokens, VerifiedTokens } from './verified-tokens.js';
export { IDENTITY_HEADER, signIdentity, verifyIdentity, type Identity } from './identity.js';
