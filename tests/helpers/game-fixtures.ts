import type { TestPlatform } from './platform.js';

/** Small builders for cross-service tests: each goes through the gateway as its user would. */
export function gameFixtures(platform: TestPlatform) {
  async function ok<T = any>(query: string, variables: Record<string, unknown>, user: string): Promise<T> {
    const result = await platform.gql(query, variables, user);
    if (result.errors?.length || !result.data) throw new Error(`${query.slice(0, 60)}...: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }
  return {
    ok,
    async character(owner: string, name = 'Tordek'): Promise<string> {
      const input = {
        name,
        race: 'HILL_DWARF',
        class: 'FIGHTER',
        abilityScores: { strength: 15, dexterity: 12, constitution: 14, intelligence: 10, wisdom: 13, charisma: 8 },
      };
      const data = await ok('mutation($input: CreateCharacterInput!) { createCharacter(input: $input) { character { id } } }', { input }, owner);
      return data.createCharacter.character.id;
    },
    /** A campaign run by `dm` that every player in `players` has joined. */
    async campaign(dm: string, players: string[] = [], name = 'The Sunless Citadel'): Promise<string> {
      const data = await ok('mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }', { input: { name } }, dm);
      const campaignId: string = data.createCampaign.campaign.id;
      for (const player of players) {
        await ok('mutation($input: InvitePlayerInput!) { invitePlayer(input: $input) { campaign { id } } }', { input: { campaignId, userId: player } }, dm);
        await ok('mutation($input: JoinCampaignInput!) { joinCampaign(input: $input) { campaign { id } } }', { input: { campaignId } }, player);
      }
      return campaignId;
    },
    async session(dm: string, campaignId: string, title = 'Into the ravine'): Promise<string> {
      const data = await ok(
        'mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { session { id } } }',
        { input: { campaignId, title } },
        dm,
      );
      return data.scheduleSession.session.id;
    },
    joinParty(user: string, campaignId: string, characterId: string) {
      return platform.gql(
        'mutation($input: JoinPartyInput!) { joinParty(input: $input) { campaign { id } character { id activeCampaignId } transaction { id state } } }',
        { input: { campaignId, characterId } },
        user,
      );
    },
    endSession(dm: string, sessionId: string, xpAwarded: number) {
      return platform.gql(
        'mutation($input: EndSessionInput!) { endSession(input: $input) { sessionId awardedTo { id experience } transaction { id state branches { service state } } } }',
        { input: { sessionId, xpAwarded, recap: 'They won.', dmNotes: 'Barely.' } },
        dm,
      );
    },
    async experience(owner: string, characterId: string): Promise<number> {
      const data = await ok('query($id: ID!) { character(id: $id) { experience } }', { id: characterId }, owner);
      return data.character.experience;
    },
    async sessionStatus(dm: string, campaignId: string): Promise<string[]> {
      const data = await ok('query($id: ID!) { campaign(id: $id) { sessions { status } } }', { id: campaignId }, dm);
      return data.campaign.sessions.map((session: { status: string }) => session.status);
    },
  };
}
