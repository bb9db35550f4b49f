import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characters } from '../db/schema.js';
import { dwarfFighter, startCharacterTestServer, type CharacterTestServer } from '../testing/character-test-server.js';

let server: CharacterTestServer;
beforeAll(async () => {
  server = await startCharacterTestServer();
});
afterAll(() => server.close());

const CHOICE_FIELDS = `
  id version level armorClass passivePerception skillProficiencies expertise expertiseRemaining fightingStyles fightingStyleChoicesRemaining
  grantedSkills { skill source name }
  skillChoices { source name count chosen remaining }
  skillChoicesRemaining
  abilityScoreImprovements { level feat increases { ability amount } }
  openAbilityScoreImprovementLevels
  abilities { ability racialBonus improvement score }
  skills { skill proficient expertise bonus }
`;
const CREATE = `mutation($input: CreateCharacterInput!) { createCharacter(input: $input) { character { ${CHOICE_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateCharacterInput!) { updateCharacter(input: $input) { character { ${CHOICE_FIELDS} } } }`;
const READ = `query($id: ID!) { character(id: $id) { ${CHOICE_FIELDS} } }`;
const COUNT = 'query($owner: ID!) { characters(filter: { owner: $owner }) { totalCount } }';

// A level 5 hill dwarf fighter (Soldier, a custom background): two class skills, ASI at 4, the Defense style.
const champion = (overrides: Record<string, unknown> = {}) =>
  dwarfFighter({ abilityScoreImprovements: [{ level: 4, increases: [{ ability: 'STRENGTH', amount: 2 }] }], fightingStyles: ['DEFENSE'], ...overrides });

async function create(owner: string, overrides: Record<string, unknown> = {}) {
  const result = await server.client.request(CREATE, { input: champion(overrides) }, owner);
  expect(result.errors).toBeUndefined();
  return result.data?.createCharacter.character;
}

