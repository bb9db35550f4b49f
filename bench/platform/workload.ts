/**
 * bench/platform's mixed workload: the README's journeys as users run them, each request signed as its own user
 * (64 players and 32 dungeon masters), 90% reads and 10% writes, in a fixed cycle that the load runner deals out
 * over its connections. Reads: a character sheet with its campaign, party and portrait (the owner); a campaign page
 * with party, sessions and NPCs (a party member); a list of 20 characters with nested campaign and portrait; the
 * caller's campaigns with their parties. Writes: createCharacter and updateCharacter (the player; updates only
 * touch the player's character in no campaign, whose version the runner follows), awardExperience and
 * scheduleSession (the dungeon master, who alone may award experience in a campaign on both trees).
 */
import { signUserToken } from '#lib/auth/jwt.js';
import type { LoadRequest } from '../gateway-overhead/load-runner.js';
import { characterTemplate } from '../gateway-overhead/seed.js';
import type { PlatformData } from './seed.js';

const SHEET = `query CharacterSheet($id: ID!) { character(id: $id) {
  id owner name race class subclass background alignment level experience experienceToNextLevel proficiencyBonus
  hitDie maxHitPoints currentHitPoints armorClass speed initiative passivePerception
  abilities { ability baseScore racialBonus score modifier } savingThrows { ability proficient bonus }
  skills { skill ability proficient bonus } equippedArmor { armor category }
  spellcasting { ability spellSaveDC spellAttackBonus slots { level total } }
  inventory { name quantity weight equipped } inventoryWeight backstory version
  portrait { url width height }
  campaign { id name setting party { id name class level portrait { url } } }
} }`;

const CAMPAIGN_PAGE = `query CampaignPage($id: ID!) { campaign(id: $id) {
  id name setting description status dungeonMasterId myRole
  members { userId role status }
  party { id name race class level maxHitPoints armorClass portrait { url width height } }
  sessions { id number title status scheduledFor playedAt recap xpAwarded }
  npcs { id name description visibility }
} }`;

const CHARACTER_LIST = `query CharacterList { characters(first: 20) {
  edges { node { id owner name race class level armorClass maxHitPoints campaign { id name } portrait { url width height } } }
  pageInfo { hasNextPage endCursor }
} }`;

const MY_CAMPAIGNS = `query MyCampaigns { campaigns(first: 20) {
  edges { node { id name setting myRole party { id name class level portrait { url } } sessions { number title status } } }
} }`;

const CREATE = `mutation CreateCharacter($input: CreateCharacterInput!) { createCharacter(input: $input) {
  character { id name level proficiencyBonus maxHitPoints armorClass abilities { ability score modifier } version } } }`;

const UPDATE = `mutation UpdateCharacter($input: UpdateCharacterInput!) { updateCharacter(input: $input) {
  character { id name level version } } }`;

const AWARD = `mutation LevelUp($input: AwardExperienceInput!) { awardExperience(input: $input) {
  previousLevel leveledUp character { id level experience experienceToNextLevel proficiencyBonus maxHitPoints } } }`;

const SCHEDULE = `mutation ScheduleSession($input: ScheduleSessionInput!) { scheduleSession(input: $input) {
  session { id number title status scheduledFor } } }`;

type Build = (k: number) => { user: string; query: string; variables?: Record<string, unknown>; lock?: string; versionKey?: string };

// Primes so that consecutive requests go to different players and campaigns, and every user comes round.
const spread = (k: number, prime: number, count: number) => (k * prime) % count;

export async function buildWorkload(data: PlatformData, secret: string): Promise<LoadRequest[]> {
  const { characters, campaigns, solo } = data;
  const character = (k: number) => characters[spread(k, 37, characters.length)] ?? characters[0];
  const reads: Build[] = [
    (k) => ({ user: character(k)?.owner ?? '', query: SHEET, variables: { id: character(k)?.id } }),
    (k) => {
      const member = character(k);
      return { user: member?.owner ?? '', query: CAMPAIGN_PAGE, variables: { id: campaigns[member?.campaign ?? 0]?.id } };
    },
    (k) => ({ user: character(k)?.owner ?? '', query: CHARACTER_LIST }),
    (k) => ({ user: character(k)?.owner ?? '', query: MY_CAMPAIGNS }),
  ];
  // Sheets and campaign pages are what players open most; lists once a session.
  const readMix = [0, 1, 0, 1, 2, 0, 1, 3, 0];
  const writes: Build[] = [
    (k) => {
      const player = spread(k, 13, solo.length);
      return { user: solo[player]?.owner ?? '', query: CREATE, variables: { input: { ...characterTemplate(player, 3 + k).fields } } };
    },
    (k) => {
      const target = solo[spread(k, 13, solo.length)];
      const input = { id: target?.id, expectedVersion: '__VERSION__', name: `Wanderer ${k}` };
      return { user: target?.owner ?? '', query: UPDATE, variables: { input }, lock: `character:${target?.id}`, versionKey: target?.id };
    },
    (k) => {
      const member = character(k);
      const campaign = campaigns[member?.campaign ?? 0];
      const input = { characterId: member?.id, amount: 50, reason: 'Bench encounter' };
      return { user: campaign?.dm ?? '', query: AWARD, variables: { input }, lock: `campaign:${campaign?.id}` };
    },
    (k) => {
      const campaign = campaigns[spread(k, 7, campaigns.length)];
      const input = { campaignId: campaign?.id, title: `Notes for evening ${k}`, scheduledFor: new Date(Date.UTC(2027, 5, 1 + (k % 28))).toISOString() };
      return { user: campaign?.dm ?? '', query: SCHEDULE, variables: { input }, lock: `campaign:${campaign?.id}` };
    },
  ];
  // 10 requests a block: 9 reads and one write, the writes taking turns; 128 blocks of distinct requests
  // (1280: every player and campaign several times over, a cycle longer than any run's write locks are held).
  const built = Array.from({ length: 1280 }, (_, k) => {
    const block = Math.floor(k / 10);
    const slot = k % 10;
    return slot === 9 ? writes[block % writes.length]?.(block) : reads[readMix[slot] ?? 0]?.(k);
  });
  const tokens = new Map<string, Promise<string>>();
  return Promise.all(
    built.map(async (request) => {
      if (!request) throw new Error('workload slot without a request');
      if (!tokens.has(request.user)) tokens.set(request.user, signUserToken(request.user, secret));
      const body = JSON.stringify({ query: request.query, variables: request.variables ?? {} });
      return {
        token: (await tokens.get(request.user)) ?? '',
        body,
        ...(request.lock ? { lock: request.lock } : {}),
        ...(request.versionKey ? { versionKey: request.versionKey } : {}),
      };
    }),
  );
}
