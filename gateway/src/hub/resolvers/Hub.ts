import type { ServiceSnapshot } from '../../resilience/resilient-service.js';
import type { HubResolvers, HubServiceResolvers } from '../__generated__/resolvers-types.js';

/** Query.hub's parent: one snapshot of the registry, so that every field of one answer describes the same moment. */
export interface HubView {
  services: ServiceSnapshot[];
}

export const hubResolvers: HubResolvers = {
  services: (hub) => hub.services,
  service: (hub, { name }) => hub.services.find((service) => service.name === name) ?? null,
};

export const hubServiceResolvers: HubServiceResolvers = {
  available: (service) => service.instances.some((instance) => instance.healthy !== false && instance.breaker.state !== 'OPEN'),
};
