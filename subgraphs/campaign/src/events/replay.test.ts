import { randomUUID } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayProjection } from '#lib/event-store/replay.js';
import { verifyAllStreams } from '#lib/event-store/verify-stream.js';
import { campaignMembers, campaigns, events, gameSessions, locations, npcs, partyCharacters, quests } from '../db/schema.js';
import { decide, prepare } from '../../../../tests/helpers/branch-protocol.js';
import { startHarness, type Harness } from '../test-harness.js';
import { campaignProjection } from './projection.js';
import { mulberry32 } from '#lib/random/prng.js';

// Fixed seed: a failure replays the same history. 250 mutations and transaction branches: enough for every event
// type to occur many times on a few campaigns (refused archives, re-joins, double recordings, aborted branches)
// and still well under a minute.
const SEED = 0x5eed_c0de;
const STEPS = 250;

const M = {
  create: `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }`,
  update: `mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { campaign { id status } } }`,
  invite: `mutation($input: InvitePlayerInput!) { invitePlayer(input: $input) { member { status } } }`,
  join: `mutation($input: JoinCampaignInput!) { joinCampaign(input: $input) { member { status } } }`,
  schedule: `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { session { id } } }`,
  npc: `mutation($input: CreateNpcInput!) { createNpc(input: $input) { npc { id } } }`,
  location: `mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id } } }`,
  quest: `mutation($input: CreateQuestInput!) { createQuest(input: $input) { quest { id } } }`,
  updateQuest: `mutation($input: UpdateQuestInput!) { updateQuest(input: $input) { quest { id } } }`,
};

const USERS = ['ana', 'bo', 'cy', 'di', 'ed'];
const VISIBILITIES = ['PUBLIC', 'PARTY', 'DM_ONLY'];
// 15%: often enough that aborted branches (which must leave no trace in the read tables) occur many times.
const ABORT_RATE = 0.15;
// Errors a valid client can provoke; anything else (INTERNAL_SERVER_ERROR) fails the test.
const EXPECTED_CODES = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT']);

