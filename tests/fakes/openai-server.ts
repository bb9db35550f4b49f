/**
 * A stand-in for OpenAI's HTTP API (and any OpenAI-compatible server), speaking its exact wire formats, so the
 * `openai` SDK and our provider code run unchanged against it. Start with `startOpenAiServer()`; point the SDK's
 * baseURL at `${url}/v1`.
 *
 * Endpoints: POST /v1/chat/completions (streamed as text/event-stream `data: {chunk}` lines ending `data: [DONE]`,
 * with a last `choices: []` usage chunk when stream_options.include_usage; or one chat.completion object),
 * POST /v1/images/generations (b64_json PNGs of the asked size), GET /v1/models.
 *
 * Scenarios, chosen per request by the API key (Authorization: Bearer <key>):
 *   sk-test-401         401 invalid_api_key (the message echoes a masked key, as OpenAI's does)
 *   sk-test-429         429 rate_limit_exceeded with x-ratelimit-remaining-requests: 0, x-ratelimit-reset-requests: 1.5s,
 *                       x-ratelimit-reset-tokens: 12ms, retry-after-ms: 1500
 *   sk-test-429-reset   the same 429 with only x-ratelimit-reset-* headers (reset-requests 6m0s, reset-tokens 20s)
 *   sk-test-quota       429 insufficient_quota with x-should-retry: false
 *   any other key       served normally
 * and by the model (body.model):
 *   fake-hang           never answers (no status line)
 *   fake-stall          streams two chunks, then nothing more
 *   fake-drop           streams two chunks, then the connection is destroyed
 *   fake-truncated      streams two chunks, then ends the response cleanly without finish_reason or [DONE]
 *   fake-stream-error   streams two chunks, then `data: {"error":{...}}` (a server_error)
 *   fake-garbage        200 with a body that is not the wire format (an HTML page for JSON, a non-JSON data line for streams)
 *   fake-500            500 server_error
 *   missing-*           404 model_not_found
 *   any other model     served: the reply is REPLY_WORDS, cut at max_tokens words (finish_reason length)
 */
import type { ServerResponse } from 'node:http';
import { gradientPng } from '#lib/images/png.js';
import { bodyOf, sendJson, startFakeServer, type FakeServer, type RecordedRequest } from './fake-http.js';

export type { FakeServer, RecordedRequest };

/** The served reply: its words are streamed WORDS_PER_CHUNK to a chunk. */
export const REPLY_WORDS =
  'The stand-in provider answers with these twenty plain words so that tests can count deltas and tokens without any surprise at all.'.split(' ');
const WORDS_PER_CHUNK = 2;
export const FAKE_MODELS = [
  'gpt-4o-mini',
  'gpt-4o',
  'dall-e-3',
  'fake-hang',
  'fake-stall',
  'fake-drop',
  'fake-truncated',
  'fake-stream-error',
  'fake-garbage',
  'fake-500',
];

export interface OpenAiServerOptions {
  /** Pause between streamed chunks (default 0): benches and cancellation tests slow the stream down. */
  chunkDelayMs?: number;
}

const CREATED = 1_700_000_000;

function keyOf(request: RecordedRequest): string {
  return request.authorization?.replace(/^Bearer\s+/i, '') ?? '';
}

function mask(key: string): string {
  return `${key.slice(0, 8)}***${key.slice(-4)}`;
}

/** Answers with the key scenario's error, or returns false when the key is served normally. */
function keyScenario(key: string, res: ServerResponse): boolean {
  if (key === 'sk-test-401') {
    sendJson(res, 401, {
      error: {
        message: `Incorrect API key provided: ${mask(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    });
    return true;
  }
  if (key === 'sk-test-429' || key === 'sk-test-429-reset') {
    const headers: Record<string, string> =
      key === 'sk-test-429'
        ? {
            'x-ratelimit-limit-requests': '500',
            'x-ratelimit-remaining-requests': '0',
            'x-ratelimit-reset-requests': '1.5s',
            'x-ratelimit-reset-tokens': '12ms',
            'retry-after-ms': '1500',
          }
        : {
            'x-ratelimit-limit-requests': '500',
            'x-ratelimit-remaining-requests': '0',
            'x-ratelimit-reset-requests': '6m0s',
            'x-ratelimit-reset-tokens': '20s',
          };
    sendJson(
      res,
      429,
      {
        error: {
          message:
            'Rate limit reached for gpt-4o-mini in organization org-fake on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 1.5s.',
          type: 'requests',
          param: null,
          code: 'rate_limit_exceeded',
        },
      },
      headers,
    );
    return true;
  }
  if (key === 'sk-test-quota') {
    sendJson(
      res,
      429,
      {
        error: {
          message: 'You exceeded your current quota, please check your plan and billing details.',
          type: 'insufficient_quota',
          param: null,
          code: 'insufficient_quota',
        },
      },
      { 'x-should-retry': 'false' },
    );
    return true;
  }
  return false;
}

/** Answers with the model scenario's error that applies to every endpoint, or returns false. */
function modelScenario(model: string, res: ServerResponse): boolean {
  if (model === 'fake-hang') return true; // the response is never written: the client's timeout must end it
  if (model === 'fake-500') {
    sendJson(res, 500, {
      error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null },
    });
    return true;
  }
  if (model.startsWith('missing-')) {
    sendJson(res, 404, {
      error: {
        message: `The model \`${model}\` does not exist or you do not have access to it.`,
        type: 'invalid_request_error',
        param: null,
        code: 'model_not_found',
      },
    });
    return true;
  }
  if (model === 'fake-garbage') {
    // A proxy's error page: the status says fine, the body is not the API's.
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    return true;
  }
  return false;
}

