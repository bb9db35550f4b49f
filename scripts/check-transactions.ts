/**
 * The hub's transactions all came to an end: no participant holds a branch PREPARED past its transaction's
 * deadline (its reservations would block those characters, sessions or images), and the hub has no transaction
 * still undecided or in phase two past its deadline. Both settle on their own while the platform runs (the hub's
 * sweeper and phase-two retries, each participant's in-doubt resolver); one found here did not.
 */
import { and, eq, isNull, lt, notInArray, or } from 'drizzle-orm';
import { transactions, type TransactionState } from '../gateway/src/gateway-subgraph/db/schema.js';
import { txBranches } from '#lib/transactions/schema.js';
import type { CheckResult } from './check-cross-service.js';
import { PARTICIPANT_SERVICES, type PlatformDatabases } from './check-databases.js';

const FINAL: TransactionState[] = ['COMMITTED', 'ABORTED'];

export async function checkStaleBranches(dbs: PlatformDatabases, now: Date): Promise<CheckResult> {
  const violations: string[] = [];
  for (const service of PARTICIPANT_SERVICES) {
    const stale = await dbs[service]
      .select({ transactionId: txBranches.transactionId, operation: txBranches.operation, deadline: txBranches.deadline })
      .from(txBranches)
      // No deadline on a PREPARED branch means nothing would ever ask the hub about it: as stale as a passed one.
      .where(and(eq(txBranches.state, 'PREPARED'), or(isNull(txBranches.deadline), lt(txBranches.deadline, now))));
    for (const branch of stale) {
      violations.push(
        `${service} holds branch ${branch.operation} of transaction ${branch.transactionId} PREPARED past its deadline (${branch.deadline?.toISOString() ?? 'none'})`,
      );
    }
  }
  return { name: 'transaction branches', summary: 'no participant branch left PREPARED past its deadline', violations };
}

export async function checkUnfinishedTransactions(dbs: PlatformDatabases, now: Date): Promise<CheckResult> {
  const unfinished = await dbs.hub
    .select({ id: transactions.id, workflow: transactions.workflow, state: transactions.state, deadline: transactions.deadline })
    .from(transactions)
    .where(notInArray(transactions.state, FINAL));
  const violations = unfinished
    .filter((tx) => tx.deadline < now)
    .map((tx) => `hub transaction ${tx.id} (${tx.workflow}) is still ${tx.state} past its deadline (${tx.deadline.toISOString()})`);
  const inFlight = unfinished.length - violations.length;
  // Checked on a running platform, a transaction inside its deadline may have committed on one side only so far.
  const note = inFlight > 0 ? `${inFlight} transaction(s) still within their deadline: a violation above may be one not yet finished` : undefined;
  return { name: 'hub transactions', summary: 'no hub transaction unfinished past its deadline', violations, ...(note ? { note } : {}) };
}