interface CampaignModel {
  id: string;
  dm: string;
  sessions: string[];
  quests: string[];
  party: Map<string, string>; // characterId -> owner
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function snapshot() {
  const db = h.database.db;
  return {
    campaigns: await db.select().from(campaigns).orderBy(asc(campaigns.id)),
    members: await db.select().from(campaignMembers).orderBy(asc(campaignMembers.campaignId), asc(campaignMembers.userId)),
    party: await db.select().from(partyCharacters).orderBy(asc(partyCharacters.id)),
    sessions: await db.select().from(gameSessions).orderBy(asc(gameSessions.id)),
    npcs: await db.select().from(npcs).orderBy(asc(npcs.id)),
    locations: await db.select().from(locations).orderBy(asc(locations.id)),
    quests: await db.select().from(quests).orderBy(asc(quests.id)),
  };
}

describe('replay', () => {
  it('rebuilds exactly the read tables that a random history of mutations and transaction branches wrote', async () => {
    const random = mulberry32(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const characters = Array.from({ length: 8 }, () => randomUUID());
    const model: CampaignModel[] = [];
    const outcomes = new Map<string, number>();
    const note = (label: string) => outcomes.set(label, (outcomes.get(label) ?? 0) + 1);

    async function run(query: string, input: Record<string, unknown>, user: string | null) {
      const result = await h.client.request(query, { input }, user);
      const code = result.errors?.[0]?.extensions?.code as string | undefined;
      if (result.errors) expect(EXPECTED_CODES.has(code ?? ''), JSON.stringify(result.errors)).toBe(true);
      note(code ?? 'ok');
      return result.errors ? undefined : (result.data as Record<string, any>);
    }

    /** One campaign branch of a hub transaction: prepared, then committed, or sometimes aborted as if another branch failed. */
    async function branch(operation: string, payload: Record<string, unknown>, actor: string): Promise<boolean> {
      const prepared = await prepare(h.client, { operation, payload, actor });
      if (prepared.errorCode) {
        expect(EXPECTED_CODES.has(prepared.errorCode), prepared.errorMessage).toBe(true);
        note(prepared.errorCode);
        return false;
      }
      const decision = random() < ABORT_RATE ? 'abort' : 'commit';
      const decided = await decide(h.client, prepared.transactionId, decision);
      expect(decided).toEqual({ state: decision === 'commit' ? 'COMMITTED' : 'ABORTED' });
      note(decision === 'commit' ? 'ok' : 'aborted');
      return decision === 'commit';
    }

    async function step(): Promise<void> {
      const roll = random();
      if (model.length === 0 || roll < 0.08) {
        const dm = pick(USERS);
        const data = await run(M.create, { name: `Campaign ${model.length + 1}`, setting: random() < 0.5 ? 'Eberron' : null }, dm);
        if (data) model.push({ id: data.createCampaign.campaign.id, dm, sessions: [], quests: [], party: new Map() });
        return;
      }
      const campaign = pick(model);
      // A fifth of the writes come from someone who is not the dungeon master: FORBIDDEN, or allowed for players.
      const actor = random() < 0.8 ? campaign.dm : pick(USERS);
      const action = Math.floor(random() * 12);
      switch (action) {
        case 0: {
          // Refused (CONFLICT) while the party is not empty: characters leave through the hub's leaveParty first.
          const status = random() < 0.5 ? 'ARCHIVED' : 'ACTIVE';
          const input = random() < 0.5 ? { id: campaign.id, status } : { id: campaign.id, description: `Chapter ${Math.floor(random() * 9)}`, status };
          if ((await run(M.update, input, actor)) && status === 'ARCHIVED') expect(campaign.party.size).toBe(0);
          return;
        }
        case 1:
          await run(M.invite, { campaignId: campaign.id, userId: pick(USERS) }, actor);
          return;
        case 2:
          await run(M.join, { campaignId: campaign.id }, pick(USERS));
          return;
        case 3: {
          const characterId = pick(characters);
          const owner = random() < 0.5 ? campaign.dm : pick(USERS);
          if (await branch('joinParty', { campaignId: campaign.id, characterId }, owner)) campaign.party.set(characterId, owner);
          return;
        }
        case 4: {
          const characterId = random() < 0.8 && campaign.party.size > 0 ? pick([...campaign.party.keys()]) : pick(characters);
          const leaver = random() < 0.5 ? actor : (campaign.party.get(characterId) ?? actor);
          if (await branch('leaveParty', { campaignId: campaign.id, characterId }, leaver)) campaign.party.delete(characterId);
          return;
        }
        case 5:
        case 6: {
          // Sometimes several at once: session numbers must stay gapless under concurrency, and replay equal.
          const count = random() < 0.3 ? 3 : 1;
          const results = await Promise.all(
            Array.from({ length: count }, (_, i) =>
              run(M.schedule, { campaignId: campaign.id, title: `Session ${i}`, scheduledFor: random() < 0.5 ? '2026-12-01T19:00:00.000Z' : null }, actor),
            ),
          );
          for (const data of results) if (data) campaign.sessions.push(data.scheduleSession.session.id);
          return;
        }
        case 7: {
          if (campaign.sessions.length === 0) return;
          const payload = {
            sessionId: pick(campaign.sessions),
            recap: random() < 0.5 ? 'They won.' : null,
            dmNotes: random() < 0.3 ? 'Secret' : null,
            xpAwarded: Math.floor(random() * 1000),
          };
          await branch('recordSession', payload, actor);
          return;
        }
        case 8:
          await run(M.npc, { campaignId: campaign.id, name: `NPC ${Math.floor(random() * 99)}`, visibility: pick(VISIBILITIES) }, actor);
          return;
        case 9:
          await run(M.location, { campaignId: campaign.id, name: random() < 0.05 ? ' ' : 'Neverwinter' }, actor);
          return;
        case 10: {
          const data = await run(M.quest, { campaignId: campaign.id, title: 'Find the mine', description: 'Deep.' }, actor);
          if (data) campaign.quests.push(data.createQuest.quest.id);
          return;
        }
        default: {
          if (campaign.quests.length === 0) return;
          await run(
            M.updateQuest,
            { id: pick(campaign.quests), status: pick(['OPEN', 'COMPLETED', 'FAILED']), visibility: random() < 0.5 ? pick(VISIBILITIES) : undefined },
            actor,
          );
        }
      }
    }

    for (let i = 0; i < STEPS; i++) await step();
    // The history must include refused writes, or this test would prove less than it claims.
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(STEPS / 2);
    expect(outcomes.get('CONFLICT') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('FORBIDDEN') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('aborted') ?? 0).toBeGreaterThan(0);

    const before = await snapshot();
    expect(before.party.some((row) => row.leftAt !== null)).toBe(true);
    expect(before.sessions.some((row) => row.status === 'PLAYED')).toBe(true);
    expect(before.campaigns.some((row) => row.status === 'ARCHIVED')).toBe(true);
    const types = new Set((await h.database.db.select({ type: events.type }).from(events)).map((row) => row.type));
    for (const type of ['CharacterJoinedParty', 'CharacterLeftParty', 'SessionRecorded', 'CampaignArchived']) expect(types).toContain(type);
    const [stored] = await h.database.db.select({ n: sql<number>`count(*)::int` }).from(events);
    const result = await replayProjection(h.database.db, campaignProjection);
    expect(result.events).toBe(Number(stored?.n));
    expect(await snapshot()).toEqual(before);
    expect(await verifyAllStreams(h.database.db)).toMatchObject({ ok: true });
  }, 120_000);
});
