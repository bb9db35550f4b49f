import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayProjection } from '#lib/event-store/index.js';
import { stateOf, type CharacterState } from '../character-state.js';
import { characters } from '../db/schema.js';
import { characterProjection } from '../events/projection.js';
import { CREATE, dwarfFighter, startCharacterTestServer, type CharacterTestServer } from '../testing/character-test-server.js';

let server: CharacterTestServer;
beforeAll(async () => {
  server = await startCharacterTestServer();
});
afterAll(() => server.close());

const EXPORT = 'query($id: ID!) { exportFoundryActor(characterId: $id) }';
const IMPORT = 'mutation($input: ImportFoundryActorInput!) { importFoundryActor(input: $input) { character { id version } notImported { path reason } } }';
const PLAY: Record<string, string> = {
  setConditions: 'SetConditionsInput',
  spendSpellSlot: 'SpendSpellSlotInput',
  useFeature: 'UseFeatureInput',
  shortRest: 'ShortRestInput',
  updateCharacter: 'UpdateCharacterInput',
};

/** Creates a character and plays it: each step a mutation on the latest version. */
async function played(input: Record<string, unknown>, steps: [string, Record<string, unknown>][] = [], owner = 'alice'): Promise<string> {
  const created = await server.client.request(CREATE, { input }, owner);
  expect(created.errors).toBeUndefined();
  const id = created.data?.createCharacter.character.id as string;
  let version = 1;
  for (const [mutation, args] of steps) {
    const idField = mutation === 'updateCharacter' ? { id } : { characterId: id };
    const query = `mutation($input: ${PLAY[mutation]}!) { ${mutation}(input: $input) { character { version } } }`;
    const result = await server.client.request(query, { input: { ...idField, expectedVersion: version, ...args } }, owner);
    expect(result.errors, `${mutation} ${JSON.stringify(args)}`).toBeUndefined();
    version = result.data?.[mutation].character.version;
  }
  return id;
}

async function stored(id: string): Promise<CharacterState> {
  const [row] = await server.database.db.select().from(characters).where(eq(characters.id, id));
  return stateOf(row!);
}

// Lists the rules read as sets: Foundry keeps skills in an object and spells as items, so their order is its own.
const SETS = ['skillProficiencies', 'expertise', 'cantrips', 'spellsKnown', 'preparedSpells', 'spellbook', 'conditions', 'fightingStyles'] as const;
const comparable = (state: CharacterState) => ({ ...state, ...Object.fromEntries(SETS.map((key) => [key, [...state[key]].sort()])) });

async function roundTrip(id: string, owner = 'alice') {
  const exported = await server.client.request(EXPORT, { id }, owner);
  expect(exported.errors).toBeUndefined();
  const actor = exported.data?.exportFoundryActor;
  const imported = await server.client.request(IMPORT, { input: { actor } }, owner);
  expect(imported.errors).toBeUndefined();
  const copy = imported.data?.importFoundryActor.character.id as string;
  expect(copy).not.toBe(id);
  const [before, after] = [await stored(id), await stored(copy)];
  expect(comparable(after)).toEqual(comparable(before));
  // The import is one CharacterCreated carrying the whole state: a replay of the events rebuilds the same row.
  await replayProjection(server.database.db, characterProjection);
  expect(await stored(copy)).toEqual(after);
  return { actor, notes: imported.data?.importFoundryActor.notImported as { path: string; reason: string }[] };
}