function promptTokens(body: Record<string, unknown>): number {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  const words = messages.map((m: unknown) => (typeof m === 'object' && m !== null && 'content' in m ? String(m.content) : '')).join(' ');
  return words.split(/\s+/).filter(Boolean).length;
}

function replyFor(body: Record<string, unknown>): { words: string[]; finish: 'stop' | 'length' } {
  const max = typeof body.max_tokens === 'number' ? body.max_tokens : Infinity;
  return REPLY_WORDS.length > max ? { words: REPLY_WORDS.slice(0, max), finish: 'length' } : { words: REPLY_WORDS, finish: 'stop' };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function streamChat(body: Record<string, unknown>, res: ServerResponse, options: OpenAiServerOptions): Promise<void> {
  const model = String(body.model);
  const id = 'chatcmpl-fake';
  const base = { id, object: 'chat.completion.chunk', created: CREATED, model, system_fingerprint: 'fp_fake' };
  const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  if (model === 'fake-garbage') {
    res.end('data: {"id": oops this is not json\n\n');
    return;
  }
  const { words, finish } = replyFor(body);
  send({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }] });
  const broken = ['fake-stall', 'fake-drop', 'fake-truncated', 'fake-stream-error'].includes(model);
  const pieces: string[] = [];
  for (let i = 0; i < words.length; i += WORDS_PER_CHUNK) pieces.push((i === 0 ? '' : ' ') + words.slice(i, i + WORDS_PER_CHUNK).join(' '));
  for (const [index, piece] of pieces.entries()) {
    if (broken && index === 2) break;
    if (options.chunkDelayMs) await sleep(options.chunkDelayMs);
    if (res.destroyed) return;
    send({ ...base, choices: [{ index: 0, delta: { content: piece }, logprobs: null, finish_reason: null }] });
  }
  if (model === 'fake-stall') return;
  // Dropped after what was written has reached the client: a connection lost half-way, not a refused one.
  if (model === 'fake-drop') return void setTimeout(() => res.destroy(), 50);
  if (model === 'fake-truncated') return void res.end();
  if (model === 'fake-stream-error') {
    send({ error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } });
    return void res.end();
  }
  send({ ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: finish }] });
  const streamOptions = typeof body.stream_options === 'object' && body.stream_options !== null ? (body.stream_options as Record<string, unknown>) : {};
  if (streamOptions.include_usage === true) {
    const prompt = promptTokens(body);
    send({ ...base, choices: [], usage: { prompt_tokens: prompt, completion_tokens: words.length, total_tokens: prompt + words.length } });
  }
  res.end('data: [DONE]\n\n');
}

function completeChat(body: Record<string, unknown>, res: ServerResponse): void {
  const { words, finish } = replyFor(body);
  const prompt = promptTokens(body);
  sendJson(res, 200, {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: CREATED,
    model: String(body.model),
    choices: [{ index: 0, message: { role: 'assistant', content: words.join(' '), refusal: null }, logprobs: null, finish_reason: finish }],
    usage: { prompt_tokens: prompt, completion_tokens: words.length, total_tokens: prompt + words.length },
    system_fingerprint: 'fp_fake',
  });
}

function generateImages(body: Record<string, unknown>, res: ServerResponse): void {
  const [width, height] = String(body.size ?? '1024x1024')
    .split('x')
    .map(Number);
  const n = typeof body.n === 'number' ? body.n : 1;
  const data = Array.from({ length: n }, (_, i) => ({
    b64_json: gradientPng(width ?? 1024, height ?? 1024, [40 * i, 80, 160], [240, 200 - 30 * i, 120]).toString('base64'),
    revised_prompt: `A detailed painting: ${String(body.prompt)}`,
  }));
  sendJson(res, 200, { created: CREATED, data });
}

export async function startOpenAiServer(options: OpenAiServerOptions = {}): Promise<FakeServer> {
  return startFakeServer(async (request, res) => {
    const body = bodyOf(request);
    if (keyScenario(keyOf(request), res)) return;
    if (request.method === 'GET' && request.path === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: FAKE_MODELS.map((id) => ({ id, object: 'model', created: CREATED, owned_by: 'stand-in' })) });
    }
    if (request.method !== 'POST' || !['/v1/chat/completions', '/v1/images/generations'].includes(request.path)) {
      return sendJson(res, 404, {
        error: { message: `Invalid URL (${request.method} ${request.path})`, type: 'invalid_request_error', param: null, code: null },
      });
    }
    const model = String(body.model ?? '');
    const streamingGarbage = model === 'fake-garbage' && body.stream === true;
    if (!streamingGarbage && modelScenario(model, res)) return;
    if (request.path === '/v1/images/generations') return generateImages(body, res);
    if (body.stream === true) return streamChat(body, res, options);
    return completeChat(body, res);
  });
}
