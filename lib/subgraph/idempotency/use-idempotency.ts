import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AppDatabase } from '../../db/open-database.js';
import { badUserInput } from '../../graphql/errors.js';
import { IDEMPOTENCY_HEADER, idempotencyKeyOf } from '../../graphql/idempotency-key.js';
import { processLogger } from '../../telemetry/logger.js';
import { ABANDONED_AFTER_SECONDS, claimKey, completeKey, purgeExpiredKeys, releaseKey, type Claim, type KeyRef } from './idempotency-store.js';

// Polls of a key another attempt holds: from 25 ms (a retry usually lands while the first attempt's last write
// commits) up to 250 ms (a slow generation: four checks a second cost nothing).
const FIRST_POLL_MS = 25;
const MAX_POLL_MS = 250;
// Expired keys go at most once an hour per process: a day's keys are a few thousand rows.
const PURGE_EVERY_MS = 60 * 60 * 1000;

export interface IdempotencyOptions {
  name: string;
  db: AppDatabase<Record<string, unknown>>;
  /** The caller's user id from the request (its signed identity); null for an anonymous caller. */
  userOf(request: Request): string | null;
}

/**
 * A mutation sent with an `idempotency-key` header runs once per key and caller: a retry (the client's, or the
 * hub's after a timed-out attempt, which it makes only for keyed mutations) gets the first run's answer; one that
 * arrives while the first still runs waits for it; the same key with another operation or other variables is
 * BAD_USER_INPUT. Only successful answers are kept: a mutation that failed wrote nothing, and its retry runs again.
 * Queries, and mutations without the header, pass untouched.
 */
export function useIdempotency(options: IdempotencyOptions): Plugin {
  let lastPurge = 0;
  const purgeNow = () => {
    if (Date.now() - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = Date.now();
    purgeExpiredKeys(options.db).catch((err: unknown) => processLogger(options.name).warn({ err }, 'purging expired idempotency keys failed'));
  };
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as { request?: Request; params?: { query?: string } };
      // envelop types the execution arguments `any`; yoga's are graphql-js's ExecutionArgs.
      const operationName = args.operationName as string | null | undefined;
      if (!context.request || getOperationAST(args.document as DocumentNode, operationName)?.operation !== 'mutation') return;
      const key = idempotencyKeyOf(context.request.headers);
      if (!key) return;
      purgeNow();
      const ref: KeyRef = { userId: options.userOf(context.request) ?? '', key };
      const hash = createHash('sha256')
        .update(JSON.stringify([context.params?.query ?? '', operationName ?? null, args.variableValues ?? {}]))
        .digest('hex');
      const claim = await claimWhenFree(options.db, ref, hash, context.request.signal);
      if (claim.kind === 'mismatch') {
        setResultAndStopExecution({
          errors: [badUserInput(`${IDEMPOTENCY_HEADER} "${key}" was already used for another request`, { header: IDEMPOTENCY_HEADER })],
        });
        return;
      }
      if (claim.kind === 'completed') {
        setResultAndStopExecution(claim.response as ExecutionResult);
        return;
      }
      return {
        async onExecuteDone({ result }) {
          // A mutation's result is one answer, never a stream.
          const answer = result as ExecutionResult;
          if (answer.errors?.length || answer.data == null) await releaseKey(options.db, ref);
          else await completeKey(options.db, ref, { data: answer.data });
        },
      };
    },
  };
}

/** Claims the key, waiting while an earlier attempt runs with it (bounded: an abandoned key is taken over). */
async function claimWhenFree(db: IdempotencyOptions['db'], ref: KeyRef, hash: string, signal: AbortSignal): Promise<Exclude<Claim, { kind: 'in-progress' }>> {
  const giveUpAt = Date.now() + (ABANDONED_AFTER_SECONDS + 5) * 1000;
  let pause = FIRST_POLL_MS;
  for (;;) {
    const claim = await claimKey(db, ref, hash);
    if (claim.kind !== 'in-progress') return claim;
    // The caller (the hub's attempt) gave up: nobody reads this answer.
    signal.throwIfAborted();
    if (Date.now() > giveUpAt) throw new Error(`idempotency key held past ${ABANDONED_AFTER_SECONDS} s without being taken over`);
    await sleep(pause);
    pause = Math.min(pause * 2, MAX_POLL_MS);
  }
}
