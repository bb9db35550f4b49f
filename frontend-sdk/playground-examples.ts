/**
 * The playground's example tabs: one per user journey, each the journey's operations file as it is (comments and
 * all, read by the gateway from frontend-sdk/operations) with variables for every operation in it. The variables
 * are typed with the SDK's generated types, so an example that no longer fits its operations fails typecheck.
 */
import type {
  BackstoryContextQueryVariables,
  BrowseCharactersQueryVariables,
  BrowseImagesQueryVariables,
  BuildChampionFighterMutationVariables,
  CharacterInventoryQueryVariables,
  CharacterSheetQueryVariables,
  CreateCampaignMutationVariables,
  CreateCharacterMutationVariables,
  EndSessionMutationVariables,
  EquipArmourMutationVariables,
  ExportFoundryActorQueryVariables,
  GenerateBackstoryMutationVariables,
  GeneratePortraitMutationVariables,
  ImportFoundryActorMutationVariables,
  InvitePlayerMutationVariables,
  JoinCampaignMutationVariables,
  JoinPartyMutationVariables,
  LevelUpMutationVariables,
  ClassSpellsQueryVariables,
  PrepareSpellsMutationVariables,
  MyCampaignsQueryVariables,
  SaveBackstoryMutationVariables,
  ScheduleSessionMutationVariables,
  StreamBackstorySubscriptionVariables,
  NextRollCommitmentQueryVariables,
  RollDiceMutationVariables,
  VerifyRollQueryVariables,
  CharacterRollsQueryVariables,
  PartyRollsSubscriptionVariables,
} from './src/index.js';

export interface PlaygroundExample {
  /** The journey, as README and the tab's first comment line name it. */
  journey: string;
  /** Its file under frontend-sdk/operations. */
  file: string;
  variables: Record<string, unknown>;
}

// Ids differ on every install: the placeholders say where to get one (ID accepts any string; an unknown one
// answers null or NOT_FOUND, never a crash).
const CHARACTER = 'paste a character id (BrowseCharacters, "Create a character" tab)';
const CAMPAIGN = 'paste a campaign id (MyCampaigns, "Create a campaign" tab)';
const SESSION = 'paste the session id ScheduleSession returned';

