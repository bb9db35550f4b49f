/**
 * npm run service-key -- <service>: prints what a production deployment gives that one service instead of the hub
 * secret, as environment lines: SERVICE_KEY (the key it shares with the gateway: lib/auth/service-keys.ts) and
 * HUB_COORDINATOR_PUBLIC_KEY (verifies the coordinator's transaction capabilities: lib/transactions/capability.ts).
 * Reads HUB_SECRET (or derives it from AUTH_JWT_SECRET / the embedded secret, as the gateway does).
 */
import { hubSecretOf, loadAuthSecret, serviceKey } from '#lib/auth/index.js';
import { SERVICES } from '#lib/config/services.js';
import { coordinatorKeys } from '#lib/transactions/capability.js';

const [service, ...rest] = process.argv.slice(2);
if (!service || rest.length > 0 || !(SERVICES as readonly string[]).includes(service)) {
  console.error(`usage: npm run service-key -- <service>   (one of ${SERVICES.join(', ')})`);
  process.exit(1);
}
const hubSecret = hubSecretOf(loadAuthSecret().secret);
console.log(`SERVICE_KEY=${serviceKey(hubSecret, service).toString('base64url')}`);
console.log(`HUB_COORDINATOR_PUBLIC_KEY=${coordinatorKeys(hubSecret).publicKey.export({ format: 'der', type: 'spki' }).toString('base64url')}`);
