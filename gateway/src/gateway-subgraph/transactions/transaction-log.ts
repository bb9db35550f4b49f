import { and, asc, desc, eq, inArray, lt, ne, or, sql } from 'drizzle-orm';
import { queryRows } from '#lib/db/query-rows.js';
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
/** A value for a jsonb parameter: SQL NULL for null, as drizzle's jsonb columns store it. */
const jsonb = (value: unknown) => sql`${value === null || value === undefined ? null : JSON.stringify(value)}::jsonb`;

export interface LoggedBranch {
  service: string;
  operation: string;
  step: number;
}

/**
 * The coordinator's durable log. Every write here happens BEFORE the protocol call it describes (a branch is
 * logged before its prepare is sent; the decision before any phase-two call), so that a hub killed at any instant
 * restarts knowing every participant it may have involved and what it decided.
 */
export class TransactionLog {
  constructor(private readonly db: HubDb) {}

  /**
   * The transaction and the branches known before its first prepare, in one statement (a data-modifying CTE): a
   * hub killed right after it still knows every participant those prepares may reach.
   */
  async begin(row: { id: string; workflow: string; initiator: string | null; deadline: Date }, branches: readonly LoggedBranch[] = []): Promise<void> {
    if (branches.length === 0) {
      await this.db.insert(transactions).values({ ...row, state: 'ACTIVE' });
      return;
    }
    const values = sql.join(
      branches.map((b) => sql`(${b.service}::text, ${b.operation}::text, ${b.step}::int)`),
      sql`, `,
    );
    await this.db.execute(sql`
      WITH logged AS (
        INSERT INTO ${transactions} (id, workflow, state, initiator, deadline)
        VALUES (${row.id}::uuid, ${row.workflow}, 'ACTIVE', ${row.initiator}, ${row.deadline.toISOString()}::timestamptz)
        RETURNING id
      )
      INSERT INTO ${transactionBranches} (transaction_id, service, operation, step, state)
      SELECT logged.id, v.service, v.operation, v.step, 'PENDING' FROM logged, (VALUES ${values}) AS v(service, operation, step)`);
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
   * A timeout abort (the same row, `state = 'ACTIVE'` too) and this update cannot both win. The prepares not yet
   * recorded (`prepared`) are recorded by the same statement: they are true whichever way the decision goes.
   */
  async decideCommit(transactionId: string, result: unknown, prepared: ReadonlyArray<{ service: string; prepared: unknown }> = []): Promise<boolean> {
    const branches = prepared.length
      ? sql`WITH recorded AS (
          UPDATE ${transactionBranches} AS b
          SET state = 'PREPARED', attempts = b.attempts + 1, last_error = NULL, prepared = v.prepared, prepared_at = now()
          FROM (VALUES ${sql.join(
            prepared.map((p) => sql`(${p.service}::text, ${jsonb(p.prepared)})`),
            sql`, `,
          )}) AS v(service, prepared)
          WHERE b.transaction_id = ${transactionId}::uuid AND b.service = v.service
        ) `
      : sql``;
    const rows = await queryRows<{ id: string }>(
      this.db as never,
      sql`${branches}UPDATE ${transactions} SET state = 'COMMITTING', decided_at = now(), result = ${jsonb(result)}, last_error = NULL
        WHERE id = ${transactionId}::uuid AND state = 'ACTIVE' AND deadline > now() RETURNING id`,
    );
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

  /**
   * The end: a committed transaction's phase-two failures are over (it clears them), an aborted one keeps its reason.
   * Branches whose acknowledgement was not recorded yet (`acknowledged`) are recorded by the same statement.
   */
  async finish(transactionId: string, state: 'COMMITTED' | 'ABORTED', acknowledged: readonly string[] = []): Promise<void> {
    const branches = acknowledged.length
      ? sql`WITH recorded AS (
          UPDATE ${transactionBranches} SET state = ${state}, attempts = attempts + 1, last_error = NULL, finished_at = now()
          WHERE transaction_id = ${transactionId}::uuid AND service IN (${sql.join(
            acknowledged.map((service) => sql`${service}`),
            sql`, `,
          )})
        ) `
      : sql``;
    await this.db.execute(
      sql`${branches}UPDATE ${transactions} SET state = ${state}, finished_at = now()${state === 'COMMITTED' ? sql`, last_error = NULL` : sql``} WHERE id = ${transactionId}::uuid`,
    );
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
