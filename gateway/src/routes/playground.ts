import { PlaygroundPage, wantsPlayground } from '../http/playground-page.js';
import type { RouteHandler } from './route.js';

/** GET /graphql: GraphiQL's page for a browser (Accept: text/html), a GraphQL GET request otherwise. */
export function playgroundRoute({ page, graphql }: { page: PlaygroundPage; graphql: RouteHandler }): RouteHandler {
  return (req, res) => (wantsPlayground(req) ? page.serve(req, res) : graphql(req, res));
}
