/** npm run token -- <user>: prints a signed JWT for that user id, for curl and GraphiQL's headers. */
import { loadAuthSecret, signUserToken } from '../lib/auth/index.js';

// The characters a user id may hold: safe in a JWT subject, a header and a log line without escaping.
const USER_ID = /^[A-Za-z0-9_.@-]{1,64}$/;

const user = process.argv[2];
if (!user || !USER_ID.test(user) || process.argv.length > 3) {
  console.error('usage: npm run token -- <user>   (user id: 1-64 characters of A-Z a-z 0-9 _ . @ -)');
  process.exit(1);
}
const { secret } = loadAuthSecret();
console.log(await signUserToken(user, secret));
