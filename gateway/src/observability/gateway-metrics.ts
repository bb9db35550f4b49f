import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { ServiceSnapshot } from '../resilience/resilient-service.js';
import { OperationNames } from './operation-names.js';

export type MetricOutcome = 'ok' | 'error';

// Client requests run from a fraction of a millisecond (a field of the hub's own) to 45 s and more (an llm generation
// waits on the provider): buckets from 5 ms to a minute, denser below a second where interactive requests live.
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
// A subgraph fetch is a few ms on a healthy platform; the long tail is the llm's and attempts cut at timeouts.
const FETCH_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const BREAKER_VALUE = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2 } as const;

/**
 * The gateway's Prometheus series (served at GET /metrics with lib/telemetry's registry). Request and fetch series are
 * counted as they happen; breaker states and transitions, and queue depth, are read from the service registries at
 * scrape time, so the resilience code stays free of metrics calls.
 */
export class GatewayMetrics {
  readonly operationNames = new OperationNames();
  private readonly sources = new Set<() => ServiceSnapshot[]>();
  private readonly requests: Counter<'operation_type' | 'operation_name' | 'outcome'>;
  private readonly requestDuration: Histogram<'operation_type' | 'operation_name'>;
  private readonly fetchDuration: Histogram<'service' | 'outcome'>;
  private readonly retries: Counter<'service'>;
  private readonly transactions: Counter<'outcome'>;

  constructor(registry: Registry) {
    const registers = [registry];
    const services = () => [...this.sources].flatMap((source) => source());
    this.requests = new Counter({
      name: 'graphql_requests_total',
      help: 'Client GraphQL requests by operation and outcome',
      labelNames: ['operation_type', 'operation_name', 'outcome'],
      registers,
    });
    this.requestDuration = new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time from a client request reaching the gateway to its answer being ready',
      labelNames: ['operation_type', 'operation_name'],
      buckets: REQUEST_BUCKETS,
      registers,
    });
    this.fetchDuration = new Histogram({
      name: 'subgraph_fetch_duration_seconds',
      help: 'Subgraph fetches, queueing and retries included',
      labelNames: ['service', 'outcome'],
      buckets: FETCH_BUCKETS,
      registers,
    });
    this.retries = new Counter({
      name: 'subgraph_fetch_retries_total',
      help: 'Subgraph attempts after the first of their fetch',
      labelNames: ['service'],
      registers,
    });
    this.transactions = new Counter({ name: 'hub_transactions_total', help: 'Global transactions finished, by outcome', labelNames: ['outcome'], registers });
    new Gauge({
      name: 'circuit_breaker_state',
      help: 'Circuit breaker of each service instance: 0 closed, 1 half-open, 2 open',
      labelNames: ['service', 'instance'],
      registers,
      collect() {
        this.reset();
        for (const service of services())
          for (const instance of service.instances) this.set({ service: service.name, instance: instance.url }, BREAKER_VALUE[instance.breaker.state]);
      },
    });
    new Counter({
      name: 'circuit_breaker_transitions_total',
      help: 'Circuit breaker state changes of each service instance, by the state changed to',
      labelNames: ['service', 'instance', 'to'],
      registers,
      // Counted by the breakers themselves and read here: a breaker's count only grows while the gateway runs.
      collect() {
        this.reset();
        for (const service of services()) {
          for (const instance of service.instances) {
            for (const [to, count] of Object.entries(instance.breaker.transitionsTo)) {
              if (count > 0) this.inc({ service: service.name, instance: instance.url, to: to.toLowerCase() }, count);
            }
          }
        }
      },
    });
    new Gauge({
      name: 'bulkhead_queue_depth',
      help: "Fetches waiting for a slot in each service's bulkhead",
      labelNames: ['service'],
      registers,
      collect() {
        this.reset();
        for (const service of services()) this.set({ service: service.name }, service.queue.depth);
      },
    });
  }

  /** Reads this gateway's services at every scrape until the returned function is called (the gateway closes). */
  watch(services: () => ServiceSnapshot[]): () => void {
    this.sources.add(services);
    return () => this.sources.delete(services);
  }

  request(operationType: string, operationName: string | null, outcome: MetricOutcome, seconds: number): void {
    const name = this.operationNames.label(operationName);
    this.requests.inc({ operation_type: operationType, operation_name: name, outcome });
    this.requestDuration.observe({ operation_type: operationType, operation_name: name }, seconds);
  }

  fetch(service: string, outcome: MetricOutcome, seconds: number): void {
    this.fetchDuration.observe({ service, outcome }, seconds);
  }

  retry(service: string): void {
    this.retries.inc({ service });
  }

  transaction(outcome: 'committed' | 'aborted'): void {
    this.transactions.inc({ outcome });
  }
}

// One set of series per registry: prom-client refuses a second metric of the same name, and a process (a test
// file) may build several gateways.
const perRegistry = new WeakMap<Registry, GatewayMetrics>();

export function gatewayMetrics(registry: Registry): GatewayMetrics {
  let metrics = perRegistry.get(registry);
  if (!metrics) perRegistry.set(registry, (metrics = new GatewayMetrics(registry)));
  return metrics;
}
