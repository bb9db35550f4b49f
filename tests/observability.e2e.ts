/**
 * Observability of the real platform: one client request (generateBackstory: the gateway fetches character, whose
 * gateway client asks the llm through the gateway, which writes to its database and calls its provider) followed as ONE
 * trace across every process, read back through Query.hub.trace; the gateway's /metrics moving with requests; the
 * request id answered and its fetches listed in Query.hub.requests; log lines carrying the request and trace ids,
 * never a secret. One platform, a handful of requests.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { OPERATOR_ROLE, signUserToken } from '#lib/auth/jwt.js';
import { repoRoot } from '#lib/config/paths.js';
import { gradientPng } from '#lib/images/png.js';
import { E2E_SECRET, startTestPlatform, type TestPlatform } from './helpers/platform.js';
import { metric } from './helpers/prometheus-text.js';

const configDir = mkdtempSync(path.join(tmpdir(), 'observability-e2e-'));
let platform: TestPlatform;
let operatorToken: string;
let playerToken: string;
let characterId: string;
let metricsBefore: string;

const traceId = randomBytes(16).toString('hex');
const clientSpanId = randomBytes(8).toString('hex');
const requestId = `obs-e2e-${randomBytes(4).toString('hex')}`;
/** A span as Query.hub.trace answers it. */
interface SpanRecord {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  service: string;
  kind: string;
  status: string;
  attributes: Array<{ key: string; value: string }>;
}

let answer: { status: number; headers: Headers; body: { data?: any; errors?: unknown[] } };

