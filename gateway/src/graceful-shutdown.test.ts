/**
 * Graceful shutdown under load, in-process: what SIGTERM runs (lib/shutdown/on-shutdown-signal.ts calls close())
 * on a subgraph behind the gateway and on the gateway itself, with requests in flight.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { Pool, request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { signedFor } from '#lib/auth/testing/signed-headers.js';
import { parseHubConfig } from '#lib/config/hub-config.js';
import { TEST_SECRET } from '../../tests/helpers/subgraph-client.js';
import { createGateway, type Gateway } from './create-gateway.js';
import { createHourglass, HOURGLASS_SDL, type Hourglass } from './testing/hourglass-subgraph.js';

const dir = mkdtempSync(path.join(tmpdir(), 'gateway-shutdown-'));
const supergraphPath = path.join(dir, 'supergraph.graphql');
const composed = composeServices([{ name: 'hourglass', url: 'http://127.0.0.1:9/graphql', typeDefs: parse(HOURGLASS_SDL) }]);
if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
writeFileSync(supergraphPath, composed.supergraphSdl);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function startGateway(instances: Hourglass[]): Promise<{ gateway: Gateway; origin: string; pool: Pool }> {
  const urls = await Promise.all(instances.map(async (instance) => `http://127.0.0.1:${await instance.listen(0)}/graphql`));
  const gateway = await createGateway({
    supergraphPath,
    secret: TEST_SECRET,
    secretEmbedded: false,
    subgraphUrls: { hourglass: urls },
    // Health rounds only when a test asks (readiness): one running on its own could answer a probe the test holds.
    hubConfig: parseHubConfig('message_hub:\n  watch_supergraph: false\n  health_check: { interval: 1m }\n', 'test hub.yaml'),
  });
  const origin = `http://127.0.0.1:${await gateway.listen(0)}`;
  return { gateway, origin, pool: new Pool(origin, { connections: 64 }) };
}

// A loaded machine (two cores, other test files beside this one) can take seconds to get 20 requests through.
const LOADED = { interval: 10, timeout: 15_000 };

interface Outcome {
  status?: number;
  connection?: string;
  body?: { data?: { slow?: string }; errors?: unknown[] };
  error?: string;
}

/** One query through the gateway: its full answer, or the network error the client saw. */
async function slowQuery(pool: Pool, origin: string, ms: number): Promise<Outcome> {
  try {
    const response = await request(`${origin}/graphql`, {
      dispatcher: pool,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ slow(ms: ${ms}) }` }),
    });
    const connection = response.headers.connection;
    return {
      status: response.statusCode,
      connection: typeof connection === 'string' ? connection : undefined,
      body: (await response.body.json()) as Outcome['body'],
    };
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

/** A keep-alive connection that answered one request and now sits idle; records how it ended. */
async function idleConnection(origin: string): Promise<{ ended: Promise<string> }> {
  const { hostname, port } = new URL(origin);
  const socket: Socket = connect(Number(port), hostname);
  let received = '';
  await new Promise<void>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      if (received.includes('\r\n\r\n') && received.includes('"status"')) resolve();
    });
    socket.once('error', reject);
    socket.write(`GET /health HTTP/1.1\r\nHost: ${hostname}\r\nConnection: keep-alive\r\n\r\n`);
  });
  const ended = new Promise<string>((resolve) => {
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    socket.once('end', () => resolve('end'));
  });
  return { ended };
}

describe('graceful shutdown', () => {
  it('a subgraph stopped under load answers every request it had; the gateway sends the rest to its other instance', async () => {
    const [stopping, staying] = [createHourglass(TEST_SECRET, 'first'), createHourglass(TEST_SECRET, 'second')] as [Hourglass, Hourglass];
    let answeredWhileDraining = 0;
    stopping.server.on('request', (_req, res) => {
      res.on('finish', () => stopping.draining && res.getHeader('connection') === 'close' && answeredWhileDraining++);
    });
    const { gateway, origin, pool } = await startGateway([stopping, staying]);
    const outcomes: Outcome[] = [];
    let loading = true;
    // 8 clients, each sending its next query as soon as the last one is answered: about 4 in flight at each instance.
    // Each its own duration: the gateway would otherwise join identical queries in flight into one fetch.
    const clients = Array.from({ length: 8 }, async (_, client) => {
      while (loading) outcomes.push(await slowQuery(pool, origin, 40 + client));
    });
    // Under way on both instances; then the first one's answers are held, so that some are surely in flight at it
    // when it starts draining, however loaded the machine.
    await expect.poll(() => stopping.received.queries > 0 && staying.received.queries > 0, LOADED).toBe(true);
    const release = stopping.hold();
    const heldFrom = stopping.received.queries;
    await expect.poll(() => stopping.received.queries - heldFrom, LOADED).toBeGreaterThan(0);
    const closed = stopping.close();
    release();
    await closed;
    // The load goes on against the other instance: every client gets another answer after the close.
    const afterClose = outcomes.length;
    await expect.poll(() => outcomes.length - afterClose, LOADED).toBeGreaterThanOrEqual(8);
    loading = false;
    await Promise.all(clients);

    expect(answeredWhileDraining).toBeGreaterThan(0);
    const failed = outcomes.filter((outcome) => outcome.status !== 200 || outcome.body?.errors || !/after 4\d ms$/.test(outcome.body?.data?.slow ?? ''));
    expect(failed).toEqual([]);
    expect(outcomes.at(-1)?.body?.data?.slow).toMatch(/^second after/);
    await pool.close();
    await gateway.close();
    await staying.close();
  });

  it('the gateway stopped under load answers every request in flight with Connection: close, and readiness turns 503', async () => {
    const hourglass = createHourglass(TEST_SECRET, 'only');
    const { gateway, origin, pool } = await startGateway([hourglass]);
    const idle = await Promise.all([idleConnection(origin), idleConnection(origin), idleConnection(origin)]);

    // Held at the subgraph: 20 queries and a readiness probe (waiting on the subgraph's /health) are in flight.
    // The start-up health round is over first, so that the probe's round is a new one, held like the queries.
    await gateway.registry.readiness();
    const release = hourglass.hold();
    const { queries, health } = hourglass.received;
    const readiness = request(`${origin}/readiness`, { dispatcher: pool }).then(async (response) => ({
      status: response.statusCode,
      body: await response.body.json(),
    }));
    const inFlight = Array.from({ length: 20 }, (_, i) => slowQuery(pool, origin, 10 + i));
    await expect.poll(() => hourglass.received.queries - queries, LOADED).toBe(20);
    await expect.poll(() => hourglass.received.health - health, LOADED).toBeGreaterThan(0);

    const started = Date.now();
    const closed = gateway.close();
    expect(gateway.draining).toBe(true);
    release();
    await closed;
    // The drain took as long as the requests left needed, not the grace period.
    expect(Date.now() - started).toBeLessThan(3_000);
    const answers = await Promise.all(inFlight);
    expect(answers.map((answer) => [answer.status, answer.connection, answer.body?.data?.slow])).toEqual(
      Array.from({ length: 20 }, (_, i) => [200, 'close', `only after ${10 + i} ms`]),
    );
    // The probe was waiting on the subgraph's /health when draining began: it answers 503 all the same.
    expect(await readiness).toEqual({ status: 503, body: { status: 'draining', subgraphs: [{ name: 'hourglass', status: 'ok' }] } });
    // Idle keep-alive connections were closed by the server, not reset.
    expect(await Promise.all(idle.map((connection) => connection.ended))).toEqual(['end', 'end', 'end']);
    expect((await slowQuery(new Pool(origin), origin, 0)).error).toBe('ECONNREFUSED');
    await pool.close();
    await hourglass.close();
  });

  it('cuts a request still running after the grace period instead of waiting for it', async () => {
    const hourglass = createHourglass(TEST_SECRET, 'only');
    const url = `http://127.0.0.1:${await hourglass.listen(0)}/graphql`;
    const pool = new Pool(new URL(url).origin);
    const stuck = request(url, {
      dispatcher: pool,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signedFor(TEST_SECRET, 'hourglass', { userId: 'user-1' }, { body: JSON.stringify({ query: '{ slow(ms: 5000) }' }) }),
      },
      body: JSON.stringify({ query: '{ slow(ms: 5000) }' }),
    }).then(
      () => 'answered',
      (error: NodeJS.ErrnoException) => error.code ?? 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await hourglass.close(200);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await stuck).toMatch(/^UND_ERR_SOCKET|ECONNRESET$/);
    await pool.close();
  });
});
