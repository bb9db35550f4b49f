import { sql } from 'drizzle-orm';
import type { AppDatabase } from '../../db/open-database.js';
import { queryRows } from '../../db/query-rows.js';

/**
 * 24 h: a key is kept for a day, the window clients and the hub retry in (the IETF draft's and Stripe's own);
 * after it the same key starts a new request.
 */
export const KEY_LIFETIME_SECONDS = 24 * 60 * 60;
/**
 * 120 s: a key still IN_PROGRESS after this is abandoned (its instance died mid-mutation) and may be taken over by a
 * retry; twice the hub's longest request (hub.yaml request_timeout, 60 s), so that a mutation still running is
 * never run a second time beside itself.
 */
export const ABANDONED_AFTER_SECONDS = 120;

export type Claim =
  /** This request runs the mutation; complete() or release() the key after. */
  | { kind: 'claimed' }
  /** It ran before: its answer. */
  | { kind: 'completed'; response: Record<string, unknown> }
  /** It is running now, for an earlier attempt. */
  | { kind: 'in-progress' }
  /** The key was used for another request. */
  | { kind: 'mismatch' };

export interface KeyRef {
  userId: string;
  key: string;
}

type Db = AppDatabase<Record<string, unknown>>;

/**
 * Claims `key` for a request: inserted when new, or taken over when its earlier use has expired or was abandoned
 * mid-run (same request only); otherwise what the earlier use says.
 */
export async function claimKey(db: Db, ref: KeyRef, requestHash: string): Promise<Claim> {
  const claimed = await queryRows<{ claimed: number }>(
    db,
    sql`INSERT INTO idempotent_requests (user_id, key, request_hash, status)
        VALUES (${ref.userId}, ${ref.key}, ${requestHash}, 'IN_PROGRESS')
        ON CONFLICT (user_id, key) DO UPDATE
          SET request_hash = EXCLUDED.request_hash, status = 'IN_PROGRESS', response = NULL, created_at = now(), updated_at = now()
          WHERE idempotent_requests.created_at < now() - make_interval(secs => ${KEY_LIFETIME_SECONDS})
             OR (idempotent_requests.status = 'IN_PROGRESS'
                 AND idempotent_requests.request_hash = EXCLUDED.request_hash
                 AND idempotent_requests.updated_at < now() - make_interval(secs => ${ABANDONED_AFTER_SECONDS}))
        RETURNING 1 AS claimed`,
  );
  if (claimed.length > 0) return { kind: 'claimed' };
  const [earlier] = await queryRows<{ request_hash: string; status: string; response: Record<string, unknown> | null }>(
    db,
    sql`SELECT request_hash, status, response FROM idempotent_requests WHERE user_id = ${ref.userId} AND key = ${ref.key}`,
  );
  // Released between the two statements: the next claim decides.
  if (!earlier) return { kind: 'in-progress' };
  if (earlier.request_hash !== requestHash) return { kind: 'mismatch' };
  if (earlier.status === 'COMPLETED' && earlier.response) return { kind: 'completed', response: earlier.response };
  return { kind: 'in-progress' };
}

/** The mutation succeeded: its answer is what every retry with the key gets. */
export async function completeKey(db: Db, ref: KeyRef, response: Record<string, unknown>): Promise<void> {
  await db.execute(
    sql`UPDATE idempotent_requests SET status = 'COMPLETED', response = ${JSON.stringify(response)}::jsonb, updated_at = now()
        WHERE user_id = ${ref.userId} AND key = ${ref.key}`,
  );
}

/** The mutation failed (it wrote nothing: each commits in one transaction): a retry runs it again. */
export async function releaseKey(db: Db, ref: KeyRef): Promise<void> {
  await db.execute(sql`DELETE FROM idempotent_requests WHERE user_id = ${ref.userId} AND key = ${ref.key} AND status = 'IN_PROGRESS'`);
}

/** Keys past their lifetime; returns how many went. */
export async function purgeExpiredKeys(db: Db): Promise<number> {
  const rows = await queryRows<{ key: string }>(
    db,
    sql`DELETE FROM idempotent_requests WHERE created_at < now() - make_interval(secs => ${KEY_LIFETIME_SECONDS}) RETURNING key`,
  );
  return rows.length;
}
