import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { LlmDatabase } from '../context.js';
import { generations } from '../db/schema.js';
import type { RunningGenerations } from './running-generations.js';
import { processLogger } from '#lib/telemetry/logger.js';

/**
 * 500 ms: a cancelled stream keeps costing tokens until it is stopped; at the 50-100 tokens/s of a hosted model
 * half a second is at most ~50 tokens more, and a person who pressed "stop" sees it stop "at once". The query is
 * one lookup by a partial index over this instance's running rows, and it only runs while streams run here, so
 * twice a second costs nothing measurable; polling faster would buy milliseconds nobody notices.
 */
export const CANCEL_POLL_INTERVAL_MS = 500;

/**
 * Watches for cancelGeneration calls that reached another instance: that instance sets cancel_requested_at on a
 * row this one runs, and this loop aborts the stream. Returns a stop function.
 */
export function startCancelPoller(db: LlmDatabase, running: RunningGenerations, instanceId: string, intervalMs = CANCEL_POLL_INTERVAL_MS): () => void {
  let busy = false;
  const poll = async () => {
    if (busy || running.size === 0) return;
    busy = true;
    try {
      const rows = await db
        .select({ id: generations.id })
        .from(generations)
        .where(
          and(
            eq(generations.instanceId, instanceId),
            eq(generations.status, 'RUNNING'),
            isNotNull(generations.cancelRequestedAt),
            inArray(generations.id, running.ids()),
          ),
        );
      for (const { id } of rows) running.get(id)?.controller.abort();
    } catch (err) {
      // A missed poll only delays a cancel by one interval; the next one tries again.
      processLogger('llm').error({ error: err instanceof Error ? err.message : String(err) }, 'cancel poll failed');
    } finally {
      busy = false;
    }
  };
  // Not awaited: poll catches its own failures, and `busy` keeps a slow one from overlapping the next.
  const timer = setInterval(() => void poll(), intervalMs);
  // The poller alone must not keep the process (or a test run) alive.
  timer.unref();
  return () => clearInterval(timer);
}
