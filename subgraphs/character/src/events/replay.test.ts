import { randomUUID } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, replayProjection, verifyAllStreams } from '#lib/event-store/index.js';
import { characters } from '../db/schema.js';
import { CREATE, dwarfFighter, startCharacterTestServer, type CharacterTestServer } from '../testing/character-test-server.js';
import { characterProjection } from './projection.js';
import { Rng } from '#lib/random/prng.js';
import { decide, prepare } from '../../../../tests/helpers/branch-protocol.js';

// A fixed seed reproduces a failure; REPLAY_SEED explores other histories.
const SEED = Number(process.env.REPLAY_SEED ?? 20_261_125);
// Enough operations for every kind of mutation, transaction branch and failure to occur many times, few enough
// for ~20 s on PGlite.
const OPERATIONS = 220;
const USERS = ['alice', 'bob', 'carol'] as const;

const UPDATE = 'mutation($input: UpdateCharacterInput!) { updateCharacter(input: $input) { character { id version } } }';
const AWARD = 'mutation($input: AwardExperienceInput!) { awardExperience(input: $input) { character { version } } }';
const DELETE = 'mutation($input: DeleteCharacterInput!) { deleteCharacter(input: $input) { deletedCharacterId } }';
const READ = 'query($id: ID!) { character(id: $id) { version } }';

interface Known {
  id: string;
  owner: string;
  version: number;
  /** The campaign whose party it is in (the hub's joinParty set it), or null. */
  campaignId: string | null;
}

// A fifth of the prepared branches abort (as if another service's branch failed): they must leave no trace.
const ABORT_RATE = 0.2;

let server: CharacterTestServer;
beforeAll(async () => {
  server = await startCharacterTestServer();
});
afterAll(() => server.close());

function snapshot() {
  return server.database.db.select().from(characters).orderBy(asc(characters.id));
}

