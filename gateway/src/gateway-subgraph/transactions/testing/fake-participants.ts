import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTestDatabase } from '../../../../../tests/helpers/test-database.js';
import { schema } from '../../db/schema.js';
import type { ParticipantClient, PrepareCall } from '../participant-client.js';
import type { Workflow } from '../workflow.js';

const HUB_MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'drizzle');

/** A throw-away hub database (in-memory PGlite, or a fresh schema on DATABASE_URL), migrated like the real one. */
export function openHubTestDatabase() {
  return openTestDatabase('hub', schema, HUB_MIGRATIONS);
}

type Phase = 'prepare' | 'commit' | 'abort';

/** How a fake service answers one protocol call: its result, or a throw. Undefined: succeed with null. */
export type Script = (call: { phase: Phase; service: string; transactionId: string; attempt: number; prepare?: PrepareCall }) => Promise<unknown> | unknown;

/**
 * The participant protocol without services: every call is recorded as "<phase> <service>" in order, and answered
 * by the test's script. Attempts are counted per phase, service and transaction, so a script can fail the first
 * n calls and then succeed.
 */
export class FakeParticipants implements ParticipantClient {
  readonly calls: string[] = [];
  readonly prepareCalls: PrepareCall[] = [];
  private readonly attempts = new Map<string, number>();

  constructor(public script: Script = () => null) {}

  private async run(phase: Phase, service: string, transactionId: string, prepare?: PrepareCall): Promise<unknown> {
    const key = `${phase} ${service} ${transactionId}`;
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    this.calls.push(`${phase} ${service}`);
    return this.script({ phase, service, transactionId, attempt, ...(prepare ? { prepare } : {}) });
  }

  async prepare(service: string, call: PrepareCall): Promise<unknown> {
    this.prepareCalls.push(call);
    return (await this.run('prepare', service, call.transactionId, call)) ?? null;
  }

  async commit(service: string, transactionId: string): Promise<void> {
    await this.run('commit', service, transactionId);
  }

  async abort(service: string, transactionId: string): Promise<void> {
    await this.run('abort', service, transactionId);
  }
}

/** A workflow over the given services, each step's payload naming the input and what earlier steps prepared. */
export function workflowOver(services: string[], skip: string[] = []): Workflow<{ value: string }, { value: string; transactionId: string }> {
  return {
    name: 'test',
    steps: services.map((service) => ({
      service,
      operation: `do-${service}`,
      payload: (input: { value: string }, prepared: Readonly<Record<string, unknown>>) =>
        skip.includes(service) ? null : { value: input.value, before: { ...prepared } },
    })),
    result: (input, _prepared, transactionId) => ({ value: input.value, transactionId }),
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds; 5 s is far above any phase two these tests run with millisecond backoffs. */
export async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached within 5 s');
    await sleep(10);
  }
}
