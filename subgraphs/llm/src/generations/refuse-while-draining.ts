import { unavailable } from '#lib/domain/domain-error.js';
import type { GenerationServices } from './services.js';

/**
 * 5 s: the gateway's /readiness probe sees this instance draining within a few seconds, so a retry after that
 * lands on another instance (or on this one restarted).
 */
const DRAIN_RETRY_AFTER_SECONDS = 5;

/** Throws SERVICE_UNAVAILABLE with retryAfter while the service drains for shutdown; nothing is reserved or stored. */
export function refuseWhileDraining(services: GenerationServices): void {
  if (services.draining) throw unavailable('This llm instance is shutting down; retry the generation shortly.', { retryAfter: DRAIN_RETRY_AFTER_SECONDS });
}
