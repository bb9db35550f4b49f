import type { Fetcher } from '@apollo/utils.fetcher';
import type { PipelinePolicy, Priority, SwitchablePolicy } from '#lib/config/resilience-config.js';
import type { GatewayIdentities } from '../identity/gateway-identities.js';
import type { SubgraphFetchObserver } from '../observability/subgraph-fetch-observer.js';
import type { ResilientService } from '../resilience/resilient-service.js';
import type { RootFieldTimeouts } from '../resilience/root-field-timeouts.js';
import type { CustomPolicy } from './custom-policies.js';
import type { FetchNext, FetchPolicy } from './policy.js';
import { sendTo } from './send.js';
import { useBreaker } from './use-breaker.js';
import { useBulkhead } from './use-bulkhead.js';
import { useDeadline } from './use-deadline.js';
import { useDedup } from './use-dedup.js';
import { useLoadBalance } from './use-load-balance.js';
import { usePriority } from './use-priority.js';
import { useRetry } from './use-retry.js';
import { useSign } from './use-sign.js';
import { useTimeout } from './use-timeout.js';
import { useTrace } from './use-trace.js';
import { useTrack } from './use-track.js';

export interface PipelineOptions {
  service: ResilientService;
  identities: GatewayIdentities;
  fetcher: Fetcher;
  /** For fetches outside a client request: message_hub.request_timeout and priority.default. */
  defaults: { requestTimeoutMs: number; priority: Priority };
  observer?: SubgraphFetchObserver | undefined;
  rootFieldTimeouts?: RootFieldTimeouts | undefined;
  /** message_hub.custom_policies, loaded (custom-policies.ts). */
  custom?: readonly CustomPolicy[] | undefined;
}

export type PolicyName = PipelinePolicy;

/**
 * The road of one service's fetches, outermost first. The order is the design: a fetch is tracked whatever
 * happens to it; its deadline and priority are settled before it can join an identical fetch (dedup keys on the
 * priority) or wait in the bulkhead's queue; the queue is entered once per fetch, not per attempt; each attempt
 * is load balanced onto an instance, through that instance's breaker, under a timeout, signed for that instance,
 * and traced on its own. hub.yaml `policies` (message_hub, or services.<name> over it) switches any of them off
 * but `sign`; `load_balance` switched off sends to the first admitted instance instead (something must pick one).
 */
export function buildPipeline(options: PipelineOptions): FetchNext {
  const { service, identities, defaults, observer, rootFieldTimeouts } = options;
  const on = (name: SwitchablePolicy) => service.policy.policies[name];
  // THE order: a fetch meets these from the top down (an absent one is switched off).
  const policies: Record<PolicyName, FetchPolicy | undefined> = {
    track: on('track') ? useTrack(observer) : undefined,
    deadline: on('deadline') ? useDeadline({ requestTimeoutMs: defaults.requestTimeoutMs }) : undefined,
    priority: usePriority({ defaultPriority: defaults.priority, enabled: on('priority') }),
    dedup: on('dedup') ? useDedup() : undefined,
    bulkhead: on('bulkhead') ? useBulkhead(service) : undefined,
    retry: on('retry') ? useRetry({ policy: service.policy.retry, instanceCount: () => service.instances.length }) : undefined,
    load_balance: useLoadBalance(service, { enabled: on('load_balance') }),
    breaker: on('breaker') ? useBreaker() : undefined,
    timeout: on('timeout') ? useTimeout({ timeoutMs: service.policy.timeoutMs, rootFieldTimeouts }) : undefined,
    sign: useSign(identities),
    trace: on('trace') ? useTrace() : undefined,
  };
  const chain: FetchPolicy[] = [];
  for (const [name, policy] of Object.entries(policies) as Array<[PolicyName, FetchPolicy | undefined]>) {
    for (const custom of options.custom ?? []) if (custom.before === name) chain.push(custom.create({ service: service.name }));
    if (policy) chain.push(policy);
  }
  for (const custom of options.custom ?? []) if (custom.before === undefined) chain.push(custom.create({ service: service.name }));
  // Wrapped from the inside out, so that chain[0] is the first to see a fetch.
  return chain.reduceRight<FetchNext>((next, policy) => policy(next), sendTo(options.fetcher));
}
