import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVITE, startHarness, type Harness } from './test-harness.js';

const NPC = `mutation($input: CreateNpcInput!) { createNpc(input: $input) { npc { id name visibility } } }`;
const LOCATION = `mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id name visibility } } }`;
const QUEST = `mutation($input: CreateQuestInput!) { createQuest(input: $input) { quest { id title status visibility } } }`;
const UPDATE_QUEST = `mutation($input: UpdateQuestInput!) { updateQuest(input: $input) { quest { id status visibility } } }`;
const SCHEDULE = `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { session { id } } }`;
const VIEW = `query($id: ID!) { campaign(id: $id) {
  name myRole npcs { name } locations { name } quests { title } sessions { recap dmNotes } party { id } } }`;

const names = (list: Array<{ name?: string; title?: string }>) => list.map((item) => item.name ?? item.title).sort();

let h: Harness;
let campaignId: string;
beforeAll(async () => {
  h = await startHarness();
  campaignId = await h.createCampaign('dm');
  await h.addPlayer(campaignId, 'dm', 'player');
  await h.ok(INVITE, { input: { campaignId, userId: 'invitee' } }, 'dm');
  for (const visibility of ['PUBLIC', 'PARTY', 'DM_ONLY']) {
    await h.ok(NPC, { input: { campaignId, name: `npc ${visibility}`, visibility } }, 'dm');
    await h.ok(LOCATION, { input: { campaignId, name: `location ${visibility}`, visibility } }, 'dm');
    await h.ok(QUEST, { input: { campaignId, title: `quest ${visibility}`, visibility } }, 'dm');
  }
  await h.seedPartyCharacter(campaignId, 'player');
  const scheduled = await h.ok(SCHEDULE, { input: { campaignId, title: 'Goblin Arrows' } }, 'dm');
  // Recorded as the hub's endSession does: the campaign's recordSession branch, prepared and committed.
  const recorded = await h.branch(
    'recordSession',
    { sessionId: scheduled.scheduleSession.session.id, recap: 'Ambush!', dmNotes: 'Klarg is next', xpAwarded: 0 },
    'dm',
  );
  if (recorded.errorCode) throw new Error(`recordSession branch failed: ${recorded.errorMessage}`);
});
afterAll(() => h.close());

describe('visibility', () => {
  it('the DM sees everything, DM notes included', async () => {
    const { campaign } = await h.ok(VIEW, { id: campaignId }, 'dm');
    expect(campaign.myRole).toBe('DM');
    for (const list of [campaign.npcs, campaign.locations, campaign.quests]) expect(list).toHaveLength(3);
    expect(campaign.sessions).toEqual([{ recap: 'Ambush!', dmNotes: 'Klarg is next' }]);
  });

  it('a joined player sees PUBLIC and PARTY content, never DM_ONLY nor DM notes', async () => {
    const { campaign } = await h.ok(VIEW, { id: campaignId }, 'player');
    expect(names(campaign.npcs)).toEqual(['npc PARTY', 'npc PUBLIC']);
    expect(names(campaign.locations)).toEqual(['location PARTY', 'location PUBLIC']);
    expect(names(campaign.quests)).toEqual(['quest PARTY', 'quest PUBLIC']);
    expect(campaign.sessions).toEqual([{ recap: 'Ambush!', dmNotes: null }]);
    expect(campaign.party).toHaveLength(1);
  });

  it('invited players and strangers see only PUBLIC content', async () => {
    for (const user of ['invitee', 'stranger']) {
      const { campaign } = await h.ok(VIEW, { id: campaignId }, user);
      expect(campaign.name).toBe('Lost Mine of Phandelver');
      expect(names(campaign.npcs)).toEqual(['npc PUBLIC']);
      expect(names(campaign.locations)).toEqual(['location PUBLIC']);
      expect(names(campaign.quests)).toEqual(['quest PUBLIC']);
      expect(campaign.sessions).toEqual([]);
      expect(campaign.party).toEqual([]);
    }
  });

  it('new content is DM_ONLY unless the DM says otherwise', async () => {
    const created = await h.ok(NPC, { input: { campaignId, name: 'Glasstaff', description: 'Secretly Iarno' } }, 'dm');
    expect(created.createNpc.npc.visibility).toBe('DM_ONLY');
    const { campaign } = await h.ok(VIEW, { id: campaignId }, 'player');
    expect(names(campaign.npcs)).not.toContain('Glasstaff');
  });

  it('only the DM creates content or changes quests; a quest revealed to the party appears for players', async () => {
    expect(await h.errorCode(NPC, { input: { campaignId, name: 'Sneaky' } }, 'player')).toBe('FORBIDDEN');
    expect(await h.errorCode(LOCATION, { input: { campaignId, name: 'x'.repeat(101) } }, 'dm')).toBe('BAD_USER_INPUT');
    expect(await h.errorCode(QUEST, { input: { campaignId, title: '' } }, 'dm')).toBe('BAD_USER_INPUT');
    const quest = await h.ok(QUEST, { input: { campaignId, title: 'Find Cragmaw Castle' } }, 'dm');
    const id = quest.createQuest.quest.id;
    expect(await h.errorCode(UPDATE_QUEST, { input: { id, visibility: 'PUBLIC' } }, 'player')).toBe('FORBIDDEN');
    const updated = await h.ok(UPDATE_QUEST, { input: { id, status: 'COMPLETED', visibility: 'PARTY' } }, 'dm');
    expect(updated.updateQuest.quest).toEqual({ id, status: 'COMPLETED', visibility: 'PARTY' });
    expect(names((await h.ok(VIEW, { id: campaignId }, 'player')).campaign.quests)).toContain('Find Cragmaw Castle');
    expect(await h.errorCode(UPDATE_QUEST, { input: { id: '00000000-0000-4000-8000-000000000000', status: 'FAILED' } }, 'dm')).toBe('NOT_FOUND');
  });
});
