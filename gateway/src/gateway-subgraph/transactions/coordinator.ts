import { randomUUID } from 'node:crypto';
import { SpanStatusCode } from '@opentelemetry/api';
import { ExponentialBackoff, handleAll, retry } from 'cockatiel';
import { GraphQLError } from 'graphql';
import type { ParticipantClient } from './participant-client.js';
import { prepareInOrder, prepareTogether } from './phase-one.js';
import { settleBranches, type PhaseTwoPlan } from './phase-two.js';
import { messageOf, within } from './timing.js';
import type { TransactionLog } from './transaction-log.js';
import type { Prepared, Workflow } from './workflow.js';
import { tracerOf } from '#lib/telemetry/tracer-of.js';

export interface CoordinatorOptions {
  log: TransactionLog;
  participants: ParticipantClient;
  /** hub.yaml message_hub.transaction.timeout, in ms: an undecided transaction older than this aborts. */
  timeoutMs: number;
  /** How often timeouts and undriven transactions are looked for. */
  sweepIntervalMs?: number;
  /** Phase-two retry backoff. */
  backoff?: { initialDelayMs: number; maxDelayMs: number };
  /** How long a mutation waits for phase two before answering with the transaction still COMMITTING. */
  answerWithinMs?: number;
  /** Called once per transaction that this process drives to its end (the hub_transactions_total metric). */
  onFinished?: (outcome: 'COMMITTED' | 'ABORTED') => void;
}

// 1 s: a timed-out transaction releases its reservations within a second of its deadline, at one indexed query a second.
const DEFAULT_SWEEP_MS = 1_000;
// 100 ms doubling to 10 s: a participant back after a restart is found within seconds, a dead one costs one call per 10 s.
const DEFAULT_BACKOFF = { initialDelayMs: 100, maxDelayMs: 10_000 };
// 5 s: a healthy phase two takes milliseconds; past this the client gets its answer and the hub keeps retrying.
const DEFAULT_ANSWER_WITHIN_MS = 5_000;
const tracer = () => tracerOf('gateway');

/** The participant's error as the client sees it, naming the transaction (its state is readable by id). */
function clientError(err: unknown, transactionId: string): GraphQLError {
  if (err instanceof GraphQLError) return new GraphQLError(err.message, { extensions: { ...err.extensions, transactionId } });
  return new GraphQLError(`The transaction failed: ${messageOf(err)}`, { extensions: { code: 'SERVICE_UNAVAILABLE', transactionId } });
}

function timedOut(transactionId: string, timeoutMs: number): GraphQLError {
  return new GraphQLError(`The transaction did not complete within ${timeoutMs / 1000} s and was aborted`, {
    extensions: { code: 'SERVICE_UNAVAILABLE', transactionId, reason: 'TIMEOUT' },
  });
}

/**
 * The hub's two-phase commit coordinator. A workflow's branches are logged, then prepared (phase-one.ts: in step
 * order, or all at once for independent steps); the commit decision is one durable write (TransactionLog.decideCommit);
 * phase two (phase-two.ts) is retried with backoff until every participant acknowledges. Anything that fails before the decision, the deadline included, aborts every branch
 * that may have been prepared (the participants' fences make an abort before its prepare safe).
 */
export class TransactionCoordinator {
  private readonly drivers = new Map<string, Promise<void>>();
  private readonly executing = new Set<string>();
  private readonly stopping = new AbortController();
  private sweeper: NodeJS.Timeout | undefined;
  private readonly backoff: { initialDelayMs: number; maxDelayMs: number };

  constructor(private readonly options: CoordinatorOptions) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  get log(): TransactionLog {
    return this.options.log;
  }

