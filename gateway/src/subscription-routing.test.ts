/**
 * Where the gateway opens a subscription: on an instance of the owning service as its load balancer picks one, going
 * on to the next when an instance cannot be reached (nothing was started there); and by the supergraph being
 * served, a reloaded one included.
 */
import { writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUserToken } from '#lib/auth/index.js';
import type { SubgraphServer } from '#lib/subgraph/index.js';
import { TEST_SECRET } from '../../tests/helpers/subgraph-client.js';
import { subscribeOverSse } from '../../tests/helpers/subscriptions.js';
import { startGatewayFixture, type GatewayFixture } from './testing/gateway-fixture.js';
import { createGrimoire, GRIMOIRE_SDL, SPELLBOOK_SDL } from './testing/spell-subgraphs.js';

let fixture: GatewayFixture;
let doomed: SubgraphServer;
let bearer: Record<string, string>;

beforeAll(async () => {
  fixture = await startGatewayFixture({
    withImage: false,
    // Health polled once at start: the instance stopped below still looks healthy, so the balancer keeps picking it.
    hubConfig: 'message_hub:\n  health_check: { interval: 10m }\n  circuit_breaker: { failure_threshold: 1000 }\n',
    route: async (name, url) => {
      if (name !== 'grimoire') return url;
      doomed = createGrimoire(TEST_SECRET);
      return [`http://127.0.0.1:${await doomed.listen(0)}/graphql`, url];
    },
  });
  bearer = { authorization: `Bearer ${await signUserToken('wizard-1', TEST_SECRET)}` };
});
afterAll(async () => {
  await fixture?.close();
  await doomed?.close();
});

const CASTS = 'subscription { spellCast { caster spell { name } } }';

describe('a subscription', () => {
  it('opens on the next instance when the one picked cannot be reached', async () => {
    await doomed.close();
    // The balancer alternates between the two: without going on, every other subscription would fail.
    const subscriptions = Array.from({ length: 4 }, () => subscribeOverSse(`${fixture.origin}/graphql`, { query: CASTS }, bearer));
    await Promise.all(subscriptions.map((subscription) => subscription.connected));
    await expect.poll(() => fixture.upstreamSubscribers('grimoire')).toBe(4);
    // The trigger, not the subject: the balancer may send it to the stopped instance too, so it carries an
    // idempotency key, which lets the hub retry a mutation on the next instance as it would a query.
    const cast = await fixture.graphql('mutation { castSpell(spellId: "spell-1") { caster } }', undefined, { ...bearer, 'idempotency-key': 'cast-1' });
    expect(cast.body.errors).toBeUndefined();
    for (const subscription of subscriptions) {
      expect((await subscription.next()).data).toEqual({ spellCast: { caster: 'wizard-1', spell: { name: 'Fireball' } } });
      subscription.dispose();
    }
  });

  it('is routed by a reloaded supergraph: a subscription field added to it goes to the service that now owns it', async () => {
    const added = 'subscription { spellForgotten }';
    const before = subscribeOverSse(`${fixture.origin}/graphql`, { query: added }, bearer);
    expect((await before.next()).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    // grimoire's schema as a newer version would declare it; this grimoire does not serve the field yet, so its own
    // validation answers: what matters is that the gateway sent the subscription there.
    const composed = composeServices([
      {
        name: 'grimoire',
        url: 'http://127.0.0.1:9/graphql',
        typeDefs: parse(GRIMOIRE_SDL.replace('type Subscription {', 'type Subscription {\n  spellForgotten: String')),
      },
      { name: 'spellbook', url: 'http://127.0.0.1:9/graphql', typeDefs: parse(SPELLBOOK_SDL) },
    ]);
    if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
    writeFileSync(fixture.supergraphPath, composed.supergraphSdl);
    await expect.poll(() => Boolean(fixture.hub.gateway.schema?.getSubscriptionType()?.getFields().spellForgotten), { timeout: 10_000 }).toBe(true);
    const after = subscribeOverSse(`${fixture.origin}/graphql`, { query: added }, bearer);
    const refused = (await after.next()).errors?.[0];
    // The gateway's schema now has the field, so this refusal is grimoire's own: with the routing of the old
    // supergraph it would be the gateway's BAD_USER_INPUT "No service serves the subscription field".
    expect(refused).toMatchObject({
      message: 'Cannot query field "spellForgotten" on type "Subscription".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
