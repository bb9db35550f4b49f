import type { ServerResponse } from 'node:http';
import { Gauge, Registry } from 'prom-client';
import { metricsText } from '../telemetry/metrics-registry.js';

/**
 * The series of one server rather than of its service: the state it holds live (its event feed's subscribers,
 * the llm's running generations). In production a process is one server; a test that runs two servers of a
 * service in one process reads each one's own count at its /metrics.
 */
export function serverRegistry(service: string, feed: { readonly subscriberCount: number } | undefined): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (feed) {
    new Gauge({
      name: 'event_feed_subscribers',
      help: "Live subscriptions to this server's event feed",
      registers: [registry],
      collect() {
        this.set(feed.subscriberCount);
      },
    });
  }
  return registry;
}

/**
 * GET /metrics in Prometheus text format: the service's series (lib/telemetry's registry: SQL statements,
 * event-store appends and consumer lag, LLM tokens and cost, the process's own) and then this server's.
 */
export async function serveMetrics(res: ServerResponse, service: string, server: Registry): Promise<void> {
  const text = `${await metricsText(service)}\n${await server.metrics()}`;
  res.writeHead(200, { 'content-type': server.contentType });
  res.end(text);
}
