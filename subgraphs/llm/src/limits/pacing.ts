/**
 * Waiting for the budgets, for batches: sleep until the store says a retry can succeed (never a busy loop), start
 * at the slot the window assigns (window-shape.ts), give up as soon as the deadline would pass first, and stop when
 * the signal aborts, giving back whatever a reservation took.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { BudgetExceeded, isDailyScope, type LimitScope, RateLimitExceeded, type Reservation } from './limits.js';
import { MIN_PACING_MARGIN_MS } from './window-shape.js';

export type Attempt = { ok: true; reservation: Reservation; startAt: number; startScope: LimitScope } | { ok: false; refusal: Refusal };

export interface Refusal {
  scope: LimitScope;
  retryAfterMs: number;
  /** How long after retryAfterMs a paced caller wakes (window-shape.ts pacingMargin); the minimum by default. */
  wakeMarginMs?: number;
  message: string;
  /** Can never succeed (a prompt larger than a whole minute's tokens): waiting is pointless. */
  permanent?: boolean;
  /** A daily budget's reset (epoch ms). */
  resetsAt?: number;
}

export function exceeded(refusal: Refusal): RateLimitExceeded {
  // Whole seconds, rounded up, at least 1: like HTTP's Retry-After, it never invites a retry that would come too
  // early, and a client honouring it never spins.
  const retryAfter = Math.max(1, Math.ceil(refusal.retryAfterMs / 1000));
  if (isDailyScope(refusal.scope))
    return new BudgetExceeded(refusal.scope, retryAfter, refusal.message, new Date(refusal.resetsAt ?? Date.now() + refusal.retryAfterMs));
  return new RateLimitExceeded(refusal.scope, retryAfter, refusal.message);
}

export async function whenAllowed(attempt: () => Promise<Attempt>, deadline: number, signal?: AbortSignal): Promise<Reservation> {
  for (;;) {
    signal?.throwIfAborted();
    const outcome = await attempt();
    if (outcome.ok) return startAtSlot(outcome, deadline, signal);
    const { refusal } = outcome;
    if (refusal.permanent || Date.now() + refusal.retryAfterMs > deadline) throw exceeded(refusal);
    // The margin: the next window's first start must come a full interval after the last slot of this one.
    await sleep(refusal.retryAfterMs + (refusal.wakeMarginMs ?? MIN_PACING_MARGIN_MS), signal);
  }
}

async function startAtSlot(outcome: Extract<Attempt, { ok: true }>, deadline: number, signal?: AbortSignal): Promise<Reservation> {
  const wait = outcome.startAt - Date.now();
  if (wait <= 0) return outcome.reservation;
  if (outcome.startAt > deadline) {
    await outcome.reservation.release();
    throw exceeded({ scope: outcome.startScope, retryAfterMs: wait, message: `no ${outcome.startScope} request slot before the deadline` });
  }
  try {
    await sleep(wait, signal);
  } catch (error) {
    await outcome.reservation.release();
    throw error;
  }
  return outcome.reservation;
}

/** Rejects with the signal's reason when it aborts, like every other abortable API of the platform. */
async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch (error) {
    signal?.throwIfAborted();
    throw error;
  }
}
