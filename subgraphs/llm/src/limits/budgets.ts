/**
 * Which budgets a call draws on, from hub.yaml: the caller's (llm_service.limits.per_caller) and its provider's
 * (llm_service.providers.<name>.limits), each in requests and tokens per minute; and the daily budgets of the user
 * and of the campaign (llm_service.budgets), in tokens and cost. An absent value is no limit of that kind, so no
 * budget and no store round trip.
 */
import type { LlmServiceConfig, PerMinuteLimits } from '#lib/config/llm-config.js';
import { Budget } from './budget.js';
import type { BudgetStore } from './budget-store.js';
import { dailyDraws, type DailyPair, syncDaily } from './daily-budgets.js';
import type { LimitScope, ReserveRequest } from './limits.js';
import { requestWindow, tokenWindow, type WindowShape } from './window-shape.js';

/** `cost` counts micro-USD: the counters take whole points, and a millionth of a dollar is below any price. */
export type BudgetKind = 'requests' | 'tokens' | 'cost';

export interface Draw {
  scope: LimitScope;
  kind: BudgetKind;
  /** The caller id or the provider name: the counter's key in the budget's limiter. */
  key: string;
  budget: Budget;
  /** Daily budgets: when the day's counter resets (epoch ms), the time a refusal names. */
  resetsAt?: number;
}

interface Pair {
  requests?: Budget;
  tokens?: Budget;
}

export class Budgets {
  private caller: Pair = {};
  private readonly providers = new Map<string, Pair>();
  private daily: { user: DailyPair; campaign: DailyPair } = { user: {}, campaign: {} };
  private pricing: LlmServiceConfig['providers'] = {};

  constructor(
    private readonly store: BudgetStore,
    config: LlmServiceConfig,
    private readonly minWindowSeconds: number,
  ) {
    this.update(config);
  }

  /** Reshapes budgets in place where a limit changed, so that their counters stay; adds and drops the others. */
  update(config: LlmServiceConfig): void {
    this.caller = this.sync(this.caller, 'caller', config.limits.per_caller);
    this.daily = {
      user: syncDaily(this.store, this.daily.user, 'user-day', config.budgets.per_user),
      campaign: syncDaily(this.store, this.daily.campaign, 'campaign-day', config.budgets.per_campaign),
    };
    this.pricing = config.providers;
    for (const name of [...this.providers.keys()]) {
      if (!config.providers[name]?.limits) this.providers.delete(name);
    }
    for (const [name, provider] of Object.entries(config.providers)) {
      if (provider.limits) this.providers.set(name, this.sync(this.providers.get(name) ?? {}, `provider:${name}`, provider.limits));
    }
  }

  /** In the order they are taken; the caller's first, so that a refusal names the caller when both refuse. */
  for(request: ReserveRequest): Draw[] {
    const draws: Draw[] = [];
    const add = (scope: LimitScope, key: string, pair: Pair | undefined): void => {
      if (pair?.requests) draws.push({ scope, kind: 'requests', key, budget: pair.requests });
      if (pair?.tokens) draws.push({ scope, kind: 'tokens', key, budget: pair.tokens });
    };
    add('caller', request.caller, this.caller);
    add('provider', request.provider, this.providers.get(request.provider));
    draws.push(...dailyDraws(this.daily.user, 'user-day', request.caller, new Date()));
    if (request.campaign) draws.push(...dailyDraws(this.daily.campaign, 'campaign-day', request.campaign, new Date()));
    return draws;
  }

  /** The provider's pricing, for the cost a call reserves and the cost it settles at. */
  pricingOf(provider: string): LlmServiceConfig['providers'][string]['pricing'] {
    return this.pricing[provider]?.pricing;
  }

  private sync(pair: Pair, name: string, limits: PerMinuteLimits): Pair {
    return {
      requests: this.budget(
        pair.requests,
        `${name}:requests`,
        limits.requests_per_minute ? requestWindow(limits.requests_per_minute, this.minWindowSeconds) : undefined,
      ),
      tokens: this.budget(pair.tokens, `${name}:tokens`, limits.tokens_per_minute ? tokenWindow(limits.tokens_per_minute) : undefined),
    };
  }

  private budget(existing: Budget | undefined, name: string, shape: WindowShape | undefined): Budget | undefined {
    if (!shape) return undefined;
    if (!existing) return new Budget(this.store.limiter(name, shape), shape);
    existing.reshape(shape);
    return existing;
  }
}
