import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type Metric } from 'prom-client';

const registries = new Map<string, Registry>();

/**
 * The Prometheus registry of one service: one per process and service (tests run several services in one
 * process), each series labelled service=<name>. Each also carries Node's own series (heap, event-loop lag, GC):
 * a process may hold a registry it does not serve (the gateway's embedded hub database counts its statements under
 * "hub"), so none can be the only one that has them. They are read at scrape time; a registry nobody scrapes costs
 * an event-loop delay monitor.
 */
export function metricsRegistry(service: string): Registry {
  let registry = registries.get(service);
  if (!registry) {
    registry = new Registry();
    registry.setDefaultLabels({ service });
    registries.set(service, registry);
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}

/**
 * Prometheus text of one service's registry, or of every registry of this process when no service is named (in
 * production a process hosts one service, so both are the same).
 */
export async function metricsText(service?: string): Promise<string> {
  if (service !== undefined) return metricsRegistry(service).metrics();
  const texts = await Promise.all([...registries.values()].map((registry) => registry.metrics()));
  return texts.join('\n');
}

/**
 * A metric of a registry by name, created on first use: a module that defines a series may be loaded into a
 * process whose registry already has it (two servers of one service in a test), and prom-client throws on a
 * second registration of a name.
 */
function once<T extends Metric>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

export function counter<L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
  return once(registry, name, () => new Counter({ name, help, labelNames, registers: [registry] }));
}

export function gauge<L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
  return once(registry, name, () => new Gauge({ name, help, labelNames, registers: [registry] }));
}

export function histogram<L extends string>(registry: Registry, name: string, help: string, buckets: number[], labelNames: readonly L[] = []): Histogram<L> {
  return once(registry, name, () => new Histogram({ name, help, labelNames, buckets, registers: [registry] }));
}
