import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Database } from '#lib/db/open-database.js';
import type { schema } from '../../db/schema.js';
import { TransactionCoordinator } from '../coordinator.js';
import { TransactionLog } from '../transaction-log.js';
import { openHubTestDatabase, type FakeParticipants } from './fake-participants.js';

// Milliseconds, not the production 100 ms to 10 s: a retried phase two finishes within the test.
const FAST_BACKOFF = { initialDelayMs: 5, maxDelayMs: 20 };

export interface CoordinatorOptions {
  /** Default: the harness's log over its hub database. */
  log?: TransactionLog;
  timeoutMs?: number;
  answerWithinMs?: number;
}

/**
 * A coordinator test file's hub database and transaction log, opened once for the file, and coordinators over fake
 * participants, each stopped after its test. Call at the top level of the file: it registers the hooks.
 */
export function coordinatorHarness() {
  let database: Database<typeof schema> | undefined;
  let log: TransactionLog | undefined;
  const coordinators: TransactionCoordinator[] = [];
  beforeAll(async () => {
    database = await openHubTestDatabase();
    log = new TransactionLog(database.db);
  });
  afterEach(async () => {
    await Promise.all(coordinators.splice(0).map((coordinator) => coordinator.stop()));
  });
  afterAll(() => database?.close());
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the hub database opens in beforeAll');
    return value;
  };
  return {
    get database() {
      return opened(database);
    },
    get log() {
      return opened(log);
    },
    coordinator(participants: FakeParticipants, { log: ownLog, timeoutMs = 10_000, ...rest }: CoordinatorOptions = {}) {
      const coordinator = new TransactionCoordinator({ log: ownLog ?? opened(log), participants, timeoutMs, backoff: FAST_BACKOFF, ...rest });
      coordinators.push(coordinator);
      return coordinator;
    },
  };
}
