import type { Dispatcher } from 'undici';
import { checkHealth } from './health-check.js';
import type { ResilientService } from './resilient-service.js';

/**
 * Polls /health of every instance of a service every `health.intervalMs` (hub.yaml health_check), so the load
 * balancer prefers instances that answer and Query.hub shows which do not. The timer is unref'd: polling
 * never keeps the process alive.
 */
export class HealthPoller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly service: ResilientService,
    private readonly dispatcher: Dispatcher,
  ) {}

  start(): void {
    if (this.timer) return;
    void this.poll();
    this.timer = setInterval(() => void this.poll(), this.service.policy.health.intervalMs);
    this.timer.unref();
  }

  /** One round over every instance; a round already running is joined rather than doubled. */
  poll(): Promise<void> {
    this.running ??= Promise.all(
      this.service.instances.map(async (instance) => {
        instance.setHealth(await checkHealth(instance.url, this.dispatcher, this.service.policy.health.timeoutMs));
      }),
    ).then(
      () => {
        this.running = undefined;
      },
      () => {
        this.running = undefined;
      },
    );
    return this.running;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