async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const response = await fetch(`${platform.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: any; errors?: unknown[] } };
}

const asOperator = (query: string, variables: Record<string, unknown> = {}) => post(query, variables, { authorization: `Bearer ${operatorToken}` });
const scrape = async () => (await fetch(`${platform.url}/metrics`, { headers: { authorization: `Bearer ${operatorToken}` } })).text();

beforeAll(async () => {
  // The repository's hub.yaml with JSON log lines (the production format), so that each line's fields can be read.
  const config = parse(readFileSync(path.join(repoRoot, 'hub.yaml'), 'utf8')) as Record<string, any>;
  config.observability = { ...config.observability, logs: { format: 'json' } };
  const hubYaml = path.join(configDir, 'hub.yaml');
  writeFileSync(hubYaml, stringify(config));
  platform = await startTestPlatform({ HUB_CONFIG: hubYaml });
  operatorToken = await signUserToken('operator-1', E2E_SECRET, undefined, [OPERATOR_ROLE]);
  playerToken = await platform.token('player-1');
  const created = await platform.gql(
    'mutation($input: CreateCharacterInput!) { createCharacter(input: $input) { character { id } } }',
    {
      input: {
        name: 'Mirela Vance',
        race: 'HUMAN',
        class: 'WIZARD',
        background: 'Sage',
        alignment: 'NEUTRAL_GOOD',
        abilityScores: { strength: 8, dexterity: 14, constitution: 12, intelligence: 16, wisdom: 12, charisma: 10 },
      },
    },
    'player-1',
  );
  expect(created.errors).toBeUndefined();
  characterId = created.data!.createCharacter.character.id;
  metricsBefore = await scrape();
  // The request followed by every test below: the client's own trace context and request id.
  answer = await post(
    'mutation GenerateBackstory($input: GenerateBackstoryInput!) { generateBackstory(input: $input) { generationId character { id backstory } } }',
    { input: { characterId, seed: 11 } },
    { authorization: `Bearer ${playerToken}`, traceparent: `00-${traceId}-${clientSpanId}-01`, 'x-request-id': requestId },
  );
}, 200_000);
afterAll(async () => {
  await platform?.stop();
  rmSync(configDir, { recursive: true, force: true });
});

describe('one request, one trace', () => {
  it('follows generateBackstory from the gateway through character, the hub hop and the llm to its database and provider', async () => {
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.generateBackstory.character.backstory).toContain('Mirela Vance');
    expect(answer.headers.get('x-trace-id')).toBe(traceId);

    const TRACE = `query($id: ID!) { hub { trace(id: $id) { traceId unreachable
      spans { traceId spanId parentSpanId name service kind status attributes { key value } } } } }`;
    const read = async () => (await asOperator(TRACE, { id: traceId })).body.data?.hub.trace as { spans: SpanRecord[]; unreachable: string[] } | null;
    // Each process records its spans as they end; the llm's provider span is among the last.
    await expect.poll(async () => (await read())?.spans.some((span) => span.name.startsWith('llm text')), { timeout: 10_000 }).toBe(true);
    const trace = (await read())!;
    expect(trace.unreachable).toEqual([]);
    const spans = trace.spans;
    expect(new Set(spans.map((span) => span.traceId))).toEqual(new Set([traceId]));
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const ancestry = (span: SpanRecord | undefined) => {
      const chain: SpanRecord[] = [];
      for (let parent = span && byId.get(span.parentSpanId ?? ''); parent; parent = byId.get(parent.parentSpanId ?? '')) chain.push(parent);
      return chain;
    };
    const find = (predicate: (span: SpanRecord) => boolean, what: string) => {
      const span = spans.find(predicate);
      if (!span) throw new Error(`no ${what} in the trace: ${spans.map((s) => `${s.service}:${s.name}`).join(', ')}`);
      return span;
    };

    // The client's request at the gateway, a child of the client's own span.
    const root = find((s) => s.service === 'gateway' && s.kind === 'SERVER' && s.parentSpanId === clientSpanId, 'gateway request span');
    expect(root.name).toBe('mutation GenerateBackstory');
    // The gateway's fetch to character, and character serving it under the attempt that reached it.
    const fetchCharacter = find((s) => s.name === 'fetch character' && ancestry(s).includes(root), 'fetch to character');
    const characterServer = find((s) => s.service === 'character' && s.kind === 'SERVER' && ancestry(s).includes(fetchCharacter), "character's server span");
    expect(byId.get(characterServer.parentSpanId ?? '')?.name).toBe('attempt 1 character');
    // character's gateway client call to the gateway, and the gateway's hop for it (a SERVER span of its own).
    const hubCall = find(
      (s) => s.service === 'character' && s.kind === 'CLIENT' && s.name.startsWith('hub ') && ancestry(s).includes(characterServer),
      "character's gateway-client span",
    );
    const hop = find((s) => s.service === 'gateway' && s.kind === 'SERVER' && s.parentSpanId === hubCall.spanId, "the gateway hop's span");
    expect(hop.name).toBe('mutation CharacterGenerateBackstoryText');
    // The llm serving the hop's fetch, its SQL and its provider call.
    const fetchLlm = find((s) => s.name === 'fetch llm' && ancestry(s).includes(hop), 'fetch to llm');
    const llmServer = find((s) => s.service === 'llm' && s.kind === 'SERVER' && ancestry(s).includes(fetchLlm), "llm's server span");
    const db = find((s) => s.service === 'llm' && s.name.startsWith('db ') && ancestry(s).includes(llmServer), 'a db span of the llm');
    expect(db.attributes.find((attribute) => attribute.key === 'db.statement')).toBeDefined();
    const provider = find((s) => s.service === 'llm' && s.name.startsWith('llm text') && ancestry(s).includes(llmServer), 'the llm provider span');
    expect(provider.attributes).toEqual(expect.arrayContaining([{ key: 'llm.provider', value: 'local' }]));
    // Everything hangs off the client's request: one tree.
    for (const span of spans) expect(span === root || ancestry(span).includes(root), `${span.service}:${span.name} is under the request`).toBe(true);

    const malformed = await asOperator(TRACE, { id: 'not-a-trace-id' });
    expect((malformed.body.errors?.[0] as { extensions?: { code?: string } })?.extensions?.code).toBe('BAD_USER_INPUT');
    const recent = await asOperator('{ hub { traces(first: 50) { traceId rootName service } } }');
    expect(recent.body.data.hub.traces).toEqual(expect.arrayContaining([{ traceId, rootName: 'mutation GenerateBackstory', service: 'gateway' }]));
  });
});

describe("a transaction's trace", () => {
  it("puts the two-phase commit's protocol calls under the request's span", async () => {
    const portrait = await post(
      'mutation Portrait($input: SetCharacterPortraitInput!) { setCharacterPortrait(input: $input) { transaction { state } } }',
      { input: { characterId, dataBase64: gradientPng(16, 16, [200, 40, 40], [20, 20, 120]).toString('base64') } },
      { authorization: `Bearer ${playerToken}` },
    );
    expect(portrait.body.errors).toBeUndefined();
    expect(portrait.body.data.setCharacterPortrait.transaction.state).toBe('COMMITTED');
    const id = portrait.headers.get('x-trace-id');
    const read = async () =>
      ((await asOperator('query($id: ID!) { hub { trace(id: $id) { spans { spanId parentSpanId name service kind attributes { key value } } } } }', { id }))
        .body.data?.hub.trace?.spans ?? []) as SpanRecord[];
    // Phase two may finish a moment after the answer (the coordinator answers once it is decided and driven).
    await expect.poll(async () => (await read()).filter((span) => span.name.startsWith('attempt ')).length, { timeout: 10_000 }).toBe(4);
    const spans = await read();
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const under = (span: SpanRecord, ancestor: SpanRecord | undefined) => {
      for (let parent = byId.get(span.parentSpanId ?? ''); parent; parent = byId.get(parent.parentSpanId ?? '')) if (parent === ancestor) return true;
      return false;
    };
    const root = spans.find((span) => span.service === 'gateway' && span.kind === 'SERVER');
    expect(root?.name).toBe('mutation Portrait');
    const transaction = spans.find((span) => span.name === 'transaction setCharacterPortrait');
    expect(transaction && under(transaction, root)).toBe(true);
    const protocol = spans
      .filter((span) => span.name.startsWith('fetch ') && under(span, transaction))
      .map((span) => `${span.name} ${span.attributes.find((attribute) => attribute.key === 'graphql.operation.name')?.value}`);
    expect(protocol.sort()).toEqual(['fetch character Commit', 'fetch character Prepare', 'fetch image Commit', 'fetch image Prepare']);
  });
});

describe('message tracking', () => {
  it('answers the request id and lists its fetches, and those of the hop made for it, in Query.hub.requests', async () => {
    expect(answer.headers.get('x-request-id')).toBe(requestId);
    const REQUESTS = `query($filter: TrackedRequestFilter) { hub { requests(filter: $filter) {
      id operationName operationType userId outcome traceId durationMs
      fetches { service instance operationName attempts retries outcome httpStatus } } } }`;
    const tracked = (await asOperator(REQUESTS, { filter: { requestId } })).body.data.hub.requests as Array<Record<string, any>>;
    // The client's mutation and, under the same id (the gateway client passes it on), the hop that asked the llm.
    const client = tracked.find((request) => request.operationName === 'GenerateBackstory');
    const hop = tracked.find((request) => request.operationName === 'CharacterGenerateBackstoryText');
    expect(client).toMatchObject({ id: requestId, operationType: 'MUTATION', userId: 'player-1', outcome: 'OK', traceId });
    expect(client?.fetches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          service: 'character',
          attempts: 1,
          retries: 0,
          outcome: 'OK',
          httpStatus: 200,
          instance: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/),
        }),
      ]),
    );
    expect(hop).toMatchObject({ id: requestId, userId: 'player-1', outcome: 'OK', traceId });
    expect(hop?.fetches).toEqual(expect.arrayContaining([expect.objectContaining({ service: 'llm', outcome: 'OK', httpStatus: 200 })]));
    expect((await asOperator(REQUESTS, { filter: { service: 'llm', outcome: 'OK' } })).body.data.hub.requests.map((r: { id: string }) => r.id)).toContain(
      requestId,
    );

    // The platform's inside is for operators.
    const player = await post(REQUESTS, {}, { authorization: `Bearer ${playerToken}` });
    expect((player.body.errors?.[0] as { extensions?: { code?: string } })?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('/metrics', () => {
  it('moves with the requests made', async () => {
    const after = await scrape();
    const ok = { operation_type: 'mutation', operation_name: 'GenerateBackstory', outcome: 'ok' };
    expect(metric(after, 'graphql_requests_total', ok) - metric(metricsBefore, 'graphql_requests_total', ok)).toBe(1);
    for (const service of ['character', 'llm']) {
      expect(metric(after, 'subgraph_fetch_duration_seconds_count', { service, outcome: 'ok' })).toBeGreaterThan(
        metric(metricsBefore, 'subgraph_fetch_duration_seconds_count', { service, outcome: 'ok' }),
      );
      expect(after).toMatch(new RegExp(`circuit_breaker_state\\{[^}]*service="${service}"[^}]*\\} 0`));
    }
    expect(after).toMatch(/bulkhead_queue_depth\{[^}]*service="llm"[^}]*\} 0/);
    expect(after).toContain('graphql_request_duration_seconds_bucket');
  });
});

describe('logs', () => {
  it('carry the request and trace ids, and no secret', async () => {
    // A refused token is logged too, without the token.
    const forged = `${playerToken.slice(0, -4)}AAAA`;
    await post('{ __typename }', {}, { authorization: `Bearer ${forged}` });
    const lines = platform.logs
      .map((line) => /^\[(\w+)\] (\{.*\})$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => ({ process: match[1], fields: JSON.parse(match[2]!) as Record<string, unknown> }));
    const ours = lines.filter((line) => line.fields.request_id === requestId);
    // The gateway's line for the client's request and for the hop; every line of the request names its trace.
    expect(ours.filter((line) => line.process === 'gateway').length).toBeGreaterThanOrEqual(2);
    for (const line of ours) expect(line.fields.trace_id, JSON.stringify(line.fields)).toBe(traceId);
    const text = platform.logs.join('\n');
    for (const secret of [E2E_SECRET, playerToken, operatorToken, forged]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
  });
});
