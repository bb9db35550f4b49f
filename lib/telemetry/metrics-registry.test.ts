import { describe, expect, it } from 'vitest';
import { counter, metricsRegistry, metricsText } from './metrics-registry.js';

describe('metricsRegistry', () => {
  it('is one registry per service, each series labelled with it, and a counter defined twice is the same one', async () => {
    const registry = metricsRegistry('campaign');
    expect(metricsRegistry('campaign')).toBe(registry);
    const appends = counter(registry, 'test_appends_total', 'Appends.', ['stream']);
    expect(counter(registry, 'test_appends_total', 'Appends.', ['stream'])).toBe(appends);
    appends.inc({ stream: 'a' }, 2);
    expect(await metricsText('campaign')).toContain('test_appends_total{stream="a",service="campaign"} 2');
    // Node's process series in each service's registry, whichever of them the process serves.
    expect(await metricsText('campaign')).toContain('process_cpu_user_seconds_total{service="campaign"}');
    expect(await metricsText('image')).toContain('process_cpu_user_seconds_total{service="image"}');
    expect(await metricsText('image')).not.toContain('test_appends_total');
    expect(await metricsText()).toContain('test_appends_total');
  });
});
