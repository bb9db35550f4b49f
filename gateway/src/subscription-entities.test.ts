/**
 * Subscriptions whose selection reaches into other subgraphs: the gateway fetches those fields through
 * `_entities` for every event and answers exactly the client's selection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUserToken } from '#lib/auth/index.js';
import { TEST_SECRET } from '../../tests/helpers/subgraph-client.js';
import { connectOverWs, subscribeOverSse } from '../../tests/helpers/subscriptions.js';
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

const CAST = 'mutation($spellId: ID!) { castSpell(spellId: $spellId) { caster } }';
const gatewayUrl = () => `${fixture.origin}/graphql`;
const wsUrl = () => `${fixture.origin.replace('http:', 'ws:')}/graphql`;
const cast = (spellId = 'spell-1') => fixture.graphql(CAST, { spellId }, bearer);
const upstreamSubscribers = () => fixture.upstreamSubscribers('grimoire');

describe('fields of other subgraphs in a subscription', () => {
  const WITH_ENTITIES = `subscription Casts($words: Int!) {
    spellCast { ...Cast }
  }
  fragment Cast on SpellCast {
    who: caster
    spell { name pages note illustration opening: excerpt(words: $words) ... on Spell { school } }
  }`;

  it('resolves them per event through _entities, as the client selected them (aliases, fragments, variables)', async () => {
    const casts = subscribeOverSse(gatewayUrl(), { query: WITH_ENTITIES, variables: { words: 2 } }, bearer);
    await casts.connected;
    await cast('spell-1');
    const first = await casts.next();
    expect(first.errors).toBeUndefined();
    // Exactly the client's keys, in its order: no __typename or id the gateway added to find the entity.
    expect(first.data).toEqual({
      spellCast: {
        who: 'wizard-1',
        spell: { name: 'Fireball', pages: 70, note: 'notes on spell-1', illustration: '/images/spell-1.png', opening: 'spell-1 reads:', school: 'EVOCATION' },
      },
    });
    await cast('spell-2');
    const second = await casts.next();
    // spellbook has no note for spell-2: null where it was asked, the error at the client's path.
    expect(second.data?.spellCast.spell).toMatchObject({ name: 'Shield', pages: 70, note: null });
    expect(second.errors).toEqual([
      expect.objectContaining({
        message: 'No note for this spell',
        path: ['spellCast', 'spell', 'note'],
        extensions: expect.objectContaining({ code: 'NOT_FOUND' }),
      }),
    ]);
    casts.dispose();
    await expect.poll(upstreamSubscribers).toBe(0);
  });

  it('resolves them over graphql-ws too', async () => {
    const socket = connectOverWs(wsUrl(), { authorization: `Bearer ${token}` });
    const casts = socket.subscribe({ query: 'subscription { spellCast { spell { id illustration } } }' });
    await expect.poll(upstreamSubscribers).toBe(1);
    await cast('spell-2');
    expect((await casts.next()).data).toEqual({ spellCast: { spell: { id: 'spell-2', illustration: '/images/spell-2.png' } } });
    await socket.dispose();
    await expect.poll(upstreamSubscribers).toBe(0);
  });
});

describe('a subgraph of entity fields that is down', () => {
  it('nulls the parents of a non-null field it owns, for each event, with SERVICE_UNAVAILABLE', async () => {
    await fixture.subgraphs.spellbook!.close();
    const casts = subscribeOverSse(gatewayUrl(), { query: 'subscription { spellCast { caster spell { name pages } } }' }, bearer);
    await casts.connected;
    await cast('spell-1');
    const result = await casts.next();
    // pages is Int! and Spell! and SpellCast! above it: the whole event is null, as graphql-js would answer.
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: 'The spellbook service is unavailable (connection refused)',
        path: ['spellCast', 'spell'],
        extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }),
      }),
    ]);
    casts.dispose();
  });
});
