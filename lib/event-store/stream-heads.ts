/** What an appender needs to know of a stream's last event to chain the next one. */
export interface StreamHead {
  version: number;
  lastHash: string | null;
}

export const NO_STREAM: StreamHead = Object.freeze({ version: 0, lastHash: null });

/**
 * The heads this process last wrote or read, by stream id: a guess that lets appendEvents chain and write in one
 * statement, without first reading the head. Only a guess: the statement writes nothing unless the stored head
 * still equals it, so a stale entry (another process appended, our transaction rolled back, another database with
 * the same stream id) costs one wasted round trip, never a wrong chain.
 * 10,000 heads: a few MB at most, far more streams than one process writes in a burst; past it the oldest go.
 */
const MAX_HEADS = 10_000;
const heads = new Map<string, StreamHead>();

export function guessedHead(streamId: string): StreamHead | undefined {
  return heads.get(streamId);
}

export function rememberHead(streamId: string, head: StreamHead): void {
  heads.delete(streamId);
  heads.set(streamId, head);
  if (heads.size > MAX_HEADS) heads.delete(heads.keys().next().value!);
}
