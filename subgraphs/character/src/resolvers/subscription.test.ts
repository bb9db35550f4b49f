import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFor } from '#lib/auth/testing/signed-headers.js';
import { TEST_SECRET } from '../../../../tests/helpers/subgraph-client.js';
import { subscribeOverSse } from '../../../../tests/helpers/subscriptions.js';
import { CREATE, dwarfFighter, startCharacterTestServer, type CharacterTestServer } from '../testing/character-test-server.js';

let server: CharacterTestServer;
beforeAll(async () => {
  server = await startCharacterTestServer();
});
afterAll(() => server.close());

const EVENTS = `subscription($streamId: String, $type: String, $afterPosition: Int) {
  characterEvents(streamId: $streamId, type: $type, afterPosition: $afterPosition) {
    globalPosition eventId streamId version type data correlationId causationId recordedAt character { id name version }
  }
}`;
const UPDATE = 'mutation($input: UpdateCharacterInput!) { updateCharacter(input: $input) { character { version } } }';

const asUser = (userId: string | null) => (body: string) => signedFor(TEST_SECRET, 'character', { userId }, { body });
const subscribe = (variables: Record<string, unknown> = {}, userId: string | null = 'alice') =>
  subscribeOverSse(server.client.url, { query: EVENTS, variables }, asUser(userId));

async function subscribers(): Promise<number> {
  const text = await (await server.client.get('/metrics')).text();
  return Number(/event_feed_subscribers\{service="character"\} (\d+)/.exec(text)?.[1]);
}

async function create(name: string, requestId?: string): Promise<string> {
  const result = await server.client.request(CREATE, { input: dwarfFighter({ name }) }, 'alice', requestId ? { 'x-request-id': requestId } : {});
  expect(result.errors).toBeUndefined();
  return result.data?.createCharacter.character.id;
}

