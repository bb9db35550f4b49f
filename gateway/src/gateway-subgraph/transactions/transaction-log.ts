import { and, asc, desc, eq, inArray, lt, ne, or, sql } from 'drizzle-orm';
import {
  transactionBranches,
  transactions,
  type BranchState,
  type HubDb,
  type TransactionBranchRow,
  type TransactionRow,
  type TransactionState,
} from '../db/schema.js';

// 2000 characters: enough for any participant's error message, a bound on what a failing service can make us store.
const MAX_ERROR_LENGTH = 2000;
const clip = (message: string) => message.slice(0, MAX_ERROR_LENGTH);

/**
 * The coordinator's durable log. Every write here happens BEFORE the protocol call it describes (a branch is
 * logged before its prepare is sent; the decision before any phase-two call), so that a hub killed at any instant
 * restarts knowing every participant it may have involved and what it decided.
 */
export class TransactionLog {
  constructor(private readonly db: HubDb) {}

  async begin(row: { id: string; workflow: string; initiator: string | null; deadline: Date }): Promise<void> {
    await this.db.insert(transactions).values({ ...row, state: 'ACTIVE' });
  }

  async addBranch(transactionId: string, service: string, operation: string, step: number): Promise<void> {
    await this.db.insert(transactionBranches).values({ transactionId, service, operation, step, state: 'PENDING' });
  }

  /** Counts one protocol call to a branch and records how it went (null error: it succeeded). */
  async recordAttempt(transactionId: string, service: string, error: string | null, state?: BranchState, prepared?: unknown): Promise<void> {
    const now = new Date();
    await this.db
      .update(transactionBranches)
      .set({
        attempts: sql`${transactionBranches.attempts} + 1`,
        lastError: error === null ? null : clip(error),
        ...(state ? { state } : {}),
        ...(state === 'PREPARED' ? { prepared: prepared ?? null, preparedAt: now } : {}),
        ...(state === 'COMMITTED' || state === 'ABORTED' ? { finishedAt: now } : {}),
      })
      .where(and(eq(transactionBranches.transactionId, transactionId), eq(transactionBranches.service, service)));
    if (error !== null) {
      // Not while ABORTING: the transaction keeps the reason it aborted for; retry failures show on the branch.
      await this.db
        .update(transactions)
        .set({ lastError: clip(error) })
        .where(and(eq(transactions.id, transactionId), ne(transactions.state, 'ABORTING')));
    }
  }

  /**
   * The commit decision: one durable write, taken only while the transaction is ACTIVE and inside its deadline.
   * A timeout abort (the same row, `state = 'ACTIVE'` too) and this update cannot both win.
   */
  async decideCommit(transactionId: string, result: unknown): Promise<boolean> {
    const rows = await this.db
      .update(transactions)
      .set({ state: 'COMMITTING', decidedAt: new Date(), result, lastError: null })
      .where(and(eq(transactions.id, transactionId), eq(transactions.state, 'ACTIVE'), sql`${transactions.deadline} > now()`))
      .returning({ id: transactions.id });
    return rows.length === 1;
  }

  /** The abort decision, only before a commit decision. Returns false if the transaction was already decided. */
  async decideAbort(transactionId: string, reason: string): Promise<boolean> {
    const rows = await this.db
      .update(transactions)
      .set({ state: 'ABORTING', decidedAt: new Date(), lastError: clip(reason) })
      .where(and(eq(transactions.id, transactionId), eq(transactions.state, 'ACTIVE')))
      .returning({ id: transactions.id });
    return rows.length === 1;
  }

  /** The end: a committed transaction's phase-two failures are over (it clears them), an aborted one keeps its reason. */
  async finish(transactionId: string, state: 'COMMITTED' | 'ABORTED'): Promise<void> {
    await this.db
      .update(transactions)
      .set({ state, finishedAt: new Date(), ...(state === 'COMMITTED' ? { lastError: null } : {}) })
      .where(eq(transactions.id, transactionId));
  }

  async get(transactionId: string): Promise<TransactionRow | undefined> {
    const [row] = await this.db.select().from(transactions).where(eq(transactions.id, transactionId));
    return row;
  }

  async getMany(transactionIds: readonly string[]): Promise<TransactionRow[]> {
    if (transactionIds.length === 0) return [];
    return this.db
      .select()
      .from(transactions)
      .where(inArray(transactions.id, [...transactionIds]));
  }

  async branches(transactionIds: readonly string[]): Promise<TransactionBranchRow[]> {
    if (transactionIds.length === 0) return [];
    return this.db
      .select()
      .from(transactionBranches)
      .where(inArray(transactionBranches.transactionId, [...transactionIds]))
      .orderBy(asc(transactionBranches.step));
  }

  /** Transactions not yet at their end: what recovery and the sweeper drive. */
  async unfinished(): Promise<TransactionRow[]> {
    return this.db
      .select()
      .from(transactions)
      .where(inArray(transactions.state, ['ACTIVE', 'COMMITTING', 'ABORTING'] satisfies TransactionState[]));
  }

  /** Newest first, keyset-paginated on (createdAt, id). */
  async page(options: { initiator: string | null; state?: TransactionState | null; limit: number; after: { createdAt: string; id: string } | null }) {
    const conditions = [];
    if (options.initiator !== null) conditions.push(eq(transactions.initiator, options.initiator));
    if (options.state) conditions.push(eq(transactions.state, options.state));
    if (options.after) {
      const at = new Date(options.after.createdAt);
      conditions.push(or(lt(transactions.createdAt, at), and(eq(transactions.createdAt, at), lt(transactions.id, options.after.id))));
    }
    return this.db
      .select()
      .from(transactions)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(transactions.createdAt), desc(transactions.id))
      .limit(options.limit + 1);
  }
}
