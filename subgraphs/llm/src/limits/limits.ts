/**
 * The contract of the llm service's rate limits, per caller (user or API key) and per provider, in requests and
 * tokens per minute. The generation code reserves before every provider call and settles after it; the
 * implementation keeps the counters in process or in Redis (REDIS_URL), so that several llm instances share them.
 */
import type { LlmServiceConfig } from '#lib/config/llm-config.js';

export interface ReserveRequest {
  /** The user id (or API key id) the call is made for. */
  caller: string;
  /** The provider's name in hub.yaml. */
  provider: string;
  /** Prompt tokens counted before the call (gpt-tokenizer). */
  promptTokens: number;
  /** The most completion tokens the call may use: the daily budgets reserve them too, so that no overspend can start. */
  maxTokens?: number;
  /** Images the call asks for (their price counts against the daily cost budgets). */
  images?: number;
  /** The campaign the generation is for (context.campaignId): its daily budget is drawn on too. */
  campaign?: string;
}

/** What a call used, as the provider reports it (or as counted of a stream cut short). */
export interface CallUsage {
  promptTokens: number;
  completionTokens: number;
  images?: number;
}

export interface Reservation {
  /**
   * Reconciles the reservation with what the provider reports (or what was counted of a stream cut short): the
   * difference in tokens is added to or given back to both the caller's and the provider's budget. Call once;
   * later calls do nothing. Never throws.
   */
  settle(usage: CallUsage): Promise<void>;
  /** Gives the whole reservation back (the call never reached the provider). Never throws. */
  release(): Promise<void>;
}

/**
 * Which budget refused: the caller's own per-minute limit (answer RATE_LIMITED), the provider's (fall through to
 * the next one), or a daily budget of the user or the campaign (answer BUDGET_EXCEEDED: no fallback, since another
 * provider would spend the same budget, and a silent downgrade is not what whoever set the budget asked for).
 */
export type LimitScope = 'caller' | 'provider' | DailyScope;
export type DailyScope = 'user-day' | 'campaign-day';

export const isDailyScope = (scope: LimitScope): scope is DailyScope => scope === 'user-day' || scope === 'campaign-day';

export class RateLimitExceeded extends Error {
  constructor(
    readonly scope: LimitScope,
    /** Seconds until a retry can succeed. */
    readonly retryAfter: number,
    message: string,
  ) {
    super(message);
    this.name = 'RateLimitExceeded';
  }
}

/** A daily budget is spent: it resets at `resetsAt` (the next UTC midnight). */
export class BudgetExceeded extends RateLimitExceeded {
  constructor(
    scope: DailyScope,
    retryAfter: number,
    message: string,
    readonly resetsAt: Date,
  ) {
    super(scope, retryAfter, message);
    this.name = 'BudgetExceeded';
  }
}

export interface Limits {
  /** Takes one request and the prompt tokens from both budgets, or throws RateLimitExceeded and takes nothing. */
  reserve(request: ReserveRequest): Promise<Reservation>;
  /**
   * As reserve, but waits (paced, for batches) until both budgets allow the call, or throws RateLimitExceeded once
   * `deadline` (epoch ms) would pass first, or the signal aborts.
   */
  reserveWhenAllowed(request: ReserveRequest, deadline: number, signal?: AbortSignal): Promise<Reservation>;
  /** Applies changed limits from a reloaded hub.yaml; counters already taken stay. */
  update(config: LlmServiceConfig): void;
  close(): Promise<void>;
}
