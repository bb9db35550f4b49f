import { signUserToken } from '#lib/auth/jwt.js';

export interface GatewayError {
  message: string;
  extensions?: { code?: string } & Record<string, unknown>;
}

export class GatewayRequestError extends Error {
  constructor(readonly errors: GatewayError[]) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  }
}

/** A minimal client for scripts and benchmarks: acts as whichever user it is told by minting its token with the platform's secret. */
export function gatewayClient(url: string, secret: string) {
  const tokens = new Map<string, Promise<string>>();
  return {
    async request<TData = Record<string, unknown>>(user: string, query: string, variables?: Record<string, unknown>): Promise<TData> {
      if (!tokens.has(user)) tokens.set(user, signUserToken(user, secret));
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokens.get(user)}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: TData; errors?: GatewayError[] };
      if (body.errors?.length) throw new GatewayRequestError(body.errors);
      if (!body.data) throw new Error(`gateway answered HTTP ${response.status} without data`);
      return body.data;
    },
  };
}

export type GatewayClient = ReturnType<typeof gatewayClient>;
