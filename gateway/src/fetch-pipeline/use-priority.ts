import type { Priority } from '#lib/config/resilience-config.js';
import type { FetchPolicy } from './policy.js';

/**
 * priority: the fetch keeps its client request's priority (use-request-policy.ts: message_hub.priority.root_fields)
 * or gets message_hub.priority.default. The bulkhead queue serves interactive fetches before batch ones. Switched
 * off, every fetch of the service goes at the default priority, first come first served.
 */
export function usePriority(options: { defaultPriority: Priority; enabled: boolean }): FetchPolicy {
  const { defaultPriority, enabled } = options;
  return (next) => (fetch) => {
    const priority = enabled ? (fetch.priority ?? defaultPriority) : defaultPriority;
    return next(fetch.priority === priority ? fetch : { ...fetch, priority });
  };
}
