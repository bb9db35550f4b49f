import type { ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    // Probe answers and error bodies describe this instant; a cache must never replay them.
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** The GraphQL-shaped error body the gateway answers outside GraphQL (image proxy, unknown route). */
export function errorBody(message: string, code: string): { errors: Array<{ message: string; extensions: { code: string } }> } {
  return { errors: [{ message, extensions: { code } }] };
}