describe('builder choices through GraphQL', () => {
  it('creates a level 5 fighter with legal skills, an ASI at 4 and a fighting style, and shows what is left to choose', async () => {
    const character = await create('builder');
    expect(character).toMatchObject({
      version: 1,
      level: 5,
      // Chain mail 16 + shield 2 + Defense 1.
      armorClass: 19,
      fightingStyles: ['DEFENSE'],
      fightingStyleChoicesRemaining: 0,
      expertise: [],
      expertiseRemaining: 0,
      grantedSkills: [],
      skillChoices: [
        { source: 'CLASS', name: 'FIGHTER', count: 2, remaining: 0 },
        { source: 'BACKGROUND', name: 'Soldier', count: 2, chosen: [], remaining: 2 },
      ],
      skillChoicesRemaining: 2,
      abilityScoreImprovements: [{ level: 4, feat: null, increases: [{ ability: 'STRENGTH', amount: 2 }] }],
      openAbilityScoreImprovementLevels: [],
    });
    // STR 15, no dwarf bonus, +2 improvement = 17 (+3): Athletics +3 + proficiency 3.
    expect(character.abilities[0]).toEqual({ ability: 'STRENGTH', racialBonus: 0, improvement: 2, score: 17 });
    expect(character.skills.find((line: { skill: string }) => line.skill === 'ATHLETICS')).toEqual({
      skill: 'ATHLETICS',
      proficient: true,
      expertise: false,
      bonus: 6,
    });
  });

  it('shows granted skills and doubles Expertise for a high elf rogue, passive Perception included', async () => {
    const rogue = await create('builder', {
      race: 'HIGH_ELF',
      class: 'ROGUE',
      background: null,
      experience: 0,
      inventory: [],
      fightingStyles: [],
      abilityScoreImprovements: [],
      skillProficiencies: ['STEALTH', 'ACROBATICS'],
      expertise: ['PERCEPTION', 'STEALTH'],
    });
    expect(rogue.grantedSkills).toEqual([{ skill: 'PERCEPTION', source: 'RACE', name: 'Keen Senses' }]);
    // WIS 12 (+1) + 2 x 2 = 5; passive 15.
    expect(rogue.skills.find((line: { skill: string }) => line.skill === 'PERCEPTION')).toEqual({
      skill: 'PERCEPTION',
      proficient: true,
      expertise: true,
      bonus: 5,
    });
    expect(rogue.passivePerception).toBe(15);
    expect([rogue.skillChoicesRemaining, rogue.expertiseRemaining]).toEqual([2, 0]);
  });

  const refusals: [string, Record<string, unknown>][] = [
    ['SKILL_CHOICES', { skillProficiencies: ['ATHLETICS', 'ARCANA', 'STEALTH', 'NATURE'] }],
    ['SKILL_ALREADY_GRANTED', { race: 'HALF_ORC', skillProficiencies: ['INTIMIDATION'] }],
    ['EXPERTISE_COUNT', { expertise: ['ATHLETICS'] }],
    ['EXPERTISE_NOT_PROFICIENT', { class: 'ROGUE', fightingStyles: [], skillProficiencies: ['STEALTH'], expertise: ['ARCANA'] }],
    ['FIGHTING_STYLE', { fightingStyles: ['DEFENSE', 'ARCHERY'] }],
    ['ASI_LEVEL', { abilityScoreImprovements: [{ level: 6, increases: [{ ability: 'STRENGTH', amount: 2 }] }] }],
    ['ASI_INCREASE', { abilityScoreImprovements: [{ level: 4, increases: [{ ability: 'STRENGTH', amount: 1 }] }] }],
    [
      'ASI_INCREASE',
      {
        abilityScoreImprovements: [
          {
            level: 4,
            increases: [
              { ability: 'STRENGTH', amount: 1 },
              { ability: 'STRENGTH', amount: 1 },
            ],
          },
        ],
      },
    ],
    ['ASI_CAP', { abilityScores: { strength: 19, dexterity: 12, constitution: 14, intelligence: 10, wisdom: 12, charisma: 8 } }],
    [
      'FEAT_PREREQUISITE',
      {
        abilityScores: { strength: 12, dexterity: 12, constitution: 14, intelligence: 10, wisdom: 12, charisma: 8 },
        abilityScoreImprovements: [{ level: 4, feat: 'GRAPPLER' }],
      },
    ],
  ];

  it.each(refusals)('refuses a create breaking %s with BAD_USER_INPUT naming the rule, creating nothing', async (rule, overrides) => {
    const owner = `refused-create-${rule}`;
    const result = await server.client.request(CREATE, { input: champion(overrides) }, owner);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule });
    const count = await server.client.request(COUNT, { owner }, owner);
    expect(count.data?.characters.totalCount).toBe(0);
  });

  it.each(refusals)('refuses an update breaking %s, and the version does not move', async (rule, overrides) => {
    const { id } = await create('refused-update');
    const result = await server.client.request(UPDATE, { input: { id, expectedVersion: 1, ...overrides } }, 'refused-update');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule });
    const read = await server.client.request(READ, { id }, 'refused-update');
    expect(read.data?.character).toMatchObject({ version: 1, fightingStyles: ['DEFENSE'], skillProficiencies: ['ATHLETICS', 'PERCEPTION'] });
  });

  it('updates the choices: a second ASI level opens at 6 and takes +1/+1', async () => {
    const { id } = await create('updater');
    const result = await server.client.request(
      UPDATE,
      {
        input: {
          id,
          expectedVersion: 1,
          experience: 14000,
          abilityScoreImprovements: [
            { level: 4, feat: 'GRAPPLER' },
            {
              level: 6,
              increases: [
                { ability: 'DEXTERITY', amount: 1 },
                { ability: 'WISDOM', amount: 1 },
              ],
            },
          ],
        },
      },
      'updater',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateCharacter.character).toMatchObject({
      version: 2,
      level: 6,
      abilityScoreImprovements: [
        { level: 4, feat: 'GRAPPLER', increases: [] },
        {
          level: 6,
          feat: null,
          increases: [
            { ability: 'DEXTERITY', amount: 1 },
            { ability: 'WISDOM', amount: 1 },
          ],
        },
      ],
      openAbilityScoreImprovementLevels: [],
    });
  });

  it('still loads and renames a character stored before the rules with too many skills, and checks them once they change', async () => {
    const { id } = await create('legacy');
    // As stored before the skill rules: six skills for four picks (written to the row as an old build would be).
    await server.database.db
      .update(characters)
      .set({ skillProficiencies: ['ATHLETICS', 'PERCEPTION', 'SURVIVAL', 'ARCANA', 'NATURE', 'HISTORY'] })
      .where(eq(characters.id, id));
    const renamed = await server.client.request(UPDATE, { input: { id, expectedVersion: 1, name: 'Old Bruenor' } }, 'legacy');
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data?.updateCharacter.character).toMatchObject({ version: 2, skillChoicesRemaining: 0 });
    const touched = await server.client.request(
      UPDATE,
      { input: { id, expectedVersion: 2, skillProficiencies: ['ATHLETICS', 'PERCEPTION', 'ARCANA', 'NATURE', 'HISTORY'] } },
      'legacy',
    );
    expect(touched.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'SKILL_CHOICES' });
    expect((await server.client.request(READ, { id }, 'legacy')).data?.character).toMatchObject({ version: 2 });
  });
});
