import { afterAll, describe, expect, it } from 'vitest';
import { signedFor } from '../auth/testing/signed-headers.js';
import { createLogger } from './logger.js';
import { runWithRequestId } from './request-context.js';
import { startTracing } from './tracing.js';

function capture(format: 'json' | 'text') {
  const lines: string[] = [];
  const logger = createLogger('character', { format, level: 'info' }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

const tracing = startTracing({ service: 'character', config: { enabled: true, sample_ratio: 1, keep_traces: 10 } });
afterAll(() => tracing.shutdown());

describe('logger', () => {
  it('puts service, request id and trace id on a line written during a request', () => {
    const { logger, lines } = capture('json');
    const spanContext = runWithRequestId('req-42', () =>
      tracing.tracer.startActiveSpan('POST /graphql', (span) => {
        logger.info({ operation: 'createCharacter' }, 'character created');
        span.end();
        return span.spanContext();
      }),
    );
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({
      service: 'character',
      request_id: 'req-42',
      trace_id: spanContext.traceId,
      span_id: spanContext.spanId,
      operation: 'createCharacter',
      msg: 'character created',
    });
  });

  it('never writes a secret, wherever it sits in the logged object', () => {
    const secrets = {
      authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.secret-jwt',
      identity: signedFor('hub-secret-value', 'character', { userId: 'u-1' })['x-hub-identity']!,
      apiKey: 'sk-live-top-secret-key',
      password: 'hunter2-password',
    };
    for (const format of ['json', 'text'] as const) {
      const { logger, lines } = capture(format);
      logger.warn(
        {
          headers: { authorization: secrets.authorization, 'x-hub-identity': secrets.identity, cookie: 'session=abc-cookie' },
          provider: { name: 'openai', config: { api_keys: [secrets.apiKey], apiKey: secrets.apiKey } },
          err: Object.assign(new Error('login failed'), { password: secrets.password }),
          user: { token: 'refresh-token-value', name: 'Aragorn' },
        },
        'provider call refused',
      );
      // In a child's bindings and inside arrays, too.
      logger.child({ upstream: { authorization: secrets.authorization } }).info({ attempts: [{ headers: { cookie: 'session=abc-cookie' } }] }, 'retried');
      const line = lines.join('');
      for (const secret of [...Object.values(secrets), 'session=abc-cookie', 'refresh-token-value']) expect(line).not.toContain(secret);
      expect(line).toContain('retried');
      expect(line).toContain('Aragorn');
      expect(line).toContain('provider call refused');
    }
  });

  it('text format: one readable line per event, with the ids', () => {
    const { logger, lines } = capture('text');
    runWithRequestId('req-7', () => logger.info({ port: 4001 }, 'character subgraph ready'));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.trimEnd().split('\n')).toHaveLength(1);
    expect(lines[0]).toMatch(/INFO.*character subgraph ready.*"request_id":"req-7"/);
    expect(lines[0]).not.toContain('{"level"');
  });

  it('auto format: JSON lines in the production shape, text in the embedded default', () => {
    const saved = { NODE_ENV: process.env.NODE_ENV, DATABASE_URL: process.env.DATABASE_URL };
    const first = (): string => {
      const lines: string[] = [];
      createLogger('llm', { format: 'auto' }, { write: (line: string) => void lines.push(line) }).info('ready');
      return lines[0]!;
    };
    try {
      delete process.env.DATABASE_URL;
      process.env.NODE_ENV = 'development';
      expect(first()).toMatch(/^\[[\d:.]+\] INFO: ready/);
      process.env.NODE_ENV = 'production';
      expect(JSON.parse(first())).toMatchObject({ service: 'llm', msg: 'ready', level: 'info' });
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
