import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq } from 'drizzle-orm';
import { notFound } from '#lib/graphql/index.js';
import { generations, type GenerationRow } from '../db/schema.js';
import { CANCEL_POLL_INTERVAL_MS } from './cancel-poller.js';
import type { GenerationServices } from './services.js';

// How often, and how long, to look for the end state of a stream another instance runs: its poller needs up to
// one interval to see the request, and storing the end state takes milliseconds; four intervals leave room for a
// loaded machine without holding the request long. After that the row is returned as it stands (still RUNNING).
const WAIT_STEP_MS = 100;
const WAIT_MAX_MS = CANCEL_POLL_INTERVAL_MS * 4;
// A stream announces its id before its row is stored (text-run.ts: at its first delta, or STORE_DELAY_MS into the
// call): an id not found yet is looked for again for 250 ms, which covers that delay and a slow insert on a loaded
// machine, before it is answered NOT_FOUND.
const ANNOUNCED_STEP_MS = 25;
const ANNOUNCED_GRACE_MS = 250;

async function readOwn(services: GenerationServices, userId: string, id: string): Promise<GenerationRow | undefined> {
  const [row] = await services.db
    .select()
    .from(generations)
    .where(and(eq(generations.id, id), eq(generations.userId, userId)));
  return row;
}

/**
 * cancelGeneration: a stream running in this process is aborted at once and its end state returned; one running
 * on another instance is flagged (cancel_requested_at) for that instance's poller, and its end state awaited
 * briefly. A generation that has already ended is returned as it is.
 */
export async function cancelGeneration(services: GenerationServices, userId: string, id: string, isValidId: boolean): Promise<GenerationRow> {
  const missing = () => notFound(`No generation ${id} of yours`, { field: 'input.id' });
  if (!isValidId) throw missing();
  // Looked up here first: a stream that has just announced its id may not be stored yet.
  const here = services.running.get(id);
  if (here && here.userId === userId) {
    here.controller.abort();
    await here.finished;
    const ended = await readOwn(services, userId, id);
    if (!ended) throw missing();
    return ended;
  }
  let row = await readOwn(services, userId, id);
  for (let waited = 0; !row && waited < ANNOUNCED_GRACE_MS; waited += ANNOUNCED_STEP_MS) {
    await sleep(ANNOUNCED_STEP_MS);
    row = await readOwn(services, userId, id);
  }
  if (!row) throw missing();
  if (row.status !== 'RUNNING') return row;
  await services.db
    .update(generations)
    .set({ cancelRequestedAt: new Date() })
    .where(and(eq(generations.id, row.id), eq(generations.status, 'RUNNING')));
  let latest = row;
  for (let waited = 0; waited < WAIT_MAX_MS && latest.status === 'RUNNING'; waited += WAIT_STEP_MS) {
    await sleep(WAIT_STEP_MS);
    latest = (await readOwn(services, userId, row.id)) ?? latest;
  }
  return latest;
}
