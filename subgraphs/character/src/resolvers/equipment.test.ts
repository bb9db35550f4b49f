/** Equipment through GraphQL: weapons in the inventory, attacks and proficiencies on the sheet, table weights, refusals. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characters, type InventoryItem } from '../db/schema.js';
import { dwarfFighter, startCharacterTestServer, type CharacterTestServer } from '../testing/character-test-server.js';

let server: CharacterTestServer;
beforeAll(async () => {
  server = await startCharacterTestServer();
});
afterAll(() => server.close());

const EQUIPMENT_FIELDS = `
  id version armorClass armorProficient armorProficiencies weaponProficiencies attacksPerAction
  armorPenalty { items disadvantageAbilities canCastSpells }
  spellcasting { spellSaveDC canCast cannotCastReason }
  attacks { name weapon ability proficient attackBonus disadvantage damage { dice modifier type } versatileDamage { dice modifier type } properties reach range { normal long } }
  inventory { name quantity weight equipped armor weapon } inventoryWeight
`;
const CREATE = `mutation($input: CreateCharacterInput!) { createCharacter(input: $input) { character { ${EQUIPMENT_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateCharacterInput!) { updateCharacter(input: $input) { character { ${EQUIPMENT_FIELDS} } } }`;
const READ = `query($id: ID!) { character(id: $id) { ${EQUIPMENT_FIELDS} } }`;
const COUNT = 'query { characters { totalCount } }';
const count = async () => (await server.client.request(COUNT)).data?.characters.totalCount as number;

const wizardInPlate = {
  name: 'Tin Mage',
  race: 'HUMAN',
  class: 'WIZARD',
  abilityScores: { strength: 15, dexterity: 10, constitution: 12, intelligence: 16, wisdom: 10, charisma: 8 },
  inventory: [
    { name: 'Plate', armor: 'PLATE', equipped: true },
    { name: 'Staff', weapon: 'QUARTERSTAFF', equipped: true },
  ],
};

describe('equipment on the sheet', () => {
  it('a level 5 hill dwarf fighter with a warhammer and shield: attacks, two per action, table weights', async () => {
    const inventory = [...dwarfFighter().inventory, { name: 'Warhammer', weapon: 'WARHAMMER', equipped: true }, { name: 'Longbow', weapon: 'LONGBOW' }];
    const result = await server.client.request(CREATE, { input: dwarfFighter({ inventory }) }, 'alice');
    expect(result.errors).toBeUndefined();
    const character = result.data?.createCharacter.character;
    // STR 15 (+2), proficiency 3 at level 5: +5 to hit; the shield takes the warhammer's second hand (no 1d10).
    expect(character.attacks).toEqual([
      {
        name: 'Warhammer',
        weapon: 'WARHAMMER',
        ability: 'STRENGTH',
        proficient: true,
        attackBonus: 5,
        disadvantage: false,
        damage: { dice: '1d8', modifier: 2, type: 'BLUDGEONING' },
        versatileDamage: null,
        properties: ['VERSATILE'],
        reach: 5,
        range: null,
      },
      {
        name: 'Unarmed strike',
        weapon: null,
        ability: 'STRENGTH',
        proficient: true,
        attackBonus: 5,
        disadvantage: false,
        damage: { dice: '1', modifier: 2, type: 'BLUDGEONING' },
        versatileDamage: null,
        properties: [],
        reach: 5,
        range: null,
      },
    ]);
    expect(character).toMatchObject({
      attacksPerAction: 2,
      armorProficient: true,
      armorPenalty: null,
      armorProficiencies: ['LIGHT', 'MEDIUM', 'HEAVY', 'SHIELD'],
    });
    expect(character.weaponProficiencies).toHaveLength(37);
    expect(character.inventory.slice(3)).toEqual([
      { name: 'Warhammer', quantity: 1, weight: 2, equipped: true, armor: null, weapon: 'WARHAMMER' },
      { name: 'Longbow', quantity: 1, weight: 2, equipped: false, armor: null, weapon: 'LONGBOW' },
    ]);
    // Chain mail 55 + shield 6 + 5 x 2 lb rations + warhammer 2 + longbow 2.
    expect(character.inventoryWeight).toBe(75);
  });

  it('a wizard in plate shows the penalty and cannot cast; taking it off restores casting', async () => {
    const created = await server.client.request(CREATE, { input: wizardInPlate }, 'alice');
    expect(created.errors).toBeUndefined();
    const wizard = created.data?.createCharacter.character;
    expect(wizard).toMatchObject({
      armorClass: 18,
      armorProficient: false,
      armorProficiencies: [],
      armorPenalty: { items: ['PLATE'], disadvantageAbilities: ['STRENGTH', 'DEXTERITY'], canCastSpells: false },
      // INT 17 (+3): DC 8 + 2 + 3.
      spellcasting: { spellSaveDC: 13, canCast: false, cannotCastReason: 'wearing armour without proficiency' },
    });
    // Quarterstaff: STR 16 (+3) + 2, with disadvantage; two hands free, so the versatile d8 shows.
    expect(wizard.attacks[0]).toMatchObject({
      weapon: 'QUARTERSTAFF',
      proficient: true,
      attackBonus: 5,
      disadvantage: true,
      damage: { dice: '1d6', modifier: 3 },
      versatileDamage: { dice: '1d8', modifier: 3 },
    });
    const unarmoured = await server.client.request(
      UPDATE,
      { input: { id: wizard.id, expectedVersion: 1, inventory: [{ name: 'Plate', armor: 'PLATE', equipped: false }] } },
      'alice',
    );
    expect(unarmoured.errors).toBeUndefined();
    expect(unarmoured.data?.updateCharacter.character).toMatchObject({
      armorClass: 10,
      armorProficient: true,
      armorPenalty: null,
      spellcasting: { canCast: true, cannotCastReason: null },
    });
  });

  it('a Life Domain cleric wears plate without penalty', async () => {
    const input = { ...wizardInPlate, name: 'Sister Ada', class: 'CLERIC', subclass: 'LIFE', inventory: [{ name: 'Plate', armor: 'PLATE', equipped: true }] };
    const result = await server.client.request(CREATE, { input }, 'alice');
    expect(result.errors).toBeUndefined();
    expect(result.data?.createCharacter.character).toMatchObject({ armorProficient: true, spellcasting: { canCast: true } });
  });

  it('reads a stored legacy line (no weapon, overridden armour weight) with the table weight', async () => {
    const created = await server.client.request(CREATE, { input: dwarfFighter({ inventory: [] }) }, 'alice');
    const id = created.data?.createCharacter.character.id;
    // As stored before this change: no weapon key, and a weight the player once chose.
    const legacy = [{ name: 'Old plate', quantity: 1, weight: 1, equipped: true, armor: 'PLATE' }] as InventoryItem[];
    await server.database.db.update(characters).set({ inventory: legacy }).where(eq(characters.id, id));
    const read = await server.client.request(READ, { id }, 'alice');
    expect(read.errors).toBeUndefined();
    expect(read.data?.character.inventory).toEqual([{ name: 'Old plate', quantity: 1, weight: 65, equipped: true, armor: 'PLATE', weapon: null }]);
    expect(read.data?.character.inventoryWeight).toBe(65);
  });
});

describe('equipment refusals write nothing', () => {
  const cases: [string, unknown[], string, RegExp][] = [
    [
      'plate weighing 60 lb',
      [{ name: 'Plate', armor: 'PLATE', weight: 60 }],
      'ITEM_WEIGHT_FROM_TABLE',
      /inventory\[0\]\.weight must be 65 lb, the SRD weight of PLATE/,
    ],
    [
      'a feather-light greatsword',
      [{ name: 'Greatsword', weapon: 'GREATSWORD', weight: 1 }],
      'ITEM_WEIGHT_FROM_TABLE',
      /must be 6 lb, the SRD weight of GREATSWORD/,
    ],
    [
      'a shield that is a weapon',
      [{ name: 'Spiked shield', armor: 'SHIELD', weapon: 'MACE' }],
      'ITEM_BOTH_ARMOR_AND_WEAPON',
      /cannot be both armor and a weapon/,
    ],
  ];
  for (const [label, inventory, rule, message] of cases) {
    it(label, async () => {
      const before = await count();
      const result = await server.client.request(CREATE, { input: dwarfFighter({ inventory }) }, 'alice');
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule });
      expect(result.errors?.[0]?.message).toMatch(message);
      expect(await count()).toBe(before);
    });
  }

  it('accepts a weight equal to the table', async () => {
    const result = await server.client.request(CREATE, { input: dwarfFighter({ inventory: [{ name: 'Pike', weapon: 'PIKE', weight: 18 }] }) }, 'alice');
    expect(result.errors).toBeUndefined();
  });

  it('an unknown weapon in variables', async () => {
    const before = await count();
    const result = await server.client.request(CREATE, { input: dwarfFighter({ inventory: [{ name: 'Laser', weapon: 'LASER_SWORD' }] }) }, 'alice');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/LASER_SWORD/);
    expect(await count()).toBe(before);
  });

  it('an update with an overridden weight leaves the character as it was', async () => {
    const created = await server.client.request(CREATE, { input: dwarfFighter() }, 'alice');
    const id = created.data?.createCharacter.character.id;
    const result = await server.client.request(
      UPDATE,
      { input: { id, expectedVersion: 1, inventory: [{ name: 'Chain mail', armor: 'CHAIN_MAIL', weight: 20, equipped: true }] } },
      'alice',
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'ITEM_WEIGHT_FROM_TABLE', field: 'inventory[0].weight' });
    const read = await server.client.request(READ, { id }, 'alice');
    expect(read.data?.character).toMatchObject({ version: 1, inventoryWeight: 71 });
  });
});
