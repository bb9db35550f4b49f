import type { IncomingMessage, ServerResponse } from 'node:http';
import { OPERATOR_ROLE, verifyUserToken } from '#lib/auth/index.js';
import { errorBody, sendJson } from '#lib/http/send-json.js';

/**
 * Answers 401 or 403 (and returns true) unless the request carries an operator's token: for routes outside GraphQL
 * that show the platform's inside (/metrics names every instance URL and operation), under Query.hub's rule.
 * A Prometheus scrape job sends one as its bearer token (`npm run token -- prometheus --operator`).
 */
export async function refuseNonOperator(req: IncomingMessage, res: ServerResponse, secret: string): Promise<boolean> {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
  if (!token) {
    sendJson(res, 401, errorBody('This route needs an operator token: Authorization: Bearer <token>', 'UNAUTHENTICATED'), { 'www-authenticate': 'Bearer' });
    return true;
  }
  let roles: readonly string[];
  try {
    roles = (await verifyUserToken(token, secret)).roles;
  } catch {
    sendJson(res, 401, errorBody('The token is invalid or has expired', 'UNAUTHENTICATED'), { 'www-authenticate': 'Bearer' });
    return true;
  }
  if (roles.includes(OPERATOR_ROLE)) return false;
  sendJson(res, 403, errorBody(`This route is for operators: a token with the role "${OPERATOR_ROLE}" (npm run token -- <user> --operator)`, 'FORBIDDEN'));
  return true;
}
