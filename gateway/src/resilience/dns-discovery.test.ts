import { MockAgent } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLoadBalance } from '../fetch-pipeline/use-load-balance.js';
import { answer, fakeFetch } from '../fetch-pipeline/testing.js';
import { parseHubConfig } from '#lib/config/hub-config.js';
import { DnsDiscovery, type DnsResolver } from './dns-discovery.js';
import { ResilientService } from './resilient-service.js';
import { resolveServicePolicy } from './service-policy.js';
import { ServiceRegistry } from './service-registry.js';

/** A DNS server in a map, as Docker's embedded DNS answers: one A record per replica of a compose service. */
function fakeResolver(records: Record<string, string[]>): DnsResolver & { records: Record<string, string[]>; asked: string[] } {
  const asked: string[] = [];
  const answer = (host: string) => {
    asked.push(host);
    const addresses = records[host];
    if (!addresses) return Promise.reject(Object.assign(new Error(`queryA ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));
    return Promise.resolve(addresses);
  };
  return {
    records,
    asked,
    resolve4: ((host: string) => answer(host).then((all) => all.filter((address) => !address.includes(':')))) as DnsResolver['resolve4'],
    resolve6: ((host: string) => answer(host).then((all) => all.filter((address) => address.includes(':')))) as DnsResolver['resolve6'],
  };
}

// Health polls go nowhere: these tests are about which instances exist, not whether they answer.
const dispatcher = new MockAgent();
dispatcher.disableNetConnect();
const HUB_YAML = 'services:\n  character:\n    discovery: { mode: dns, interval: 20ms }\n  campaign: {}\n';

let registry: ServiceRegistry | undefined;
afterEach(() => registry?.stop());

describe('DNS discovery (hub.yaml discovery: { mode: dns })', () => {
  it('makes every address of the host an instance, and follows replicas coming and going', async () => {
    const dns = fakeResolver({ character: ['10.0.0.3', '10.0.0.2'], campaign: ['10.0.1.2', '10.0.1.3'] });
    registry = new ServiceRegistry(parseHubConfig(HUB_YAML), dispatcher, dns);
    const character = registry.ensure('character', ['http://character:4001/graphql']);
    const campaign = registry.ensure('campaign', ['http://campaign:4002/graphql']);
    registry.startHealthPolling();
    await registry.discover();
    expect(character.instances.map((instance) => instance.url)).toEqual(['http://10.0.0.2:4001/graphql', 'http://10.0.0.3:4001/graphql']);
    // A service without discovery routes to its URL as configured.
    expect(campaign.instances.map((instance) => instance.url)).toEqual(['http://campaign:4002/graphql']);
    expect(dns.asked).not.toContain('campaign');

    // Each instance takes traffic: the load balancer spreads fetches over both addresses.
    const sent: string[] = [];
    const balance = useLoadBalance(character, { enabled: true })(async (fetch) => (sent.push(fetch.url ?? ''), answer(200)));
    await Promise.all(Array.from({ length: 4 }, () => balance(fakeFetch())));
    expect(new Set(sent)).toEqual(new Set(['http://10.0.0.2:4001/graphql', 'http://10.0.0.3:4001/graphql']));

    // `--scale character=2` again after a replica was replaced: .2 went away, .4 came; .3 keeps its figures.
    const staying = character.instances.find((instance) => instance.url.includes('10.0.0.3'))!;
    dns.records.character = ['10.0.0.3', '10.0.0.4'];
    await expect.poll(() => character.instances.map((instance) => instance.url)).toEqual(['http://10.0.0.3:4001/graphql', 'http://10.0.0.4:4001/graphql']);
    expect(character.instances[0]).toBe(staying);
    expect(staying.requests).toBeGreaterThan(0);

    // Stopped with the registry: no more lookups.
    registry.stop();
    const lookups = dns.asked.length;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(dns.asked.length).toBe(lookups);
  });

  it('keeps the last instances when the name stops resolving, and says so once', async () => {
    const dns = fakeResolver({ character: ['10.0.0.2', '10.0.0.3'] });
    const policy = resolveServicePolicy(parseHubConfig(HUB_YAML), 'character');
    const service = new ResilientService('character', policy, ['http://character:4001/graphql']);
    const warnings: string[] = [];
    const discovery = new DnsDiscovery(service, ['http://character:4001/graphql'], dns, (message) => warnings.push(message));
    await discovery.refresh();
    delete dns.records.character;
    await discovery.refresh();
    await discovery.refresh();
    expect(service.instances.map((instance) => instance.url)).toEqual(['http://10.0.0.2:4001/graphql', 'http://10.0.0.3:4001/graphql']);
    expect(warnings).toEqual([
      'DNS discovery of character: character did not resolve (ENOTFOUND); routing to http://10.0.0.2:4001/graphql, http://10.0.0.3:4001/graphql',
    ]);
  });

  it('takes AAAA records when a host has no A record, and leaves IP addresses as they are', async () => {
    const dns = fakeResolver({ llm: ['fd00::7'] });
    const policy = resolveServicePolicy(parseHubConfig('message_hub:\n  discovery: { mode: dns }\n'), 'llm');
    const templates = ['http://llm:4004/graphql', 'http://127.0.0.1:4014/graphql'];
    const service = new ResilientService('llm', policy, templates);
    const discovery = new DnsDiscovery(service, templates, dns, vi.fn());
    await discovery.refresh();
    expect(service.instances.map((instance) => instance.url)).toEqual(['http://[fd00::7]:4004/graphql', 'http://127.0.0.1:4014/graphql']);
    expect(dns.asked).toEqual(['llm', 'llm']);
  });
});
