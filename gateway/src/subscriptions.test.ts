import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUserToken } from '#lib/auth/index.js';
import { TEST_SECRET } from '../../tests/helpers/subgraph-client.js';
import { connectOverWs, subscribeOverSse, type TestSocket } from '../../tests/helpers/subscriptions.js';
import { startGatewayFixture, type GatewayFixture } from './testing/gateway-fixture.js';

let fixture: GatewayFixture;
let bearer: Record<string, string>;
let token: string;

beforeAll(async () => {
  fixture = await startGatewayFixture();
  token = await signUserToken('wizard-1', TEST_SECRET);
  bearer = { authorization: `Bearer ${token}` };
});
afterAll(() => fixture?.close());

const CASTS = 'subscription($spellId: ID) { spellCast(spellId: $spellId) { caster spell { id name school } } }';
const CAST = 'mutation($spellId: ID!) { castSpell(spellId: $spellId) { caster } }';

const gatewayUrl = () => `${fixture.origin}/graphql`;
const wsUrl = () => `${fixture.origin.replace('http:', 'ws:')}/graphql`;
const cast = (spellId = 'spell-1') => fixture.graphql(CAST, { spellId }, bearer);

const upstreamSubscribers = () => fixture.upstreamSubscribers('grimoire');

describe('subscriptions over SSE through the gateway', () => {
  it('routes the subscription to the owning subgraph and streams each event to the client', async () => {
    const casts = subscribeOverSse(gatewayUrl(), { query: CASTS }, bearer);
    await casts.connected;
    expect(await upstreamSubscribers()).toBe(1);
    await cast('spell-1');
    await cast('spell-2');
    expect((await casts.next()).data).toEqual({ spellCast: { caster: 'wizard-1', spell: { id: 'spell-1', name: 'Fireball', school: 'EVOCATION' } } });
    expect((await casts.next()).data?.spellCast.spell.name).toBe('Shield');
    casts.dispose();
    // The client went away: the gateway aborts its upstream subscription.
    await expect.poll(upstreamSubscribers).toBe(0);
    expect(fixture.hub.subscriptions.liveCount).toBe(0);
  });

  it("passes the subgraph's BAD_USER_INPUT and UNAUTHENTICATED on as an error event", async () => {
    const bad = subscribeOverSse(gatewayUrl(), { query: CASTS, variables: { spellId: 'spell-404' } }, bearer);
    expect((await bad.next()).errors?.[0]).toMatchObject({ message: 'No spell spell-404', extensions: { code: 'BAD_USER_INPUT', field: 'spellId' } });
    expect(await bad.ended).toBe('complete');
    const anonymous = subscribeOverSse(gatewayUrl(), { query: CASTS });
    expect((await anonymous.next()).errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await upstreamSubscribers()).toBe(0);
  });

  it('answers an unknown field with the usual validation error', async () => {
    const unknown = subscribeOverSse(gatewayUrl(), { query: 'subscription { spellForgotten { name } }' }, bearer);
    expect((await unknown.next()).errors?.[0]).toMatchObject({
      message: expect.stringContaining('Cannot query field "spellForgotten" on type "Subscription"'),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('refuses a bad token with 401 before anything runs', async () => {
    const refused = subscribeOverSse(gatewayUrl(), { query: CASTS }, { authorization: 'Bearer not-a-token' });
    expect(await refused.ended).toMatchObject({ response: { status: 401 } });
  });
});

describe('subscriptions over graphql-ws through the gateway', () => {
  let socket: TestSocket;
  beforeAll(() => {
    socket = connectOverWs(wsUrl(), { authorization: `Bearer ${token}` });
  });
  afterAll(() => socket?.dispose());

  it('authenticates the connection from connectionParams and streams events', async () => {
    const casts = socket.subscribe({ query: CASTS, variables: { spellId: 'spell-2' } });
    await expect.poll(upstreamSubscribers).toBe(1);
    await cast('spell-1');
    await cast('spell-2');
    expect((await casts.next()).data).toEqual({ spellCast: { caster: 'wizard-1', spell: { id: 'spell-2', name: 'Shield', school: 'ABJURATION' } } });
    casts.dispose();
    await expect.poll(upstreamSubscribers).toBe(0);
  });

  it('runs queries over the same socket, as the signed-in user', async () => {
    const whoami = socket.subscribe({ query: '{ whoami }' });
    expect((await whoami.next()).data).toEqual({ whoami: 'wizard-1' });
    expect(await whoami.ended).toBe('complete');
  });

  it('answers an unknown field with a validation error', async () => {
    const unknown = socket.subscribe({ query: 'subscription { spellForgotten { name } }' });
    await expect(unknown.next()).rejects.toEqual([expect.objectContaining({ message: expect.stringContaining('Cannot query field "spellForgotten"') })]);
  });

  it('aborts the upstream subscriptions of a socket that closes', async () => {
    const other = connectOverWs(wsUrl(), { authorization: `Bearer ${token}` });
    other.subscribe({ query: CASTS });
    other.subscribe({ query: CASTS, variables: { spellId: 'spell-1' } });
    await expect.poll(upstreamSubscribers).toBe(2);
    await other.dispose();
    await expect.poll(upstreamSubscribers).toBe(0);
  });

  it('closes the socket with 4401 and the reason for a bad token', async () => {
    const refused = connectOverWs(wsUrl(), { authorization: 'Bearer not-a-token' });
    const casts = refused.subscribe({ query: CASTS });
    expect(await refused.closed).toEqual({ code: 4401, reason: 'token is invalid' });
    await expect(casts.ended).resolves.toMatchObject({ code: 4401 });
  });
});

describe('a subgraph that goes away', () => {
  it('ends live subscriptions, then answers new ones with SERVICE_UNAVAILABLE while the gateway serves on', async () => {
    const sse = subscribeOverSse(gatewayUrl(), { query: CASTS }, bearer);
    await sse.connected;
    await fixture.subgraphs.grimoire!.close();
    expect(await sse.ended).toBe('complete');

    const later = subscribeOverSse(gatewayUrl(), { query: CASTS }, bearer);
    expect((await later.next()).errors?.[0]).toMatchObject({
      message: 'The grimoire service is unavailable (connection refused)',
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'grimoire' },
    });
    const socket = connectOverWs(wsUrl(), { authorization: `Bearer ${token}` });
    const overWs = socket.subscribe({ query: CASTS });
    expect((await overWs.next()).errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    await socket.dispose();
    expect((await fixture.graphql('{ imageCount }', {}, bearer)).body.data).toEqual({ imageCount: 1 });
  });
});

describe('gateway shutdown', () => {
  it('completes open SSE subscriptions and closes sockets, and stops promptly', async () => {
    const own = await startGatewayFixture();
    const sse = subscribeOverSse(`${own.origin}/graphql`, { query: CASTS }, bearer);
    await sse.connected;
    const socket = connectOverWs(`${own.origin.replace('http:', 'ws:')}/graphql`, { authorization: `Bearer ${token}` });
    const overWs = socket.subscribe({ query: CASTS });
    await expect.poll(() => own.hub.subscriptions.liveCount).toBe(2);
    const started = Date.now();
    await own.close();
    // 5 s: far below any keep-alive or ping interval that would show a connection holding the close up.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await sse.ended).toBe('complete');
    expect(await socket.closed).toMatchObject({ code: 1001 });
    await overWs.ended;
  });
});
