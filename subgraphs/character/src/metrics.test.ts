import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE, dwarfFighter, startCharacterTestServer, type CharacterTestServer } from './testing/character-test-server.js';

let server: CharacterTestServer;
beforeAll(async () => {
  server = await startCharacterTestServer();
});
afterAll(() => server?.close());

async function scrape(): Promise<{ text: string; contentType: string | null }> {
  const response = await server.client.get('/metrics');
  return { text: await response.text(), contentType: response.headers.get('content-type') };
}

const value = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);

describe('character /metrics', () => {
  it('serves Prometheus text whose counters move with a mutation: SQL statements and event-store appends', async () => {
    const before = await scrape();
    expect(before.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const created = await server.client.request(CREATE, { input: dwarfFighter({ name: 'Gimli' }) });
    expect(created.errors).toBeUndefined();
    const after = await scrape();
    expect(value(after.text, 'db_statements_total{service="character"}')).toBeGreaterThan(value(before.text, 'db_statements_total{service="character"}'));
    const appendsBefore = value(before.text, 'event_store_appends_total{service="character"}');
    expect(value(after.text, 'event_store_appends_total{service="character"}')).toBe((Number.isNaN(appendsBefore) ? 0 : appendsBefore) + 1);
    // The process's own series and the live subscriptions gauge are there too.
    expect(after.text).toMatch(/^nodejs_eventloop_lag_seconds\{service="character"\} /m);
    expect(value(after.text, 'event_feed_subscribers{service="character"}')).toBe(0);
  });
});
