import type { Transaction } from '../event-store/executor.js';

/** Who a branch acts for and under which global transaction: events it records carry both. */
export interface BranchInfo {
  transactionId: string;
  /** The user who started the global transaction (authorisation is checked at prepare). */
  actor: string | null;
}

/**
 * One kind of work a service does inside a global transaction (try / confirm / cancel).
 *
 * - `parse` validates the payload the hub sent (an InvalidInput domain error on anything wrong), and later the payload as
 *   `stored` kept it, for commit and abort.
 * - `resources` names what the branch reserves; they are taken BEFORE prepare reads anything, so what prepare
 *   checked cannot change until the decision.
 * - `prepare` checks that commit will succeed (existence, rights, state) and may stage work nobody sees yet;
 *   what it returns goes back to the hub (and to a duplicate prepare).
 * - `commit` applies the work as events. It must not fail for domain reasons: prepare has promised it.
 * - `abort` undoes what prepare staged: the compensating step (e.g. an uploaded image nobody will link).
 */
export interface BranchOperation<TSchema extends Record<string, unknown>, TPayload, TPrepared> {
  parse(payload: unknown): TPayload;
  resources(payload: TPayload): string[];
  prepare(tx: Transaction<TSchema>, payload: TPayload, info: BranchInfo): Promise<TPrepared>;
  commit(tx: Transaction<TSchema>, payload: TPayload, prepared: TPrepared, info: BranchInfo): Promise<void>;
  abort?(tx: Transaction<TSchema>, payload: TPayload, prepared: TPrepared, info: BranchInfo): Promise<void>;
  /** What to keep of the payload for commit (default: all of it); drops bulk the commit does not need. */
  stored?(payload: TPayload): unknown;
}

/** A service's operations by name, as the hub names them in prepare calls. */
export type Participant<TSchema extends Record<string, unknown>> = Record<
  string,
  // The payload and prepared types differ per operation; the protocol only moves them between JSON and the operation.
  BranchOperation<TSchema, never, never>
>;

/** Keeps each operation's own payload types while building a Participant (they are erased to `never` inside). */
export function defineOperation<TSchema extends Record<string, unknown>, TPayload, TPrepared>(
  operation: BranchOperation<TSchema, TPayload, TPrepared>,
): BranchOperation<TSchema, never, never> {
  return operation as unknown as BranchOperation<TSchema, never, never>;
}
