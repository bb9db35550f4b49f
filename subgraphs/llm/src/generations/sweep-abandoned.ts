import { and, eq, lt, ne, or, isNull } from 'drizzle-orm';
import type { LlmDatabase } from '../context.js';
import { generations } from '../db/schema.js';
import { processLogger } from '#lib/telemetry/logger.js';

/**
 * 15 minutes: longer than any stream can run (max_tokens 2048 at even 5 tokens/s is under 7 minutes, and a provider
 * silent for its timeout is cut), so a row RUNNING this long belongs to an instance that died mid-stream.
 */
export const ABANDONED_AFTER_MS = 15 * 60 * 1000;
// 5 minutes: an abandoned row only misleads a reader of its status; finding it within minutes is soon enough.
const SWEEP_INTERVAL_MS = 5 * 60 * 1000;

/** Ends as FAILED the RUNNING rows of instances that stopped (crashed) before storing their end state. */
export async function sweepAbandoned(db: LlmDatabase, instanceId: string, now = Date.now()): Promise<number> {
  const rows = await db
    .update(generations)
    .set({
      status: 'FAILED',
      errorCode: 'SERVICE_UNAVAILABLE',
      errorMessage: 'The llm instance running this generation stopped before it ended.',
      instanceId: null,
    })
    .where(
      and(
        eq(generations.status, 'RUNNING'),
        lt(generations.createdAt, new Date(now - ABANDONED_AFTER_MS)),
        or(isNull(generations.instanceId), ne(generations.instanceId, instanceId)),
      ),
    )
    .returning({ id: generations.id });
  return rows.length;
}

/** Sweeps at start and every few minutes; returns a stop function. */
export function startAbandonedSweeper(db: LlmDatabase, instanceId: string): () => void {
  const sweep = () =>
    sweepAbandoned(db, instanceId).then(
      (count) => {
        if (count > 0) processLogger('llm').info({ count }, `ended ${count} generation(s) left RUNNING by a stopped instance`);
      },
      (err: unknown) => processLogger('llm').error({ error: err instanceof Error ? err.message : String(err) }, 'sweeping abandoned generations failed'),
    );
  void sweep();
  const timer = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
