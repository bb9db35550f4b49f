import type { Database } from '#lib/db/index.js';
import { openTestDatabase } from '../../../../tests/helpers/test-database.js';
import { startFakeGateway, type FakeGateway } from '#lib/gateway-client/testing/fake-gateway.js';
import { startSubgraphForTest, TEST_SECRET, type SubgraphClient } from '../../../../tests/helpers/subgraph-client.js';
import { schema } from '../db/schema.js';
import { CHARACTER_MIGRATIONS, createCharacterSubgraph } from '../subgraph.js';

export interface CharacterTestServer {
  client: SubgraphClient;
  database: Database<typeof schema>;
  /**
   * The service's own stand-in for the gateway: by default every character is in no campaign (solo); a test puts
   * one in a campaign with `inCampaign`.
   */
  hub: FakeGateway;
  inCampaign(characterId: string, dungeonMasterId: string): void;
  close(): Promise<void>;
}

/**
 * The real subgraph over real HTTP on a throw-away database (PGlite, or Postgres with DATABASE_URL). `hubFromEnv`:
 * the service reaches the hub at HUB_URL, for a test that brings its own fake gateway, instead of the server's own.
 */
export async function startCharacterTestServer({ hubFromEnv = false }: { hubFromEnv?: boolean } = {}): Promise<CharacterTestServer> {
  const database = await openTestDatabase('character', schema, CHARACTER_MIGRATIONS);
  const hub = await startFakeGateway();
  const campaigns = new Map<string, string>();
  hub.answer('CharacterActiveCampaign', (call) => {
    const dungeonMasterId = campaigns.get(String(call.variables.id));
    return { data: { character: { campaign: dungeonMasterId ? { id: `campaign-of-${dungeonMasterId}`, dungeonMasterId } : null } } };
  });
  const client = await startSubgraphForTest(createCharacterSubgraph({ database, secret: TEST_SECRET, ...(hubFromEnv ? {} : { hubUrl: hub.url }) }));
  return {
    client,
    database,
    hub,
    inCampaign: (characterId, dungeonMasterId) => void campaigns.set(characterId, dungeonMasterId),
    close: async () => {
      await client.close();
      await hub.close();
      await database.close();
    },
  };
}

export const SHEET_FIELDS = `
  id owner name race class subclass background alignment experience level experienceToNextLevel proficiencyBonus
  hitDie hitPointRolls maxHitPoints currentHitPoints temporaryHitPoints armorClass speed initiative passivePerception
  abilities { ability baseScore racialBonus score modifier savingThrow { proficient bonus } }
  savingThrows { ability proficient bonus }
  skills { skill ability proficient bonus }
  equippedArmor { armor category strengthRequirement meetsStrengthRequirement stealthDisadvantage }
  spellcasting { ability spellSaveDC spellAttackBonus slots { level total } pactSlots { count level } }
  inventory { name quantity weight equipped armor } inventoryWeight
  skillProficiencies backstory portraitImageId version createdAt updatedAt
`;

export const CREATE = `mutation($input: CreateCharacterInput!) { createCharacter(input: $input) { character { ${SHEET_FIELDS} } } }`;

/** A valid level 5 hill dwarf fighter in chain mail with a shield; override what a test is about. */
export function dwarfFighter(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Bruenor',
    race: 'HILL_DWARF',
    class: 'FIGHTER',
    background: 'Soldier',
    alignment: 'LAWFUL_GOOD',
    abilityScores: { strength: 15, dexterity: 12, constitution: 14, intelligence: 10, wisdom: 12, charisma: 8 },
    experience: 6500,
    skillProficiencies: ['ATHLETICS', 'PERCEPTION'],
    inventory: [
      { name: 'Chain mail', armor: 'CHAIN_MAIL', equipped: true },
      { name: 'Shield', armor: 'SHIELD', equipped: true },
      { name: 'Rations', quantity: 5, weight: 2 },
    ],
    ...overrides,
  };
}
