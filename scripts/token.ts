/**
 * npm run token -- <user> [--operator]: prints a signed JWT for that user id, for curl and GraphiQL's headers.
 * --operator adds the role that may read the hub's own state (Query.hub).
 */
import { parseArgs } from 'node:util';
import { loadAuthSecret, OPERATOR_ROLE, signUserToken } from '#lib/auth/index.js';
import { DEFAULT_TOKEN_TTL } from '#lib/auth/jwt.js';

// The characters a user id may hold: safe in a JWT subject, a header and a log line without escaping.
const USER_ID = /^[A-Za-z0-9_.@-]{1,64}$/;
const USAGE = 'usage: npm run token -- <user> [--operator]   (user id: 1-64 characters of A-Z a-z 0-9 _ . @ -)';

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { operator: { type: 'boolean', default: false } } });
} catch {
  console.error(USAGE);
  process.exit(1);
}
const [user, ...rest] = parsed.positionals;
if (!user || !USER_ID.test(user) || rest.length > 0) {
  console.error(USAGE);
  process.exit(1);
}
const { secret } = loadAuthSecret();
console.log(await signUserToken(user, secret, DEFAULT_TOKEN_TTL, parsed.values.operator ? [OPERATOR_ROLE] : []));
