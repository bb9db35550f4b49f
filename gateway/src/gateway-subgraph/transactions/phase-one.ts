import type { ParticipantClient } from './participant-client.js';
import type { LoggedBranch, TransactionLog } from './transaction-log.js';
import type { Workflow } from './workflow.js';
import { messageOf, within } from './timing.js';

/** What phase one needs to know of the transaction it prepares. */
export interface PhaseOneContext {
  log: TransactionLog;
  participants: ParticipantClient;
  transaction: { id: string; workflow: string; initiator: string | null; deadline: Date };
  /** The error a prepare still unanswered at the deadline fails with. */
  timedOut: () => Error;
}

/** Every branch prepared: what each answered (by service), and the prepares the decision still has to record. */
export interface PhaseOneOutcome {
  prepared: Record<string, unknown>;
  unrecorded: Array<{ service: string; prepared: unknown }>;
  /** The prepared branches' services in step order: what phase two settles. */
  services: string[];
}

async function prepareOne<TInput>(ctx: PhaseOneContext, step: Workflow<TInput, unknown>['steps'][number], payload: unknown): Promise<unknown> {
  const { transaction } = ctx;
  const call = ctx.participants.prepare(step.service, {
    transactionId: transaction.id,
    operation: step.operation,
    payload,
    actor: transaction.initiator,
    deadline: transaction.deadline,
  });
  return within(call, transaction.deadline.getTime() - Date.now(), ctx.timedOut);
}

/**
 * Step by step: each payload may read what earlier steps prepared. A branch is logged just before its prepare goes
 * out (the first with the transaction itself); a step's PREPARED is recorded when the next branch is logged, the
 * last one's by the decision.
 */
export async function prepareInOrder<TInput>(ctx: PhaseOneContext, workflow: Workflow<TInput, unknown>, input: TInput): Promise<PhaseOneOutcome> {
  const { log, transaction } = ctx;
  const prepared: Record<string, unknown> = {};
  const services: string[] = [];
  let unrecorded: { service: string; prepared: unknown } | null = null;
  for (const [index, step] of workflow.steps.entries()) {
    const payload = step.payload(input, prepared);
    if (payload === null) continue;
    const branch: LoggedBranch = { service: step.service, operation: step.operation, step: index };
    if (unrecorded) await log.recordAttempt(transaction.id, unrecorded.service, null, 'PREPARED', unrecorded.prepared);
    if (services.length === 0) await log.begin(transaction, [branch]);
    else await log.addBranch(transaction.id, branch.service, branch.operation, branch.step);
    services.push(step.service);
    try {
      prepared[step.service] = await prepareOne(ctx, step, payload);
    } catch (err) {
      await log.recordAttempt(transaction.id, step.service, messageOf(err), 'FAILED');
      throw err;
    }
    unrecorded = { service: step.service, prepared: prepared[step.service] };
  }
  if (services.length === 0) await log.begin(transaction);
  return { prepared, unrecorded: unrecorded ? [unrecorded] : [], services };
}

/**
 * All at once, for a workflow whose steps are independent: every branch is logged with the transaction in one
 * statement, sent together with the prepares, and the prepares are recorded by the decision.
 *
 * The log write does not hold the prepares back: it only has to land before the decision (which updates its row)
 * and before any abort, so that recovery finds every branch. A hub killed before it lands leaves prepared branches
 * the hub does not know: their participants abort them past the deadline (presumed abort), as they would for a hub
 * that died before deciding, and no commit can be decided for a transaction whose row never landed.
 *
 * The first refusal fails phase one at once (its abort goes out while the others may still be preparing: their
 * fences make that safe); nothing that answers later is written, so a late answer cannot overwrite phase two's.
 */
export async function prepareTogether<TInput>(ctx: PhaseOneContext, workflow: Workflow<TInput, unknown>, input: TInput): Promise<PhaseOneOutcome> {
  const { log, transaction } = ctx;
  const steps = workflow.steps.map((step, index) => ({ step, index, payload: step.payload(input, {}) })).filter(({ payload }) => payload !== null);
  const logged = log.begin(
    transaction,
    steps.map(({ step, index }) => ({ service: step.service, operation: step.operation, step: index })),
  );
  const prepared: Record<string, unknown> = {};
  let failed = false;
  try {
    await Promise.all(
      steps.map(async ({ step, payload }) => {
        try {
          prepared[step.service] = await prepareOne(ctx, step, payload);
        } catch (err) {
          if (!failed) {
            failed = true;
            // Only once its branch is logged; if that write failed, the participant's error is still the one to answer.
            await logged.then(
              () => log.recordAttempt(transaction.id, step.service, messageOf(err), 'FAILED'),
              () => undefined,
            );
          }
          throw err;
        }
      }),
    );
  } catch (err) {
    // The abort that follows reads the branches from the log: they must be there first.
    await logged.catch(() => undefined);
    throw err;
  }
  await logged;
  const services = steps.map(({ step }) => step.service);
  return { prepared, unrecorded: services.map((service) => ({ service, prepared: prepared[service] ?? null })), services };
}
