import { forbidden, invalidInput } from '../domain/domain-error.js';
import type { AppDatabase } from '../db/open-database.js';
import { isUuid } from '../db/uuid.js';
import { abortBranch, commitBranch, prepareBranch, type BranchAck } from './branch-protocol.js';
import type { Participant } from './participant.js';
import { payloadHash, type BranchStep, type CapabilityClaims } from './capability.js';

/** The only principal the protocol answers: the gateway's coordinator signs its calls as service 'hub'. */
export const COORDINATOR = 'hub';

/** What the protocol needs of a subgraph's request context. */
export interface ProtocolContext<TSchema extends Record<string, unknown>> {
  db: AppDatabase<TSchema>;
  /** identity.service of the signed caller: 'hub' for the coordinator, null for a user's request. */
  callerService: string | null;
  /** The coordinator's verified capability for this step (lib/subgraph reads the header), or null. */
  capability: CapabilityClaims | null;
}

export interface PrepareBranchInput {
  transactionId: string;
  operation: string;
  /** JSON text: each operation validates its own payload. */
  payload: string;
  actor?: string | null;
  deadline: Date | string;
}

/** The GraphQL answer: prepare's result travels as JSON text like the payload. */
export interface BranchAckResult {
  transactionId: string;
  state: string;
  result: string | null;
}

function toResult(ack: BranchAck): BranchAckResult {
  return { transactionId: ack.transactionId, state: ack.state, result: ack.prepared === null ? null : JSON.stringify(ack.prepared) };
}

function requireCoordinator(ctx: { callerService: string | null }): void {
  if (ctx.callerService !== COORDINATOR) {
    throw forbidden("Only the hub's transaction coordinator may take part in the transaction protocol");
  }
}

function isoOrAsGiven(value: Date | string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

/**
 * The capability must be the coordinator's for exactly this step of this transaction (and, for prepare, this
 * operation, payload, actor and deadline): an edited or replayed call is refused before anything is read or written.
 */
function requireCapability(ctx: { capability: CapabilityClaims | null }, step: BranchStep, transactionId: string, prepare?: PrepareBranchInput): void {
  const claims = ctx.capability;
  const matches =
    claims !== null &&
    claims.step === step &&
    claims.tx === transactionId &&
    (!prepare ||
      (claims.op === prepare.operation &&
        claims.ph === payloadHash(prepare.payload) &&
        (claims.actor ?? null) === (prepare.actor ?? null) &&
        claims.deadline === isoOrAsGiven(prepare.deadline)));
  if (!matches) throw forbidden(`The ${step} of this branch carries no coordinator capability for it`, { reason: 'CAPABILITY' });
}

function transactionIdOf(value: string): string {
  if (!isUuid(value)) throw invalidInput(`transactionId must be a UUID, not "${value}"`, { field: 'transactionId' });
  return value;
}

function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalidInput('payload must be JSON text', { field: 'payload' });
  }
}

function deadlineOf(value: Date | string): Date {
  const deadline = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(deadline.getTime())) throw invalidInput('deadline must be an ISO date-time', { field: 'deadline' });
  return deadline;
}

/**
 * The Mutation resolvers of the participant protocol (prepareTransactionBranch, commitTransactionBranch,
 * abortTransactionBranch), the same in every participating subgraph: spread them into its Mutation resolvers.
 */
export function protocolResolvers<TSchema extends Record<string, unknown>>(participant: Participant<TSchema>) {
  type Ctx = ProtocolContext<TSchema>;
  return {
    async prepareTransactionBranch(_: unknown, { input }: { input: PrepareBranchInput }, ctx: Ctx): Promise<BranchAckResult> {
      requireCoordinator(ctx);
      requireCapability(ctx, 'prepare', input.transactionId, input);
      const ack = await prepareBranch(ctx.db, participant, {
        transactionId: transactionIdOf(input.transactionId),
        operation: input.operation,
        payload: parsePayload(input.payload),
        actor: input.actor ?? null,
        deadline: deadlineOf(input.deadline),
      });
      return toResult(ack);
    },
    async commitTransactionBranch(_: unknown, { transactionId }: { transactionId: string }, ctx: Ctx): Promise<BranchAckResult> {
      requireCoordinator(ctx);
      requireCapability(ctx, 'commit', transactionId);
      return toResult(await commitBranch(ctx.db, participant, transactionIdOf(transactionId)));
    },
    async abortTransactionBranch(_: unknown, { transactionId }: { transactionId: string }, ctx: Ctx): Promise<BranchAckResult> {
      requireCoordinator(ctx);
      requireCapability(ctx, 'abort', transactionId);
      return toResult(await abortBranch(ctx.db, participant, transactionIdOf(transactionId)));
    },
  };
}
