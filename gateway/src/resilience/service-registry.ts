import { promises as dns } from 'node:dns';
import type { Dispatcher } from 'undici';
import type { HubConfig } from '#lib/config/hub-config.js';
import { DnsDiscovery, type DnsResolver } from './dns-discovery.js';
import { HealthPoller } from './health-poller.js';
import { ResilientService, type ServiceSnapshot } from './resilient-service.js';
import { resolveServicePolicy } from './service-policy.js';

export type ServiceReadiness = { name: string; status: 'ok' } | { name: string; status: 'unavailable'; reason: string };

/**
 * The services the hub routes to, each with its instances and policies (hub.yaml), and their health polling.
 * Data sources come and go with supergraph reloads; a service's state (breakers, queue, figures) lives here,
 * under its name, so it outlives them.
 */
export class ServiceRegistry {
  private readonly services = new Map<string, { service: ResilientService; poller: HealthPoller; discovery?: DnsDiscovery }>();
  private polling = false;

  constructor(
    private readonly config: HubConfig,
    private readonly dispatcher: Dispatcher,
    /** For services with `discovery: { mode: dns }`; the system's DNS servers unless a test gives its own. */
    private readonly resolver: DnsResolver = new dns.Resolver(),
  ) {}

  /**
   * The service named `name` routing to `urls`: created on first use, its instances updated after. With DNS
   * discovery the URLs are names to resolve, and the instances are the addresses they resolve to.
   */
  ensure(name: string, urls: readonly string[]): ResilientService {
    const known = this.services.get(name);
    if (known) {
      if (known.discovery) void known.discovery.setTemplates(urls);
      else known.service.setUrls(urls);
      return known.service;
    }
    const service = new ResilientService(name, resolveServicePolicy(this.config, name), urls);
    const poller = new HealthPoller(service, this.dispatcher);
    const discovery = service.policy.discovery.mode === 'dns' ? new DnsDiscovery(service, urls, this.resolver) : undefined;
    this.services.set(name, { service, poller, ...(discovery ? { discovery } : {}) });
    if (this.polling) {
      poller.start();
      discovery?.start();
    }
    return service;
  }

  /** Resolves every DNS-discovered service now rather than at its next interval. */
  async discover(): Promise<void> {
    await Promise.all([...this.services.values()].map(({ discovery }) => discovery?.refresh()));
  }

  get(name: string): ResilientService | undefined {
    return this.services.get(name)?.service;
  }

  /** Forgets the services a reloaded supergraph no longer has (their in-flight fetches finish as they are). */
  retain(names: ReadonlySet<string>): void {
    for (const [name, { poller, discovery }] of this.services) {
      if (names.has(name)) continue;
      poller.stop();
      discovery?.stop();
      this.services.delete(name);
    }
  }

  startHealthPolling(): void {
    this.polling = true;
    for (const { poller, discovery } of this.services.values()) {
      poller.start();
      discovery?.start();
    }
  }

  stop(): void {
    this.polling = false;
    for (const { poller, discovery } of this.services.values()) {
      poller.stop();
      discovery?.stop();
    }
  }

  snapshot(): ServiceSnapshot[] {
    return [...this.services.values()].map(({ service }) => service.snapshot());
  }

  /**
   * Polls every instance now (a readiness probe wants the present, not the last interval's view): a service is
   * ready when at least one of its instances answers /health.
   */
  async readiness(): Promise<ServiceReadiness[]> {
    await Promise.all([...this.services.values()].map(({ poller }) => poller.poll()));
    return [...this.services.values()].map(({ service }): ServiceReadiness => {
      const instances = service.instances;
      if (instances.some((instance) => instance.healthy)) return { name: service.name, status: 'ok' };
      const reasons = [...new Set(instances.map((instance) => instance.healthError ?? 'not checked'))].join('; ');
      const reason = instances.length === 1 ? reasons : `no healthy instance of ${instances.length} (${reasons})`;
      return { name: service.name, status: 'unavailable', reason };
    });
  }
}