describe('Foundry VTT export and import', () => {
  it('keeps every stored field of a level 7 champion: fighting style, ASI and feat, rolls, gear, conditions, spent dice and features', async () => {
    const id = await played(
      dwarfFighter({
        subclass: 'CHAMPION',
        experience: 23000,
        hitPointRolls: [6, 7, 8, 9, 10, 5],
        fightingStyles: ['DEFENSE'],
        abilityScoreImprovements: [
          { level: 4, increases: [{ ability: 'STRENGTH', amount: 2 }] },
          { level: 6, feat: 'GRAPPLER' },
        ],
        inventory: [
          { name: 'Chain mail', armor: 'CHAIN_MAIL', equipped: true },
          { name: 'Shield', armor: 'SHIELD', equipped: true },
          { name: 'Longsword', weapon: 'LONGSWORD', equipped: true },
          { name: 'Handaxes', weapon: 'HANDAXE', quantity: 2 },
          { name: 'Rations', quantity: 5, weight: 2 },
        ],
        backstory: 'Born under the <Iron Hills> & raised by "smiths".\n\nHe left at 40.\nHe never looked back.',
      }),
      [
        ['shortRest', { hitDieRolls: [6, 3] }],
        ['useFeature', { feature: 'SECOND_WIND' }],
        ['useFeature', { feature: 'ACTION_SURGE' }],
        ['setConditions', { conditions: ['PRONE', 'POISONED'], exhaustion: 1 }],
        ['updateCharacter', { currentHitPoints: 31, temporaryHitPoints: 4 }],
      ],
    );
    const { actor, notes } = await roundTrip(id);
    expect(actor).toMatchObject({
      type: 'character',
      system: { attributes: { exhaustion: 1, hp: { value: 31, temp: 4 } }, abilities: { str: { value: 17, proficient: 1 } } },
    });
    const classItem = actor.items.find((item: { type: string }) => item.type === 'class');
    expect(classItem.system).toMatchObject({ identifier: 'fighter', levels: 7, hd: { denomination: 'd10', spent: 2 } });
    expect(actor.items.find((item: { type: string }) => item.type === 'subclass').system).toEqual({ identifier: 'champion', classIdentifier: 'fighter' });
    expect(actor.effects.map((effect: { statuses: string[] }) => effect.statuses[0])).toEqual(['poisoned', 'prone']);
    expect(notes).toEqual([]);
  });

  it('keeps a wizard’s cantrips, spellbook, prepared spells and spent slots', async () => {
    const id = await played(
      {
        name: 'Elaria',
        race: 'HIGH_ELF',
        class: 'WIZARD',
        subclass: 'EVOCATION',
        experience: 6500,
        abilityScores: { strength: 8, dexterity: 14, constitution: 13, intelligence: 15, wisdom: 12, charisma: 10 },
        skillProficiencies: ['ARCANA', 'HISTORY'],
        cantrips: ['FIRE_BOLT', 'LIGHT', 'MAGE_HAND', 'RAY_OF_FROST'],
        spellbook: ['MAGIC_MISSILE', 'SHIELD', 'SLEEP', 'DETECT_MAGIC', 'MAGE_ARMOR', 'FIREBALL', 'HOLD_PERSON', 'MISTY_STEP', 'COUNTERSPELL'],
        preparedSpells: ['FIREBALL', 'SHIELD', 'HOLD_PERSON', 'MAGIC_MISSILE'],
      },
      [
        ['spendSpellSlot', { level: 1 }],
        ['spendSpellSlot', { level: 3 }],
      ],
    );
    const { actor } = await roundTrip(id);
    const spell = (name: string) => actor.items.find((item: { name: string }) => item.name === name).system;
    expect(spell('Fireball')).toMatchObject({ level: 3, school: 'evo', method: 'spell', prepared: 1 });
    expect(spell('Sleep')).toMatchObject({ level: 1, prepared: 0 });
    expect(actor.system.spells).toMatchObject({ spell1: { value: 3 }, spell2: { value: 3 }, spell3: { value: 1 } });
    expect(actor.system.attributes.senses.ranges.darkvision).toBe(60);
  });

  it('keeps a half-elf thief’s chosen increases, expertise and improvements', async () => {
    const id = await played(
      {
        name: 'Vex',
        race: 'HALF_ELF',
        class: 'ROGUE',
        subclass: 'THIEF',
        alignment: 'CHAOTIC_NEUTRAL',
        experience: 14000,
        abilityBonusChoices: ['DEXTERITY', 'CONSTITUTION'],
        abilityScores: { strength: 8, dexterity: 15, constitution: 12, intelligence: 13, wisdom: 10, charisma: 14 },
        skillProficiencies: ['STEALTH', 'ACROBATICS', 'PERCEPTION', 'INVESTIGATION', 'ARCANA', 'HISTORY'],
        expertise: ['STEALTH', 'PERCEPTION', 'ACROBATICS', 'INVESTIGATION'],
        abilityScoreImprovements: [
          {
            level: 4,
            increases: [
              { ability: 'DEXTERITY', amount: 1 },
              { ability: 'CHARISMA', amount: 1 },
            ],
          },
        ],
        inventory: [
          { name: 'Leather armor', armor: 'LEATHER', equipped: true },
          { name: 'Rapier', weapon: 'RAPIER', equipped: true },
          { name: 'Shortbow', weapon: 'SHORTBOW' },
          { name: "Thieves' tools", weight: 1 },
        ],
      },
      [['setConditions', { conditions: ['INVISIBLE'], exhaustion: 2 }]],
    );
    const { actor } = await roundTrip(id);
    expect(actor.system.skills).toMatchObject({ ste: { value: 2 }, arc: { value: 1 }, ath: { value: 0 } });
    expect(actor.system.details.alignment).toBe('Chaotic Neutral');
  });

  it('keeps a life cleric’s prepared spells (its domain spells stay the rules’) and a fiend warlock’s spells known and pact slots', async () => {
    const cleric = await played(
      dwarfFighter({
        name: 'Mira',
        class: 'CLERIC',
        subclass: 'LIFE',
        skillProficiencies: ['MEDICINE', 'PERSUASION'],
        background: 'Acolyte',
        abilityScores: { strength: 12, dexterity: 10, constitution: 14, intelligence: 10, wisdom: 16, charisma: 8 },
        cantrips: ['GUIDANCE', 'LIGHT', 'SACRED_FLAME', 'SPARE_THE_DYING'],
        preparedSpells: ['HEALING_WORD', 'SHIELD_OF_FAITH', 'AID', 'SPIRIT_GUARDIANS'],
        inventory: [{ name: 'Mace', weapon: 'MACE', equipped: true }],
      }),
      [
        ['spendSpellSlot', { level: 2 }],
        ['useFeature', { feature: 'CHANNEL_DIVINITY' }],
      ],
    );
    const { actor } = await roundTrip(cleric);
    const bless = actor.items.find((item: { name: string }) => item.name === 'Bless');
    expect(bless.system.prepared).toBe(2);

    const warlock = await played(
      {
        name: 'Zariel',
        race: 'TIEFLING',
        class: 'WARLOCK',
        subclass: 'FIEND',
        experience: 6500,
        hitPointRolls: [5, 8, 1, 4],
        abilityScores: { strength: 8, dexterity: 14, constitution: 14, intelligence: 12, wisdom: 10, charisma: 15 },
        cantrips: ['ELDRITCH_BLAST', 'MINOR_ILLUSION', 'MAGE_HAND'],
        spellsKnown: ['HELLISH_REBUKE', 'CHARM_PERSON', 'BURNING_HANDS', 'HOLD_PERSON', 'SCORCHING_RAY', 'FIREBALL'],
      },
      [['spendSpellSlot', { level: 3 }]],
    );
    const { actor: pact } = await roundTrip(warlock);
    expect(pact.system.spells.pact).toEqual({ value: 1, override: null });
    expect(pact.items.find((item: { name: string }) => item.name === 'Fireball').system.method).toBe('pact');
  });
});
