import { signUserToken } from '#lib/auth/jwt.js';
import { loadAuthSecret } from '#lib/auth/secret.js';
import { createDndClient, type DndClient, type DndClientOptions, type Result } from '../frontend-sdk/src/index.js';

/** A frontend SDK client for any user id. */
export type SdkClients = (user: string) => DndClient;

/**
 * SDK clients that act as whichever user they are asked for, each with a token minted with the platform's secret:
 * for scripts and tests that play several users (a frontend gets its one token from sign-in instead).
 */
export function sdkClients(url: string, secret: string, options: Partial<Omit<DndClientOptions, 'url' | 'token'>> = {}): SdkClients {
  const clients = new Map<string, DndClient>();
  return (user) => {
    let client = clients.get(user);
    if (!client) {
      const token = signUserToken(user, secret);
      client = createDndClient({ ...options, url, token: () => token });
      clients.set(user, client);
    }
    return client;
  };
}

/** A script's way to read a Result: the data, or an Error naming what failed, its code and the request id to quote. */
export function dataOf<TData>(result: Result<TData>, what: string): TData {
  if (result.ok) return result.data;
  const request = result.requestId ? ` (request ${result.requestId})` : '';
  throw new Error(`${what} failed: ${result.error.code}: ${result.error.message}${request}`);
}

/** The gateway's GraphQL endpoint for scripts: GATEWAY_URL (the origin, as `npm run seed` always took it) + /graphql. */
export function gatewayGraphqlUrl(): string {
  return `${(process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000').replace(/\/+$/, '')}/graphql`;
}

/**
 * The client of a one-user command-line script: the bearer token in TOKEN when set (`TOKEN=$(npm run -s token --
 * <user>)`, or any deployment's token), else one minted for `user` with the local platform's secret.
 */
export function scriptClient(user: string, options: Partial<Omit<DndClientOptions, 'url' | 'token'>> = {}): DndClient {
  const url = gatewayGraphqlUrl();
  const token = process.env.TOKEN;
  return token ? createDndClient({ ...options, url, token }) : sdkClients(url, loadAuthSecret().secret, options)(user);
}
