import type { IncomingMessage, ServerResponse } from 'node:http';

/** One HTTP route of the gateway: each route file exports a factory `(deps) => RouteHandler`. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
