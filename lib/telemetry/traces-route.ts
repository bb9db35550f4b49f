import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecentTraces } from './recent-traces.js';

const TRACE_ID = /^[0-9a-f]{32}$/;
// 1000: more than any page of the hub's Query fields asks for; a bound so one request cannot summarise without end.
const MAX_RECENT = 1000;

function json(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
  return true;
}

function error(res: ServerResponse, status: number, code: string, message: string): true {
  return json(res, status, { errors: [{ message, extensions: { code } }] });
}

/**
 * GET /traces?traceId=<32 hex> -> { spans } and GET /traces?recent=<n> -> { traces }: this process's kept spans,
 * which the gateway merges with its own for the hub's Query fields. The subgraph kit serves it only for a request
 * the gateway signed (lib/subgraph), as /graphql: span attributes name users' operations and statements. Returns false for any other path.
 */
export function handleTracesRoute(req: IncomingMessage, res: ServerResponse, recent: RecentTraces): boolean {
  // A string test before any parsing: this runs ahead of every request the server answers.
  if (!req.url || (req.url !== '/traces' && !req.url.startsWith('/traces?'))) return false;
  const url = new URL(req.url, 'http://local');
  if (req.method !== 'GET') return error(res, 405, 'METHOD_NOT_ALLOWED', 'Only GET reads /traces.');
  const traceId = url.searchParams.get('traceId');
  if (traceId !== null) {
    if (!TRACE_ID.test(traceId)) return error(res, 400, 'BAD_USER_INPUT', 'traceId must be 32 lower-case hexadecimal digits.');
    return json(res, 200, { spans: recent.spans(traceId) });
  }
  const count = Number(url.searchParams.get('recent'));
  if (!Number.isInteger(count) || count < 1 || count > MAX_RECENT) {
    return error(res, 400, 'BAD_USER_INPUT', `Give traceId=<32 hex digits> or recent=<1 to ${MAX_RECENT}>.`);
  }
  return json(res, 200, { traces: recent.traces(count) });
}
