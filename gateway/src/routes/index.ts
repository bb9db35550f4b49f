import Router from 'find-my-way';
import type { ApolloGateway } from '@apollo/gateway';
import type { Dispatcher } from 'undici';
import type { HttpDrain } from '#lib/shutdown/http-drain.js';
import type { GatewayYoga } from '../context/gateway-context.js';
import { IMAGES_PREFIX } from '../http/image-proxy.js';
import { PLAYGROUND_ASSETS_PREFIX, type PlaygroundAssets } from '../http/playground-assets.js';
import type { PlaygroundPage } from '../http/playground-page.js';
import type { GatewayIdentities } from '../identity/gateway-identities.js';
import type { GatewayObservability } from '../observability/gateway-observability.js';
import type { ServiceRegistry } from '../resilience/service-registry.js';
import { graphqlRoute } from './graphql.js';
import { healthRoute } from './health.js';
import { imagesRoute } from './images.js';
import { metricsRoute } from './metrics.js';
import { playgroundRoute } from './playground.js';
import { playgroundAssetsRoute } from './playground-assets.js';
import { readinessRoute } from './readiness.js';
import type { RouteHandler } from './route.js';

export interface RoutesDeps {
  secret: string;
  yoga: GatewayYoga;
  gateway: ApolloGateway;
  registry: ServiceRegistry;
  observability: GatewayObservability;
  identities: GatewayIdentities;
  dispatcher: Dispatcher;
  drain: HttpDrain;
  playground: PlaygroundPage;
  /** GraphiQL's hashed scripts, styles, workers and icon, which the page links to. */
  playgroundAssets: PlaygroundAssets;
  /** The image subgraph's origin; without one, /images/ is yoga's like any unknown path. */
  imageOrigin: string | undefined;
  maxBodyBytes: number;
}

/**
 * The gateway's HTTP routes, all of them. Probes and image bytes are answered before the GraphQL pipeline: a probe
 * must not depend on auth or on GraphQL plugins, and image bytes are streamed straight from the image service.
 */
export function httpRoutes(deps: RoutesDeps): RouteHandler {
  const graphql = graphqlRoute(deps);
  const images = deps.imageOrigin === undefined ? undefined : imagesRoute({ ...deps, origin: deps.imageOrigin });
  // find-my-way types defaultRoute and onBadUrl as answering void, yet its lookup returns what they answer, as it does
  // for a route's handler: their promises reach create-gateway's catch as every route's does.
  const router = Router({
    defaultRoute: graphql as (...args: Parameters<RouteHandler>) => void,
    // A path find-my-way cannot percent-decode (/images/%zz) went where its prefix said before there was a router:
    // the image proxy judges its own paths, and yoga answers the rest.
    onBadUrl: ((path: string, req, res) => (images && path.startsWith(IMAGES_PREFIX) ? images(req, res) : graphql(req, res))) as (
      path: string,
      ...args: Parameters<RouteHandler>
    ) => void,
  });
  router.all('/health', healthRoute());
  router.all('/readiness', readinessRoute(deps));
  router.on('GET', '/metrics', metricsRoute(deps));
  if (images) router.all(`${IMAGES_PREFIX}*`, images);
  router.on('GET', '/graphql', playgroundRoute({ page: deps.playground, graphql }));
  // Every method: the route answers 405 to anything but GET and HEAD, rather than yoga's 404.
  router.all(`${PLAYGROUND_ASSETS_PREFIX}*`, playgroundAssetsRoute({ assets: deps.playgroundAssets }));
  // lookup answers what the matched handler answered, typed `any` by find-my-way: every handler here is a RouteHandler.
  return async (req, res) => router.lookup(req, res) as ReturnType<RouteHandler>;
}