describe('Subscription.characterEvents', () => {
  it("delivers a new character's event to its owner, with its ids, data and the character as it is now", async () => {
    const all = subscribe();
    await all.connected;
    const id = await create('Tordek', 'req-tordek-1');
    const { data, errors } = await all.next();
    expect(errors).toBeUndefined();
    expect(data?.characterEvents).toMatchObject({
      streamId: `character-${id}`,
      version: 1,
      type: 'CharacterCreated',
      correlationId: 'req-tordek-1',
      causationId: null,
      data: { characterId: id, owner: 'alice', name: 'Tordek', race: 'HILL_DWARF' },
      character: { id, name: 'Tordek', version: 1 },
    });
    expect(data?.characterEvents.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    all.dispose();
  });

  it("follows one character's stream only, and resolves its character afresh for every event", async () => {
    const id = await create('Mialee');
    const other = await create('Lidda');
    const mine = subscribe({ streamId: `character-${id}` });
    await mine.connected;
    await server.client.request(UPDATE, { input: { id: other, expectedVersion: 1, name: 'Lidda the Quick' } }, 'alice');
    await server.client.request(UPDATE, { input: { id, expectedVersion: 1, name: 'Mialee the Wise' } }, 'alice');
    await server.client.request(UPDATE, { input: { id, expectedVersion: 2, name: 'Mialee the Bold' } }, 'alice');
    const first = await mine.next();
    const second = await mine.next();
    expect([first, second].map((r) => [r.data?.characterEvents.type, r.data?.characterEvents.version])).toEqual([
      ['CharacterUpdated', 2],
      ['CharacterUpdated', 3],
    ]);
    expect(first.data?.characterEvents.data).toEqual({ characterId: id, changes: { name: 'Mialee the Wise' } });
    // The second event was resolved with fresh loaders: it sees version 3, not a cached row.
    expect(second.data?.characterEvents.character).toMatchObject({ name: 'Mialee the Bold', version: 3 });
    mine.dispose();
  });

  it('resumes after a position with afterPosition', async () => {
    const id = await create('Jozan');
    await server.client.request(UPDATE, { input: { id, expectedVersion: 1, name: 'Jozan of Pelor' } }, 'alice');
    const replay = subscribe({ streamId: `character-${id}`, afterPosition: 0 });
    const created = await replay.next();
    expect(created.data?.characterEvents.type).toBe('CharacterCreated');
    expect((await replay.next()).data?.characterEvents.type).toBe('CharacterUpdated');
    replay.dispose();
    const resumed = subscribe({ streamId: `character-${id}`, afterPosition: created.data?.characterEvents.globalPosition });
    expect((await resumed.next()).data?.characterEvents).toMatchObject({ type: 'CharacterUpdated', version: 2 });
    resumed.dispose();
  });

  it('refuses bad filters with BAD_USER_INPUT and anonymous callers with UNAUTHENTICATED, registering nothing', async () => {
    const cases: Array<[Record<string, unknown>, string, string, string]> = [
      [{ streamId: 'campaign-6f1c1f53-8a0e-4a50-9d43-59d7ab1fd2a1' }, 'watcher', 'BAD_USER_INPUT', 'streamId'],
      [{ streamId: 'character-42' }, 'watcher', 'BAD_USER_INPUT', 'streamId'],
      [{ type: 'CharacterExploded' }, 'watcher', 'BAD_USER_INPUT', 'type'],
      [{ afterPosition: 99_999_999 }, 'watcher', 'BAD_USER_INPUT', 'afterPosition'],
    ];
    for (const [variables, user, code, field] of cases) {
      const refused = subscribe(variables, user);
      const { errors } = await refused.next();
      expect(errors?.[0]?.extensions).toMatchObject({ code, field });
      expect(await refused.ended).toBe('complete');
    }
    // Anonymous: HTTP 401 (graphql-sse's client gives up on the status), the error still in the event stream.
    const body = JSON.stringify({ query: EVENTS });
    const anonymous = await fetch(server.client.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...asUser(null)(body) },
      body,
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain('"code":"UNAUTHENTICATED"');
    expect(await subscribers()).toBe(0);
  });

  it("gives a stranger none of a character's events, and its campaign's dungeon master all of them", async () => {
    const stranger = subscribe({}, 'watcher');
    const dm = subscribe({}, 'dm-of-mirtul');
    await Promise.all([stranger.connected, dm.connected]);
    const id = await create('Mirtul');
    server.inCampaign(id, 'dm-of-mirtul');
    await server.client.request(UPDATE, { input: { id, expectedVersion: 1, name: 'Mirtul the Scarred' } }, 'alice');
    // The DM sees the update of a character now in their campaign (and its creation, when the feed read it after
    // the character joined: the feed decides per event, as it delivers).
    let seen = (await dm.next()).data?.characterEvents;
    if (seen?.version === 1) seen = (await dm.next()).data?.characterEvents;
    expect(seen).toMatchObject({ streamId: `character-${id}`, version: 2 });
    // The stranger's subscription stays silent: the next thing it could see is its own character's event.
    const own = (await server.client.request(CREATE, { input: dwarfFighter({ name: 'Watcher' }) }, 'watcher')).data?.createCharacter.character.id;
    expect((await stranger.next()).data?.characterEvents).toMatchObject({ streamId: `character-${own}`, type: 'CharacterCreated' });
    stranger.dispose();
    dm.dispose();
  });

  it('answers nothing without the gateway signature', async () => {
    const unsigned = subscribeOverSse(server.client.url, { query: EVENTS });
    expect(await unsigned.ended).toMatchObject({ response: { status: 401 } });
  });

  it('drops the subscriber when the client disconnects', async () => {
    const a = subscribe();
    const b = subscribe({ type: 'CharacterDeleted' });
    await Promise.all([a.connected, b.connected]);
    expect(await subscribers()).toBe(2);
    a.dispose();
    b.dispose();
    await expect.poll(subscribers).toBe(0);
  });
});
