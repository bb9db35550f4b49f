import { badUserInput } from '#lib/graphql/errors.js';
import { TRACE_ID } from '../../observability/trace-reader.js';
import type { ServiceSnapshot } from '../../resilience/resilient-service.js';
import type { HubResolvers, HubServiceResolvers, SpanResolvers, TrackedFetchResolvers } from '../__generated__/resolvers-types.js';
import type { HubObservability } from '../context.js';

/** Query.hub's parent: one snapshot of the registry, so that every field of one answer describes the same moment. */
export interface HubView {
  services: ServiceSnapshot[];
  /** Message tracking and traces; absent when the hub is served without them (tests of the hub subgraph alone). */
  observability?: HubObservability | undefined;
}

// 1000: the most a list field answers at once (the tracker's own bound); past it an operator narrows the filter.
const MAX_FIRST = 1000;

function pageSize(first: number | null | undefined, fallback: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_FIRST) throw badUserInput(`first must be between 1 and ${MAX_FIRST}, got ${size}`, { field: 'first' });
  return size;
}

export const hubResolvers: HubResolvers = {
  services: (hub) => hub.services,
  service: (hub, { name }) => hub.services.find((service) => service.name === name) ?? null,
  requests: (hub, { filter, first }) => hub.observability?.tracker.requests(filter ?? {}, pageSize(first, 50)) ?? [],
  request: (hub, { id }) => hub.observability?.tracker.request(id) ?? null,
  async trace(hub, { id }, ctx) {
    const traceId = id.trim().toLowerCase();
    if (!TRACE_ID.test(traceId)) throw badUserInput(`id must be a trace id of 32 hex digits, got "${id}"`, { field: 'id' });
    return (await hub.observability?.traces.trace(traceId, ctx.identity)) ?? null;
  },
  traces: (hub, { first }) => hub.observability?.traces.recent(pageSize(first, 20)) ?? [],
};

export const hubServiceResolvers: HubServiceResolvers = {
  available: (service) => service.instances.some((instance) => instance.healthy !== false && instance.breaker.state !== 'OPEN'),
};

export const trackedFetchResolvers: TrackedFetchResolvers = {
  retries: (fetch) => Math.max(0, fetch.attempts - 1),
};

export const spanResolvers: SpanResolvers = {
  attributes: (span) => Object.entries(span.attributes).map(([key, value]) => ({ key, value: String(value) })),
};
