import { sendJson } from '#lib/http/send-json.js';
import type { RouteHandler } from './route.js';

/** Liveness: the process answers. Nothing else is asked, so that a slow subgraph never gets the gateway restarted. */
export function healthRoute(): RouteHandler {
  return (_req, res) => sendJson(res, 200, { status: 'ok' });
}
