import { and, eq, lt } from 'drizzle-orm';
import { ownServiceKey } from '../auth/service-keys.js';
import type { AppDatabase } from '../db/open-database.js';
import { HubTransactionStateDocument, type TransactionState } from '../gateway-client/__generated__/hub/graphql.js';
import { gatewayRequest } from '../gateway-client/gateway-client.js';
import { abortBranch, commitBranch } from './branch-protocol.js';
import type { Participant } from './participant.js';
import { txBranches } from './schema.js';
import { processLogger } from '../telemetry/logger.js';

/** What the hub says about a transaction, from a participant's point of view. */
export type HubVerdict = 'COMMIT' | 'ABORT' | 'WAIT';

export interface InDoubtOptions {
  /** Asks the hub what became of a transaction. */
  askHub(transactionId: string): Promise<HubVerdict>;
  /** How long past its deadline a prepared branch waits for the hub's own phase two before asking. */
  graceMs: number;
  now?: Date;
}

/**
 * Settles prepared branches the hub never finished (the hub lost its phase-two call, or was down for longer than
 * the transaction's deadline): ask the hub, then commit or abort here exactly as its phase two would have. A
 * transaction the hub does not know is aborted: the hub logs a transaction before its first prepare, so an
 * unknown id never reached a decision (presumed abort).
 */
export async function resolveInDoubt<TSchema extends Record<string, unknown>>(
  db: AppDatabase<TSchema>,
  participant: Participant<TSchema>,
  options: InDoubtOptions,
): Promise<{ committed: string[]; aborted: string[]; failed: Array<{ transactionId: string; error: string }> }> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.graceMs);
  const inDoubt = await db
    .select({ transactionId: txBranches.transactionId })
    .from(txBranches)
    .where(and(eq(txBranches.state, 'PREPARED'), lt(txBranches.deadline, cutoff)));
  const committed: string[] = [];
  const aborted: string[] = [];
  // One transaction that cannot be settled now (the hub does not answer about it, its commit fails) must not keep
  // the others waiting: it is reported and asked about again next round.
  const failed: Array<{ transactionId: string; error: string }> = [];
  for (const { transactionId } of inDoubt) {
    try {
      const verdict = await options.askHub(transactionId);
      if (verdict === 'COMMIT') {
        await commitBranch(db, participant, transactionId);
        committed.push(transactionId);
      } else if (verdict === 'ABORT') {
        await abortBranch(db, participant, transactionId);
        aborted.push(transactionId);
      }
    } catch (err) {
      failed.push({ transactionId, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return { committed, aborted, failed };
}

const VERDICTS: Record<TransactionState, HubVerdict> = { ACTIVE: 'WAIT', COMMITTING: 'COMMIT', COMMITTED: 'COMMIT', ABORTING: 'ABORT', ABORTED: 'ABORT' };

/** Asks the hub through the gateway (Query.transaction), signed as this service acting for itself. */
export function hubVerdict(service: string, secret: string): (transactionId: string) => Promise<HubVerdict> {
  const caller = { service, key: ownServiceKey(service, secret) };
  return async (transactionId) => {
    const data = await gatewayRequest({ caller }, HubTransactionStateDocument, {
      id: transactionId,
    });
    return data.transaction ? (VERDICTS[data.transaction.state] ?? 'WAIT') : 'ABORT';
  };
}

// 5 s: a branch in doubt is rare (the hub normally finishes within its deadline), so a slow, cheap poll on an
// index is enough; 10 s grace: past the deadline the hub's own abort or commit is normally already on its way.
const DEFAULT_INTERVAL_MS = 5_000;
const DEFAULT_GRACE_MS = 10_000;

/** Runs resolveInDoubt in the background until stopped; TX_RESOLVE_INTERVAL_MS / TX_RESOLVE_GRACE_MS override (tests). */
export function startInDoubtResolver<TSchema extends Record<string, unknown>>(
  db: AppDatabase<TSchema>,
  participant: Participant<TSchema>,
  service: string,
  secret: string,
): { stop(): Promise<void> } {
  const intervalMs = Number(process.env.TX_RESOLVE_INTERVAL_MS) || DEFAULT_INTERVAL_MS;
  const graceMs = Number(process.env.TX_RESOLVE_GRACE_MS ?? DEFAULT_GRACE_MS);
  const askHub = hubVerdict(service, secret);
  let running: Promise<void> = Promise.resolve();
  let lastFailure = '';
  const timer = setInterval(() => {
    running = running.then(async () => {
      try {
        const { committed, aborted, failed } = await resolveInDoubt(db, participant, { askHub, graceMs });
        const log = processLogger(service);
        for (const id of committed) log.info({ transaction_id: id }, `committed in-doubt transaction ${id} as the hub decided`);
        for (const id of aborted) log.info({ transaction_id: id }, `aborted in-doubt transaction ${id} as the hub decided`);
        // The hub may simply be down: say so once, not every interval.
        const failure = failed.map((f) => `${f.transactionId}: ${f.error}`).join('; ');
        if (failure && failure !== lastFailure) log.warn(`could not settle in-doubt transactions: ${failure}`);
        lastFailure = failure;
      } catch (err) {
        const message = (err as Error).message;
        if (message !== lastFailure) processLogger(service).warn(`could not settle in-doubt transactions: ${message}`);
        lastFailure = message;
      }
    });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