  /**
   * Runs `workflow` as one global transaction, in a span of its own under the client request's: the protocol calls
   * (prepare, commit, abort: subgraph fetches of the hub) are its children, so a trace shows the two phases.
   */
  execute<TInput, TResult>(workflow: Workflow<TInput, TResult>, input: TInput, initiator: string | null): Promise<{ transactionId: string; result: TResult }> {
    const transactionId = randomUUID();
    return tracer().startActiveSpan(
      `transaction ${workflow.name}`,
      { attributes: { 'hub.transaction.id': transactionId, 'hub.transaction.workflow': workflow.name } },
      async (span) => {
        try {
          return await this.run(workflow, input, initiator, transactionId);
        } catch (err) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: messageOf(err) });
          throw err;
        } finally {
          span.end();
        }
      },
    );
  }

  private async run<TInput, TResult>(
    workflow: Workflow<TInput, TResult>,
    input: TInput,
    initiator: string | null,
    transactionId: string,
  ): Promise<{ transactionId: string; result: TResult }> {
    const { log, participants, timeoutMs } = this.options;
    const transaction = { id: transactionId, workflow: workflow.name, initiator, deadline: new Date(Date.now() + timeoutMs) };
    // Before the transaction is logged: a sweep in between must not take it for one whose hub died.
    this.executing.add(transactionId);
    let result: TResult;
    let plan: PhaseTwoPlan;
    try {
      const phaseOne = workflow.independent ? prepareTogether : prepareInOrder;
      const outcome = await phaseOne({ log, participants, transaction, timedOut: () => timedOut(transactionId, timeoutMs) }, workflow, input);
      result = workflow.result(input, outcome.prepared as Prepared, transactionId);
      if (!(await log.decideCommit(transactionId, result, outcome.unrecorded))) throw timedOut(transactionId, timeoutMs);
      plan = { committing: true, services: outcome.services, together: workflow.independent === true };
    } catch (err) {
      await log.decideAbort(transactionId, messageOf(err));
      // The client's answer does not wait for every abort to land: the driver keeps retrying in the background.
      await this.waitForEnd(transactionId);
      throw clientError(err, transactionId);
    } finally {
      this.executing.delete(transactionId);
    }
    // What was just decided needs no reading back from the log.
    await this.waitForEnd(transactionId, plan);
    return { transactionId, result };
  }

  /** Drives every unfinished transaction to its end: on start-up (recover) and from the sweeper. */
  async recover(): Promise<void> {
    for (const transaction of await this.options.log.unfinished()) {
      if (transaction.state === 'ACTIVE') {
        if (this.executing.has(transaction.id)) {
          if (transaction.deadline.getTime() > Date.now()) continue;
          await this.options.log.decideAbort(transaction.id, timedOut(transaction.id, this.options.timeoutMs).message);
        } else {
          // Nobody in this process is preparing it: its hub died before the decision.
          await this.options.log.decideAbort(transaction.id, 'The hub restarted before deciding; aborted');
        }
      }
      void this.drive(transaction.id);
    }
  }

  start(): void {
    void this.recover().catch((err: unknown) => console.error('[hub] transaction recovery failed:', err));
    this.sweeper = setInterval(() => {
      void this.recover().catch((err: unknown) => console.error('[hub] transaction sweep failed:', err));
    }, this.options.sweepIntervalMs ?? DEFAULT_SWEEP_MS);
    this.sweeper.unref();
  }

  /** Stops sweeping and retrying; unfinished transactions are picked up again by the next start's recovery. */
  async stop(): Promise<void> {
    clearInterval(this.sweeper);
    this.stopping.abort();
    await Promise.allSettled([...this.drivers.values()]);
  }

  private async waitForEnd(transactionId: string, plan?: PhaseTwoPlan): Promise<void> {
    const driving = this.drive(transactionId, plan);
    await within(driving, this.options.answerWithinMs ?? DEFAULT_ANSWER_WITHIN_MS, () => new Error('still driving')).catch(() => undefined);
  }

  /** Phase two for a decided transaction; one driver per transaction in this process. */
  private drive(transactionId: string, plan?: PhaseTwoPlan): Promise<void> {
    const running = this.drivers.get(transactionId);
    if (running) return running;
    const driving = this.phaseTwo(transactionId, plan)
      .catch((err: unknown) => {
        if (!this.stopping.signal.aborted) console.error(`[hub] transaction ${transactionId}: phase two failed:`, err);
      })
      .finally(() => this.drivers.delete(transactionId));
    this.drivers.set(transactionId, driving);
    return driving;
  }

  /** Without a plan (recovery, an abort) the log says what is left: commits then go in step order, aborts at once. */
  private async phaseTwo(transactionId: string, known?: PhaseTwoPlan): Promise<void> {
    const { log, participants } = this.options;
    let plan = known;
    if (!plan) {
      const transaction = await log.get(transactionId);
      if (!transaction || (transaction.state !== 'COMMITTING' && transaction.state !== 'ABORTING')) return;
      const committing = transaction.state === 'COMMITTING';
      const target = committing ? 'COMMITTED' : 'ABORTED';
      const services = (await log.branches([transactionId])).filter((branch) => branch.state !== target).map((branch) => branch.service);
      // In step order, what a later step links to (a session's experience) is visible first. Aborts each on its
      // own and at once: every participant only undoes its own prepare, and one that is down must not keep the
      // others' reservations (a session, a character) held for a transaction that is already over.
      plan = { committing, services, together: !committing };
    }
    const retryPolicy = retry(handleAll, {
      maxAttempts: Number.POSITIVE_INFINITY,
      backoff: new ExponentialBackoff({ initialDelay: this.backoff.initialDelayMs, maxDelay: this.backoff.maxDelayMs }),
    });
    await settleBranches({ log, participants, retry: retryPolicy, signal: this.stopping.signal }, transactionId, plan);
    this.options.onFinished?.(plan.committing ? 'COMMITTED' : 'ABORTED');
  }
}
