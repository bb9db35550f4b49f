import type { IPolicy } from 'cockatiel';
import type { ParticipantClient } from './participant-client.js';
import type { TransactionLog } from './transaction-log.js';
import { messageOf, within } from './timing.js';

// 10 s per commit or abort call: a participant that hangs is treated as failed and asked again after the backoff
// (its branch is idempotent), instead of holding the transaction's driver for ever.
const PHASE_TWO_CALL_TIMEOUT_MS = 10_000;

/** What phase two sends: the decision, the branches not yet at it (step order), and whether they may go at once. */
export interface PhaseTwoPlan {
  committing: boolean;
  services: readonly string[];
  together: boolean;
}

export interface PhaseTwoContext {
  log: TransactionLog;
  participants: ParticipantClient;
  /** Retries a failed call until it succeeds or the coordinator stops. */
  retry: IPolicy;
  signal: AbortSignal;
}

/**
 * Sends the decision to every branch, retried until each acknowledges, then ends the transaction. The decision is
 * durable before any of this, so the order of the calls changes nothing a recovery or a participant's own in-doubt
 * resolution would decide; it only decides what a reader sees during these milliseconds.
 *
 * Acknowledgements are recorded by the statement that ends the transaction, while everything goes at the first try;
 * once a call fails, each is recorded as it comes, so the log shows which participant a retrying transaction waits
 * for. In step order, only the last branch's waits for the end: the others are history before the next call.
 */
export async function settleBranches(ctx: PhaseTwoContext, transactionId: string, plan: PhaseTwoPlan): Promise<void> {
  const { log, participants } = ctx;
  const target = plan.committing ? 'COMMITTED' : 'ABORTED';
  const acknowledged: string[] = [];
  let batching = plan.together;
  const settle = (service: string) =>
    ctx.retry.execute(async () => {
      try {
        const call = plan.committing ? participants.commit(service, transactionId) : participants.abort(service, transactionId);
        await within(call, PHASE_TWO_CALL_TIMEOUT_MS, () => new Error(`${service} did not answer within ${PHASE_TWO_CALL_TIMEOUT_MS / 1000} s`));
        if (batching) acknowledged.push(service);
        else await log.recordAttempt(transactionId, service, null, target);
      } catch (err) {
        if (batching) {
          batching = false;
          for (const done of acknowledged.splice(0)) await log.recordAttempt(transactionId, done, null, target);
        }
        await log.recordAttempt(transactionId, service, messageOf(err));
        throw err;
      }
    }, ctx.signal);
  if (plan.together) {
    await Promise.all(plan.services.map(settle));
  } else {
    for (const [index, service] of plan.services.entries()) {
      if (index === plan.services.length - 1) batching = true;
      await settle(service);
    }
  }
  await log.finish(transactionId, target, acknowledged);
}
