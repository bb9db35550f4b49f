import type { Transaction } from './executor.js';
import { lockHead } from './append-statement.js';
import { rememberHead } from './stream-heads.js';

/**
 * Locks a stream's head row for the rest of `tx` and answers its version (0 for a stream with no events yet, which
 * has no row to lock: its first append creates the row, and a concurrent creator makes that append a version
 * conflict). Writers that lock before they read decide from the state their predecessor committed. The head is
 * remembered, so the append that follows chains onto it in one statement.
 */
export async function lockStream<TSchema extends Record<string, unknown>>(tx: Transaction<TSchema>, streamId: string): Promise<number> {
  const head = await lockHead(tx, streamId);
  if (!head) return 0;
  rememberHead(streamId, head);
  return head.version;
}
