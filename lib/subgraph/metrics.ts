/** Counters the subgraph reports at /metrics in Prometheus text format. */
const sources = new Map<string, () => number>();

/** Registers a counter read at scrape time (the database's statement count, for one). */
export function registerCounter(name: string, read: () => number): void {
  sources.set(name, read);
}

export function metricsText(service: string): string {
  let text = '';
  for (const [name, read] of sources) {
    text += `# TYPE ${name} counter\n${name}{service="${service}"} ${read()}\n`;
  }
  return text;
}

/** The live event feed's subscribers: a gauge, so that an operator (and a test) sees subscriptions come and go. */
export function feedMetrics(service: string, feed: { readonly subscriberCount: number } | undefined): string {
  if (!feed) return '';
  return `# TYPE event_feed_subscribers gauge\nevent_feed_subscribers{service="${service}"} ${feed.subscriberCount}\n`;
}