export const PLAYGROUND_EXAMPLES: PlaygroundExample[] = [
  {
    journey: 'Create a character',
    file: 'create-character.graphql',
    variables: {
      input: {
        name: 'Kettra Ashvale',
        race: 'HALF_ELF',
        class: 'PALADIN',
        background: 'Noble',
        alignment: 'LAWFUL_GOOD',
        abilityScores: { strength: 15, dexterity: 10, constitution: 14, intelligence: 8, wisdom: 12, charisma: 13 },
        abilityBonusChoices: ['STRENGTH', 'CONSTITUTION'],
        skillProficiencies: ['ATHLETICS', 'PERSUASION'],
        inventory: [
          { name: 'Chain mail', armor: 'CHAIN_MAIL', equipped: true },
          { name: 'Shield', armor: 'SHIELD', equipped: true },
          { name: 'Longsword', weapon: 'LONGSWORD', equipped: true },
        ],
      },
      first: 10,
    } satisfies CreateCharacterMutationVariables & BrowseCharactersQueryVariables,
  },
  {
    journey: 'Build a level-5 champion fighter',
    file: 'build-champion-fighter.graphql',
    variables: {
      input: {
        name: 'Brann Stoutmantle',
        race: 'HILL_DWARF',
        class: 'FIGHTER',
        subclass: 'CHAMPION',
        background: 'Soldier',
        abilityScores: { strength: 15, dexterity: 13, constitution: 14, intelligence: 8, wisdom: 12, charisma: 10 },
        // 6500 XP: the start of level 5 (SRD advancement table).
        experience: 6500,
        skillProficiencies: ['ATHLETICS', 'PERCEPTION'],
        inventory: [
          { name: 'Chain mail', armor: 'CHAIN_MAIL', equipped: true },
          { name: 'Shield', armor: 'SHIELD', equipped: true },
        ],
      },
    } satisfies BuildChampionFighterMutationVariables,
  },
  {
    journey: 'Level up',
    file: 'level-up.graphql',
    variables: { input: { characterId: CHARACTER, amount: 300, reason: 'Cleared the collapsed mine' } } satisfies LevelUpMutationVariables,
  },
  {
    journey: 'Equip armour',
    file: 'equip-armour.graphql',
    variables: {
      id: CHARACTER,
      input: {
        id: CHARACTER,
        expectedVersion: 1,
        inventory: [
          { name: 'Half plate', armor: 'HALF_PLATE', equipped: true },
          { name: 'Shield', armor: 'SHIELD', equipped: true },
        ],
      },
    } satisfies CharacterInventoryQueryVariables & EquipArmourMutationVariables,
  },
  {
    journey: 'Prepare spells',
    file: 'prepare-spells.graphql',
    variables: {
      class: 'WIZARD',
      level: 1,
      input: { characterId: CHARACTER, expectedVersion: 1, spells: ['MAGIC_MISSILE', 'SHIELD'] },
    } satisfies ClassSpellsQueryVariables & PrepareSpellsMutationVariables,
  },
  {
    journey: 'Create a campaign',
    file: 'create-campaign.graphql',
    variables: {
      input: {
        name: 'The Drowned Bell',
        setting: 'A fishing town where a sunken temple bell tolls at every low tide.',
        description: 'A coastal mystery for levels 1 to 4.',
      },
      first: 10,
    } satisfies CreateCampaignMutationVariables & MyCampaignsQueryVariables,
  },
  {
    journey: 'Invite a player',
    file: 'invite-player.graphql',
    variables: { input: { campaignId: CAMPAIGN, userId: 'demo-player-1' } } satisfies InvitePlayerMutationVariables,
  },
  {
    journey: 'Join a party',
    file: 'join-party.graphql',
    variables: { campaignId: CAMPAIGN, characterId: CHARACTER } satisfies JoinCampaignMutationVariables & JoinPartyMutationVariables,
  },
  {
    journey: 'Record a session with XP',
    file: 'record-session.graphql',
    variables: {
      campaignId: CAMPAIGN,
      title: 'The bell at low tide',
      scheduledFor: '2026-06-01T18:00:00Z',
      sessionId: SESSION,
      recap: 'The party dived to the temple and rang the bell once.',
      dmNotes: 'The bell woke something below.',
      xpAwarded: 450,
    } satisfies ScheduleSessionMutationVariables & EndSessionMutationVariables,
  },
  {
    journey: 'Generate a backstory with streaming',
    file: 'generate-backstory.graphql',
    variables: {
      id: CHARACTER,
      input: {
        kind: 'BACKSTORY',
        context: {
          characterId: CHARACTER,
          characterName: 'Kettra Ashvale',
          race: 'half-elf',
          characterClass: 'paladin',
          background: 'Noble',
          alignment: 'lawful good',
        },
      },
      expectedVersion: 1,
      backstory: 'paste the COMPLETED event’s generation.text',
      prompt: 'She left her title behind after a duel she should have lost.',
    } satisfies BackstoryContextQueryVariables & StreamBackstorySubscriptionVariables & SaveBackstoryMutationVariables & GenerateBackstoryMutationVariables,
  },
  {
    journey: 'Generate a portrait',
    file: 'generate-portrait.graphql',
    variables: { input: { characterId: CHARACTER, prompt: 'weathered armour, determined gaze' } } satisfies GeneratePortraitMutationVariables,
  },
  {
    journey: 'Browse images',
    file: 'browse-images.graphql',
    variables: { first: 12, filter: { kind: 'PORTRAIT' } } satisfies BrowseImagesQueryVariables,
  },
  {
    journey: 'Character sheet',
    file: 'character-sheet.graphql',
    variables: { id: CHARACTER } satisfies CharacterSheetQueryVariables,
  },
  {
    journey: 'Export to Foundry',
    file: 'foundry-actor.graphql',
    // A minimal actor of Foundry's shape; paste a whole ExportFoundryActor answer (or a Foundry export) instead.
    variables: {
      characterId: CHARACTER,
      input: {
        actor: {
          name: 'Tordek',
          type: 'character',
          system: {
            abilities: { str: { value: 16 }, dex: { value: 12 }, con: { value: 16 }, int: { value: 10 }, wis: { value: 14 }, cha: { value: 8 } },
            details: { xp: { value: 300 }, alignment: 'Lawful Good', biography: { value: '<p>A shield of the clan.</p>' } },
            skills: { ath: { value: 1 }, itm: { value: 1 } },
          },
          items: [
            { name: 'Fighter', type: 'class', system: { identifier: 'fighter', levels: 2 } },
            { name: 'Hill Dwarf', type: 'race', system: { identifier: 'hill-dwarf' } },
            { name: 'Longsword', type: 'weapon', system: { quantity: 1, equipped: true, type: { value: 'martialM', baseItem: 'longsword' } } },
          ],
        },
      },
    } satisfies ExportFoundryActorQueryVariables & ImportFoundryActorMutationVariables,
  },
  {
    journey: 'Roll with proof',
    file: 'roll-dice.graphql',
    variables: {
      characterId: CHARACTER,
      input: { characterId: CHARACTER, expression: '1d20+5', mode: 'ADVANTAGE', purpose: 'Stealth', clientSeed: 'my own seed' },
      rollId: 'paste the roll.id RollDice returned',
      first: 10,
      campaignId: CAMPAIGN,
    } satisfies NextRollCommitmentQueryVariables &
      RollDiceMutationVariables &
      VerifyRollQueryVariables &
      CharacterRollsQueryVariables &
      PartyRollsSubscriptionVariables,
  },
];
