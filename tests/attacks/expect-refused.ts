/**
 * What every attack of the hostile-input suite asserts, in one place so that scripts/attacks.ts can tell a
 * leak from a write when one fails: a failure's message starts with LEAK or WRITE.
 *
 * - expectRefused: the exact refusal (HTTP status and extensions.code), with no stack trace, SQL or secret.
 * - expectNoLeak: nothing the attacker may not see is in what came back.
 * - expectUnchanged: what the attack tried to change reads the same afterwards.
 */
import { expect } from 'vitest';

export interface Answer {
  status: number;
  body?: unknown;
  errors?: Array<{ message?: string; extensions?: Record<string, unknown> }>;
}

const STACK = /\bat .*\.(ts|js|mjs):\d+/;
const SQL = /\b(select .* from|insert into|update .* set|delete from)\b/i;

function fail(kind: 'LEAK' | 'WRITE', message: string): never {
  throw new Error(`${kind}: ${message}`);
}

/** Nothing of `secrets` (and no stack trace or SQL) appears anywhere in `value`. */
export function expectNoLeak(value: unknown, secrets: readonly string[] = [], what = 'the answer'): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (STACK.test(text)) fail('LEAK', `${what} carries a stack trace: ${text.slice(0, 300)}`);
  if (SQL.test(text)) fail('LEAK', `${what} carries SQL: ${text.slice(0, 300)}`);
  for (const secret of secrets) if (secret && text.includes(secret)) fail('LEAK', `${what} carries "${secret.slice(0, 40)}"`);
}

/** The answer is the refusal expected: its status and, when given, the first error's code. */
export function expectRefused(answer: Answer, status: number, code?: string, secrets: readonly string[] = []): void {
  expectNoLeak(answer, secrets);
  const errors = answer.errors ?? (answer.body as { errors?: Answer['errors'] } | undefined)?.errors;
  const got = { status: answer.status, code: errors?.[0]?.extensions?.code };
  if (got.status !== status || (code !== undefined && got.code !== code)) {
    fail('LEAK', `expected ${status} ${code ?? ''}, got ${got.status} ${String(got.code)}: ${JSON.stringify(answer).slice(0, 300)}`);
  }
  expect(got.status).toBe(status);
}

/** `read()` gives the same value after the attack as `before`: nothing was written. */
export async function expectUnchanged<T>(before: T, read: () => Promise<T>, what: string): Promise<void> {
  const after = await read();
  if (JSON.stringify(after) !== JSON.stringify(before)) fail('WRITE', `${what} changed: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
}
