import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import type { ResilientService } from './resilient-service.js';

/** The part of dns.promises.Resolver discovery uses; tests inject a fake one. */
export type DnsResolver = Pick<dns.Resolver, 'resolve4' | 'resolve6'>;

/**
 * DNS discovery of one service's instances (hub.yaml `discovery: { mode: dns }`): every `interval` the host of each
 * configured URL is resolved, and each address it has is an instance, at the URL's port and path. Docker's
 * embedded DNS answers one A record per replica, so `docker compose up --scale character=2` gives the gateway two
 * character instances, each with its own breaker, health and connection pool. Instances that stay keep their
 * breaker and figures (ResilientService.setUrls); a failed lookup keeps the last list rather than none.
 */
export class DnsDiscovery {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** Each URL's instances from its last lookup that answered. */
  private readonly found = new Map<string, string[]>();
  /** Hosts whose last lookup failed: logged once when they start failing, not every interval. */
  private readonly failing = new Set<string>();

  constructor(
    private readonly service: ResilientService,
    private templates: readonly string[],
    private readonly resolver: DnsResolver,
    private readonly onError: (message: string) => void = (message) => console.warn(`gateway: ${message}`),
  ) {}

  /** A reloaded supergraph's URLs: resolved at once. */
  setTemplates(urls: readonly string[]): Promise<void> {
    this.templates = urls;
    return this.refresh();
  }

  start(): void {
    if (this.timer) return;
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.service.policy.discovery.intervalMs);
    // Discovery never keeps the process alive on its own.
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One resolution of every URL; a round already running is joined. */
  refresh(): Promise<void> {
    this.running ??= this.resolveAll()
      .then((urls) => {
        if (urls.length > 0) this.service.setUrls(urls);
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async resolveAll(): Promise<string[]> {
    const resolved = await Promise.all(this.templates.map((template) => this.resolveOne(template)));
    return [...new Set(resolved.flat())];
  }

  private async resolveOne(template: string): Promise<string[]> {
    const url = new URL(template);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (isIP(host)) return [template];
    try {
      const v4 = await this.resolver.resolve4(host).catch(() => [] as string[]);
      const addresses = v4.length > 0 ? v4 : await this.resolver.resolve6(host);
      const instances = addresses.sort().map((address) => {
        const instance = new URL(template);
        instance.hostname = isIP(address) === 6 ? `[${address}]` : address;
        return instance.toString();
      });
      this.found.set(template, instances);
      this.failing.delete(host);
      return instances;
    } catch (err) {
      // Not in DNS (localhost, a name from /etc/hosts) or no DNS server: the instances found last stay, or the URL
      // itself, which the system resolver may still reach.
      const kept = this.found.get(template) ?? [template];
      if (!this.failing.has(host)) {
        this.failing.add(host);
        const code = (err as NodeJS.ErrnoException).code ?? String(err);
        this.onError(`DNS discovery of ${this.service.name}: ${host} did not resolve (${code}); routing to ${kept.join(', ')}`);
      }
      return kept;
    }
  }
}
