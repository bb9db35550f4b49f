import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE, dwarfFighter, SHEET_FIELDS, startCharacterTestServer, type CharacterTestServer } from '../testing/character-test-server.js';

let server: CharacterTestServer;
beforeAll(async () => {
  server = await startCharacterTestServer();
});
afterAll(() => server.close());

const COUNT = 'query { characters { totalCount } }';
const count = async () => (await server.client.request(COUNT)).data?.characters.totalCount as number;

describe('createCharacter and character', () => {
  it('creates a level 5 dwarf fighter and derives the sheet', async () => {
    const result = await server.client.request(CREATE, { input: dwarfFighter() }, 'alice');
    expect(result.errors).toBeUndefined();
    const character = result.data?.createCharacter.character;
    expect(character).toMatchObject({
      owner: 'alice',
      name: 'Bruenor',
      race: 'HILL_DWARF',
      class: 'FIGHTER',
      version: 1,
      level: 5,
      proficiencyBonus: 3,
      experienceToNextLevel: 7500,
      hitDie: 10,
      maxHitPoints: 54,
      currentHitPoints: 54,
      temporaryHitPoints: 0,
      armorClass: 18,
      speed: 25,
      initiative: 1,
      passivePerception: 14,
      spellcasting: null,
      equippedArmor: { armor: 'CHAIN_MAIL', category: 'HEAVY', strengthRequirement: 13, meetsStrengthRequirement: true, stealthDisadvantage: true },
      // Chain mail 55 + shield 6 (SRD weights filled in) + 5 x 2 lb rations.
      inventoryWeight: 71,
    });
    expect(character.abilities.find((a: { ability: string }) => a.ability === 'CONSTITUTION')).toEqual({
      ability: 'CONSTITUTION',
      baseScore: 14,
      racialBonus: 2,
      score: 16,
      modifier: 3,
      savingThrow: { proficient: true, bonus: 6 },
    });
    expect(character.skills).toHaveLength(18);
    expect(character.skills.find((s: { skill: string }) => s.skill === 'ATHLETICS')).toEqual({
      skill: 'ATHLETICS',
      ability: 'STRENGTH',
      proficient: true,
      bonus: 5,
    });
    expect(new Date(character.createdAt).toISOString()).toBe(character.createdAt);
  });

  it('lets any signed-in user read a sheet, and answers null for unknown ids', async () => {
    const created = await server.client.request(CREATE, { input: dwarfFighter({ name: 'Gimra' }) }, 'alice');
    const id = created.data?.createCharacter.character.id;
    const read = await server.client.request(`query($id: ID!) { character(id: $id) { ${SHEET_FIELDS} } }`, { id }, 'bob');
    expect(read.data?.character).toEqual(created.data?.createCharacter.character);
    const missing = await server.client.request('query($id: ID!) { character(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }, 'bob');
    expect(missing.data?.character).toBeNull();
    const malformed = await server.client.request('query { character(id: "not-a-uuid") { id } }', {}, 'bob');
    expect(malformed.errors).toBeUndefined();
    expect(malformed.data?.character).toBeNull();
  });

  it('derives a level 3 wizard and a level 7 warlock with their spellcasting', async () => {
    const wizard = await server.client.request(CREATE, {
      input: {
        name: 'Elaria',
        race: 'HIGH_ELF',
        class: 'WIZARD',
        experience: 900,
        hitPointRolls: [6, 1],
        abilityScores: { strength: 8, dexterity: 14, constitution: 13, intelligence: 15, wisdom: 12, charisma: 10 },
      },
    });
    expect(wizard.data?.createCharacter.character).toMatchObject({
      level: 3,
      armorClass: 13,
      maxHitPoints: 7 + 7 + 2,
      hitPointRolls: [6, 1],
      spellcasting: {
        ability: 'INTELLIGENCE',
        spellSaveDC: 13,
        spellAttackBonus: 5,
        slots: [
          { level: 1, total: 4 },
          { level: 2, total: 2 },
        ],
        pactSlots: null,
      },
    });
    const warlock = await server.client.request(CREATE, {
      input: {
        name: 'Mordai',
        race: 'TIEFLING',
        class: 'WARLOCK',
        experience: 23000,
        abilityScores: { strength: 8, dexterity: 14, constitution: 14, intelligence: 12, wisdom: 10, charisma: 15 },
      },
    });
    expect(warlock.data?.createCharacter.character.spellcasting).toEqual({
      ability: 'CHARISMA',
      spellSaveDC: 14,
      spellAttackBonus: 6,
      slots: [],
      pactSlots: { count: 2, level: 4 },
    });
  });

  it('refuses anonymous reads and writes', async () => {
    for (const query of [COUNT, 'query { character(id: "00000000-0000-4000-8000-000000000000") { id } }']) {
      const result = await server.client.request(query, {}, null);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const write = await server.client.request(CREATE, { input: dwarfFighter() }, null);
    expect(write.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  describe('rejects bad input and writes nothing', () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['strength 0', { abilityScores: { ...dwarfFighter().abilityScores, strength: 0 } }, /strength must be between 1 and 30, got 0/],
      ['charisma 31', { abilityScores: { ...dwarfFighter().abilityScores, charisma: 31 } }, /charisma must be between 1 and 30, got 31/],
      [
        'final constitution 32 after the dwarf +2',
        { abilityScores: { ...dwarfFighter().abilityScores, constitution: 30 } },
        /final .*constitution must be between 1 and 30, got 32/,
      ],
      ['negative experience', { experience: -1 }, /experience must be between 0/],
      ['a hit point roll above the d10', { hitPointRolls: [11] }, /hitPointRolls\[0\] \(level 2\) must be between 1 and 10/],
      ['a hit point roll of 0', { hitPointRolls: [5, 0] }, /hitPointRolls\[1\] \(level 3\) must be between 1 and 10/],
      ['more rolls than levels', { hitPointRolls: [5, 5, 5, 5, 5] }, /5 rolls but a level 5 character has 4 levels above 1/],
      ['duplicate skills', { skillProficiencies: ['ATHLETICS', 'ATHLETICS'] }, /ATHLETICS twice/],
      [
        'two suits of armor',
        {
          inventory: [
            { name: 'a', armor: 'PLATE', equipped: true },
            { name: 'b', armor: 'LEATHER', equipped: true },
          ],
        },
        /only one equipped suit of armor/,
      ],
      ['quantity 0', { inventory: [{ name: 'Torch', quantity: 0 }] }, /inventory\[0\]\.quantity must be at least 1/],
      ['negative weight', { inventory: [{ name: 'Torch', weight: -1 }] }, /inventory\[0\]\.weight must be at least 0/],
      ['a blank name', { name: '   ' }, /name must not be empty/],
      ['half-elf choices on a dwarf', { abilityBonusChoices: ['STRENGTH', 'WISDOM'] }, /only to races that choose/],
      ['a half-elf without choices', { race: 'HALF_ELF' }, /must name 2 abilities/],
      ['a half-elf choosing charisma', { race: 'HALF_ELF', abilityBonusChoices: ['CHARISMA', 'WISDOM'] }, /cannot include CHARISMA/],
    ];
    for (const [label, overrides, message] of cases) {
      it(label, async () => {
        const before = await count();
        const result = await server.client.request(CREATE, { input: dwarfFighter(overrides) });
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0]?.message).toMatch(message);
        expect(await count()).toBe(before);
      });
    }

    it('an unknown race in variables', async () => {
      const before = await count();
      const result = await server.client.request(CREATE, { input: dwarfFighter({ race: 'HALFLING_WIZARD_KING' }) });
      expect(result.errors?.[0]?.message).toMatch(/HALFLING_WIZARD_KING/);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.data ?? null).toBeNull();
      expect(await count()).toBe(before);
    });
  });
});
