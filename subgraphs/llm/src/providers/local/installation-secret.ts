import { createHmac } from 'node:crypto';
import { loadAuthSecret } from '#lib/auth/index.js';

let secret: string | undefined;

/**
 * What the local provider mixes into every seed: LOCAL_PROVIDER_SECRET, else derived from this installation's auth
 * secret (under a label of its own, so it reveals nothing of it). The local provider is deterministic: without
 * this, anyone could write a DM's plot hooks again from the campaign's public name and setting. With it, output
 * is the same within one installation (a stated seed still reproduces a generation there) and another elsewhere.
 */
export function installationSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LOCAL_PROVIDER_SECRET) return env.LOCAL_PROVIDER_SECRET;
  return (secret ??= createHmac('sha256', loadAuthSecret().secret).update('dnd-tools/local-provider/v1').digest('base64url'));
}
