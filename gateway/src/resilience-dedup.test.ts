/**
 * In-flight deduplication as a client sees it, counted at a fault proxy in front of grimoire that holds every
 * request for a moment: identical queries of one user at once cost the subgraph one request, and each client
 * still gets its whole answer; other users, mutations and later queries are sent on their own.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signUserToken } from '#lib/auth/index.js';
import { TEST_SECRET } from '../../tests/helpers/subgraph-client.js';
import type { FaultProxy } from './testing/fault-proxy.js';
import type { GatewayFixture } from './testing/gateway-fixture.js';
import { startGatewayBehindFaultProxy } from './testing/proxied-gateway.js';

// 200 ms held at the proxy: far longer than the gateway takes to plan and send five concurrent requests' fetches.
const HOLD_MS = 200;

let fixture: GatewayFixture;
let proxy: FaultProxy;
const bearer = async (user: string) => ({ authorization: `Bearer ${await signUserToken(user, TEST_SECRET)}` });

beforeAll(async () => {
  ({ fixture, proxy } = await startGatewayBehindFaultProxy('grimoire', {
    hubConfig: 'message_hub:\n  retry_policy: { max_attempts: 1 }\n  health_check: { interval: 1m }\n',
  }));
});
afterAll(async () => {
  await fixture?.close();
  await proxy?.close();
});
beforeEach(() => {
  proxy.requests.length = 0;
  proxy.mode = { kind: 'pass', delayMs: HOLD_MS };
});

describe('in-flight deduplication of subgraph queries', () => {
  it('sends identical concurrent queries of one user once, and answers every client in full', async () => {
    const headers = await bearer('wizard-1');
    const results = await Promise.all(Array.from({ length: 5 }, () => fixture.graphql('{ whoami spells { id name pages } }', {}, headers)));
    for (const result of results) {
      expect(result.body).toEqual({
        data: {
          whoami: 'wizard-1',
          spells: [
            { id: 'spell-1', name: 'Fireball', pages: expect.any(Number) },
            { id: 'spell-2', name: 'Shield', pages: expect.any(Number) },
          ],
        },
      });
    }
    expect(proxy.requests).toHaveLength(1);
  });

  it('keeps each client request its own answer when the shared fetch feeds different follow-up fetches', async () => {
    const headers = await bearer('wizard-1');
    // Both start with the same grimoire fetch; the spellbook fields merged into its objects differ per request.
    const [pages, note] = await Promise.all([
      fixture.graphql('{ whoami spells { id name pages } }', {}, headers),
      fixture.graphql('{ whoami spells { id name note } }', {}, headers),
    ]);
    expect(proxy.requests).toHaveLength(1);
    expect(pages.body.data?.spells.map((spell: Record<string, unknown>) => Object.keys(spell))).toEqual([
      ['id', 'name', 'pages'],
      ['id', 'name', 'pages'],
    ]);
    expect(note.body.data?.spells.map((spell: Record<string, unknown>) => Object.keys(spell))).toEqual([
      ['id', 'name', 'note'],
      ['id', 'name', 'note'],
    ]);
  });

  it('never shares a fetch between two users: each gets the answer for themselves', async () => {
    const [wizard, cleric] = await Promise.all([
      fixture.graphql('{ whoami }', {}, await bearer('wizard-1')),
      fixture.graphql('{ whoami }', {}, await bearer('cleric-2')),
    ]);
    expect([wizard.body.data?.whoami, cleric.body.data?.whoami]).toEqual(['wizard-1', 'cleric-2']);
    expect(proxy.requests).toHaveLength(2);
  });

  it('sends every identical mutation: two learnSpell calls are two spells', async () => {
    const headers = await bearer('wizard-1');
    const learn = 'mutation { learnSpell(input: { name: "Mage Hand", school: EVOCATION, level: 0 }) { id } }';
    const [first, second] = await Promise.all([fixture.graphql(learn, {}, headers), fixture.graphql(learn, {}, headers)]);
    expect(proxy.requests.filter((request) => request.operation === 'mutation')).toHaveLength(2);
    expect(first.body.data?.learnSpell.id).not.toBe(second.body.data?.learnSpell.id);
  });

  it('keeps nothing once a fetch has finished: the same query later, or after a failure, is sent again', async () => {
    const headers = await bearer('wizard-1');
    proxy.mode = { kind: 'status', status: 503, times: 1 };
    const failed = await fixture.graphql('{ whoami }', {}, headers);
    expect(failed.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const answered = await fixture.graphql('{ whoami }', {}, headers);
    expect(answered.body).toEqual({ data: { whoami: 'wizard-1' } });
    expect(proxy.requests).toHaveLength(2);
  });
});
