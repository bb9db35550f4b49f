import type { ApolloGateway } from '@apollo/gateway';
import type { HttpDrain } from '#lib/shutdown/http-drain.js';
import { sendJson } from '#lib/http/send-json.js';
import type { ServiceRegistry } from '../resilience/service-registry.js';
import type { RouteHandler } from './route.js';

export interface ReadinessDeps {
  gateway: ApolloGateway;
  registry: ServiceRegistry;
  drain: HttpDrain;
}

/**
 * Ready: the supergraph is loaded and every service has an instance answering /health (the in-process hub has none
 * of its own: it is ready when the gateway is). 503 from the moment draining starts, also for a probe that was
 * waiting on the polls: whoever routes here stops.
 */
export function readinessRoute({ gateway, registry, drain }: ReadinessDeps): RouteHandler {
  return async (_req, res) => {
    const services = drain.draining ? [] : await registry.readiness();
    if (drain.draining) return sendJson(res, 503, { status: 'draining', subgraphs: services });
    const notReady = services.filter((service) => service.status !== 'ok').map((service) => service.name);
    const ready = gateway.schema !== undefined && notReady.length === 0;
    return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', subgraphs: services, ...(ready ? {} : { notReady }) });
  };
}
