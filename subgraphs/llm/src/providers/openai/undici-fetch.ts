import { Readable } from 'node:stream';
import { request, type Dispatcher } from 'undici';

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * The OpenAI SDK's fetch, on undici's request: Node's own fetch runs every call through the WHATWG fetch algorithm
 * (request cloning, body and header layers), about a millisecond of the llm's thread between the SDK's create() and
 * the request leaving, all of it on the time to first token (bench/llm). The SDK still builds, sends and parses
 * everything itself; only the transport under it changes. Bodies other than text (an image edit's form data) go
 * through fetch as before.
 */
export async function undiciFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  if (input instanceof Request || (init.body != null && typeof init.body !== 'string')) return fetch(input, init);
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => (headers[name] = value));
  const method = (init.method ?? 'GET').toUpperCase() as Dispatcher.HttpMethod;
  const response = await request(input, { method, headers, body: init.body ?? null, signal: init.signal ?? undefined });
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (Array.isArray(value)) for (const one of value) responseHeaders.append(name, one);
    else if (value !== undefined) responseHeaders.set(name, value);
  }
  if (NULL_BODY_STATUSES.has(response.statusCode) || method === 'HEAD') {
    response.body.resume();
    return new Response(null, { status: response.statusCode, headers: responseHeaders });
  }
  const body = Readable.toWeb(response.body) as ReadableStream<Uint8Array>;
  return new Response(body, { status: response.statusCode, headers: responseHeaders });
}