describe(`replaying a random history (seed ${SEED})`, () => {
  it('rebuilds the characters table exactly, and every stream verifies', async () => {
    const random = new Rng(SEED);
    const { client } = server;
    const live: Known[] = [];
    const outcomes = new Map<string, number>();
    const note = (label: string) => outcomes.set(label, (outcomes.get(label) ?? 0) + 1);
    const abilityScores = () => ({
      strength: random.int(8, 15),
      dexterity: random.int(8, 15),
      constitution: random.int(8, 15),
      intelligence: random.int(8, 15),
      wisdom: random.int(8, 15),
      charisma: random.int(8, 15),
    });
    const someChanges = () => {
      const changes: Record<string, unknown> = {};
      if (random.float() < 0.5) changes.name = `Hero ${random.int(1, 50)}`;
      if (random.float() < 0.3) changes.backstory = random.float() < 0.3 ? null : `Story ${random.int(1, 1000)}`;
      if (random.float() < 0.3) changes.alignment = random.pick([null, 'CHAOTIC_GOOD', 'NEUTRAL', 'LAWFUL_EVIL']);
      if (random.float() < 0.3) changes.temporaryHitPoints = random.int(0, 10);
      if (random.float() < 0.2) changes.abilityScores = abilityScores();
      if (random.float() < 0.2) changes.experience = random.int(0, 50_000);
      if (random.float() < 0.15)
        changes.inventory =
          random.float() < 0.5
            ? []
            : [
                { name: 'Rope', quantity: random.int(1, 3), weight: 10 },
                { name: 'Spear', weapon: 'SPEAR', equipped: true },
              ];
      return changes;
    };
    /** One branch of a hub transaction, as the hub runs it: prepare, then commit or (sometimes) abort. */
    const branch = async (operation: string, payload: Record<string, unknown>, actor: string): Promise<string> => {
      const prepared = await prepare(client, { operation, payload, actor });
      if (prepared.errorCode) return prepared.errorCode;
      const decision = random.float() < ABORT_RATE ? 'abort' : 'commit';
      expect(await decide(client, prepared.transactionId, decision)).toEqual({ state: decision === 'commit' ? 'COMMITTED' : 'ABORTED' });
      return decision === 'commit' ? 'committed' : 'aborted';
    };
    const refresh = async (known: Known) => {
      const read = await client.request(READ, { id: known.id }, known.owner);
      known.version = read.data?.character.version;
    };

    for (let step = 0; step < OPERATIONS; step++) {
      const roll = random.float();
      const target = live.length > 0 ? random.pick(live) : undefined;
      const stranger = target ? random.pick(USERS.filter((user) => user !== target.owner)) : 'bob';
      if (!target || roll < 0.18) {
        const owner = random.pick(USERS);
        const input = dwarfFighter({ name: `Hero ${step}`, experience: random.int(0, 20_000), abilityScores: abilityScores() });
        const result = await client.request(CREATE, { input }, owner, { 'x-request-id': `replay-${SEED}-${step}` });
        expect(result.errors, `step ${step}`).toBeUndefined();
        live.push({ id: result.data?.createCharacter.character.id, owner, version: 1, campaignId: null });
        note('created');
      } else if (roll < 0.4) {
        const result = await client.request(UPDATE, { input: { id: target.id, expectedVersion: target.version, ...someChanges() } }, target.owner);
        expect(result.errors, `step ${step}`).toBeUndefined();
        target.version = result.data?.updateCharacter.character.version;
        note('updated');
      } else if (roll < 0.48) {
        // Two updates from the same version at once: exactly one wins.
        const results = await Promise.all(
          [0, 1].map(() => client.request(UPDATE, { input: { id: target.id, expectedVersion: target.version, ...someChanges() } }, target.owner)),
        );
        expect(
          results.filter((result) => result.errors?.[0]?.extensions?.code === 'CONFLICT'),
          `step ${step}`,
        ).toHaveLength(1);
        await refresh(target);
        note('racing updates');
      } else if (roll < 0.6) {
        const reason = random.float() < 0.5 ? `Encounter ${step}` : null;
        const result = await client.request(AWARD, { input: { characterId: target.id, amount: random.int(1, 5000), reason } }, target.owner);
        expect(result.errors, `step ${step}`).toBeUndefined();
        target.version = result.data?.awardExperience.character.version;
        note('awarded');
      } else if (roll < 0.74) {
        // The character service's branches of the hub's transactions (joinParty, leaveParty, endSession, setCharacterPortrait).
        const kind = random.pick(['party', 'party', 'session', 'portrait'] as const);
        let outcome: string;
        if (kind === 'party' && target.campaignId) {
          outcome = await branch('leaveCampaign', { characterId: target.id, campaignId: target.campaignId }, target.owner);
          if (outcome === 'committed') target.campaignId = null;
        } else if (kind === 'party') {
          const campaignId = randomUUID();
          // Now and then a stranger tries: FORBIDDEN, and nothing recorded.
          outcome = await branch('joinCampaign', { characterId: target.id, campaignId }, random.float() < 0.15 ? stranger : target.owner);
          if (outcome === 'committed') target.campaignId = campaignId;
        } else if (kind === 'session') {
          const party = [...new Set([target, random.pick(live)])];
          const payload = { characterIds: party.map((known) => known.id), amount: random.int(1, 2000), sessionId: randomUUID(), reason: `Session ${step}` };
          outcome = await branch('awardSessionExperience', payload, 'the-dm');
          if (outcome === 'committed') await Promise.all(party.filter((known) => known !== target).map(refresh));
        } else {
          outcome = await branch('linkPortrait', { characterId: target.id, imageId: randomUUID() }, target.owner);
        }
        expect(['committed', 'aborted', 'FORBIDDEN'], `step ${step}`).toContain(outcome);
        await refresh(target);
        note(`branch ${outcome}`);
      } else if (roll < 0.84) {
        // Failures that must write nothing: stale version, a stranger's update or delete, a zero award, a second join.
        const failure = random.pick([
          { query: UPDATE, variables: { input: { id: target.id, expectedVersion: target.version + 1, name: 'Stale' } }, user: target.owner, code: 'CONFLICT' },
          { query: UPDATE, variables: { input: { id: target.id, expectedVersion: target.version, name: 'Stolen' } }, user: stranger, code: 'FORBIDDEN' },
          { query: DELETE, variables: { input: { id: target.id } }, user: stranger, code: 'FORBIDDEN' },
          { query: AWARD, variables: { input: { characterId: target.id, amount: 0 } }, user: target.owner, code: 'BAD_USER_INPUT' },
        ]);
        const result = await client.request(failure.query, failure.variables, failure.user);
        expect(result.errors?.[0]?.extensions?.code, `step ${step}`).toBe(failure.code);
        note(`failed ${failure.code}`);
      } else if (target.campaignId) {
        // Still in a party: the delete is refused until leaveParty.
        const result = await client.request(DELETE, { input: { id: target.id } }, target.owner);
        expect(result.errors?.[0]?.extensions?.code, `step ${step}`).toBe('CONFLICT');
        note('delete refused in a party');
      } else {
        const result = await client.request(DELETE, { input: { id: target.id } }, target.owner);
        expect(result.errors, `step ${step}`).toBeUndefined();
        live.splice(live.indexOf(target), 1);
        note('deleted');
      }
    }
    // The history must have exercised every path, or the equality below proves less than it claims.
    const labels = ['created', 'updated', 'racing updates', 'awarded', 'deleted', 'failed CONFLICT', 'failed FORBIDDEN', 'failed BAD_USER_INPUT'];
    labels.push('branch committed', 'branch aborted', 'branch FORBIDDEN', 'delete refused in a party');
    for (const label of labels) expect(outcomes.get(label) ?? 0, label).toBeGreaterThan(0);
    const stored = await server.database.db.select({ type: events.type, data: events.data }).from(events);
    for (const type of ['ActiveCampaignSet', 'ActiveCampaignCleared'])
      expect(
        stored.some((event) => event.type === type),
        type,
      ).toBe(true);
    expect(
      stored.some((event) => event.type === 'ExperienceAwarded' && (event.data as { sessionId?: string }).sessionId),
      'session award',
    ).toBe(true);
    expect(
      stored.some((event) => event.type === 'CharacterUpdated' && 'portraitImageId' in (event.data as { changes: object }).changes),
      'portrait',
    ).toBe(true);

    const before = await snapshot();
    expect(before.map((row) => row.id).sort()).toEqual(live.map((known) => known.id).sort());
    const [count] = await server.database.db.select({ count: sql<number>`count(*)::int` }).from(events);

    const replayed = await replayProjection(server.database.db, characterProjection);
    expect(replayed.events).toBe(Number(count?.count));
    expect(await snapshot()).toEqual(before);
    expect(await verifyAllStreams(server.database.db)).toMatchObject({ ok: true });
  });
});
