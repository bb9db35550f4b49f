import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayProjection } from '#lib/event-store/index.js';
import { characters } from '../db/schema.js';
import { characterProjection } from '../events/projection.js';
import { startCharacterTestServer, type CharacterTestServer } from '../testing/character-test-server.js';

let server: CharacterTestServer;
beforeAll(async () => {
  server = await startCharacterTestServer();
});
afterAll(() => server.close());

const SPELL_FIELDS = `version spellLimits { cantrips spellsKnown preparedSpells spellbookMinimum maxSpellLevel }
  spells { spell name level school source prepared alwaysPrepared ritual concentration attack attackBonus saveDC saveAbility }`;
const CREATE = `mutation($input: CreateCharacterInput!) { createCharacter(input: $input) { character { id ${SPELL_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateCharacterInput!) { updateCharacter(input: $input) { character { ${SPELL_FIELDS} } } }`;
const PREPARE = `mutation($input: PrepareSpellsInput!) { prepareSpells(input: $input) { character { ${SPELL_FIELDS} } } }`;
const READ = `query($id: ID!) { character(id: $id) { ${SPELL_FIELDS} } }`;

type Line = { spell: string; prepared: boolean };
const line = (character: { spells: Line[] }, id: string) => character.spells.find((spell) => spell.spell === id);

/** A level 5 high-elf wizard: INT 15 + 1 = 16 (+3), proficiency +3, so spell attack +6 and save DC 14. */
function wizard(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Elaria',
    race: 'HIGH_ELF',
    class: 'WIZARD',
    experience: 6500,
    abilityScores: { strength: 8, dexterity: 14, constitution: 13, intelligence: 15, wisdom: 12, charisma: 10 },
    cantrips: ['FIRE_BOLT', 'LIGHT', 'MAGE_HAND', 'RAY_OF_FROST'],
    ...overrides,
  };
}
const BOOK = ['MAGIC_MISSILE', 'SHIELD', 'SLEEP', 'DETECT_MAGIC', 'MAGE_ARMOR', 'FIREBALL', 'HOLD_PERSON', 'MISTY_STEP', 'COUNTERSPELL'];

async function error(query: string, input: Record<string, unknown>, user = 'alice') {
  const result = await server.client.request(query, { input }, user);
  return result.errors?.[0]?.extensions;
}

describe('spells on the character sheet', () => {
  it('lets a level 5 wizard learn a spellbook, prepare from it and read each spell’s attack bonus or DC', async () => {
    const created = await server.client.request(CREATE, { input: wizard() }, 'alice');
    expect(created.errors).toBeUndefined();
    const id = created.data?.createCharacter.character.id as string;
    expect(created.data?.createCharacter.character.spellLimits).toEqual({
      cantrips: 4,
      spellsKnown: null,
      preparedSpells: 8,
      spellbookMinimum: 14,
      maxSpellLevel: 3,
    });

    const learnt = await server.client.request(UPDATE, { input: { id, expectedVersion: 1, spellbook: BOOK } }, 'alice');
    expect(learnt.errors).toBeUndefined();
    const prepared = await server.client.request(
      PREPARE,
      { input: { characterId: id, expectedVersion: 2, spells: ['FIREBALL', 'SHIELD', 'HOLD_PERSON'] } },
      'alice',
    );
    expect(prepared.errors).toBeUndefined();
    const character = prepared.data?.prepareSpells.character;
    expect(character.version).toBe(3);
    expect(character.spells).toHaveLength(4 + BOOK.length);
    expect(line(character, 'FIREBALL')).toEqual({
      spell: 'FIREBALL',
      name: 'Fireball',
      level: 3,
      school: 'EVOCATION',
      source: 'SPELLBOOK',
      prepared: true,
      alwaysPrepared: false,
      ritual: false,
      concentration: false,
      attack: null,
      attackBonus: null,
      saveDC: 14,
      saveAbility: 'DEXTERITY',
    });
    expect(line(character, 'FIRE_BOLT')).toMatchObject({ source: 'CANTRIP', prepared: true, attack: 'RANGED', attackBonus: 6, saveDC: null });
    expect(line(character, 'HOLD_PERSON')).toMatchObject({ concentration: true, saveDC: 14, saveAbility: 'WISDOM' });
    expect(line(character, 'DETECT_MAGIC')).toMatchObject({ prepared: false, ritual: true });

    // The preparation survives a read from the store.
    const read = await server.client.request(READ, { id }, 'bob');
    expect(read.data?.character.spells).toEqual(character.spells);
  });

  it('refuses illegal preparations naming the rule, and writes nothing', async () => {
    const created = await server.client.request(CREATE, { input: wizard({ spellbook: BOOK }) }, 'alice');
    const id = created.data?.createCharacter.character.id as string;
    const prepare = (spells: string[], expectedVersion = 1) => ({ characterId: id, expectedVersion, spells });
    expect(await error(PREPARE, prepare(['WEB']))).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'NOT_IN_SPELLBOOK', field: 'preparedSpells[0]' });
    expect(await error(PREPARE, prepare(BOOK))).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'PREPARED_COUNT' });
    expect(await error(PREPARE, prepare(['NOT_A_SPELL']))).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'SPELL_UNKNOWN' });
    expect(await error(PREPARE, prepare(['SHIELD'], 7))).toMatchObject({ code: 'CONFLICT' });
    expect(await error(PREPARE, prepare(['SHIELD']), 'bob')).toMatchObject({ code: 'FORBIDDEN' });
    // Levelling down would leave 3rd-level spells without a slot: refused until the spellbook changes with it.
    expect(await error(UPDATE, { id, expectedVersion: 1, experience: 0 })).toMatchObject({ rule: 'SPELL_LEVEL_TOO_HIGH', field: 'spellbook[5]' });
    const read = await server.client.request(READ, { id }, 'alice');
    expect(read.data?.character.version).toBe(1);
    expect(read.data?.character.spells.filter((spell: Line) => spell.prepared).map((spell: Line) => spell.spell)).toEqual([
      'FIRE_BOLT',
      'LIGHT',
      'MAGE_HAND',
      'RAY_OF_FROST',
    ]);
  });

  it('lets a Life Domain cleric prepare, with its domain spells always prepared and not counted', async () => {
    // Level 1, WIS 16 (+3): 4 prepared, plus Bless and Cure Wounds from the domain.
    const input = {
      name: 'Tharivol',
      race: 'HUMAN',
      class: 'CLERIC',
      subclass: 'LIFE',
      abilityScores: { strength: 14, dexterity: 10, constitution: 14, intelligence: 10, wisdom: 15, charisma: 12 },
      cantrips: ['SACRED_FLAME'],
    };
    const created = await server.client.request(CREATE, { input }, 'alice');
    expect(created.errors).toBeUndefined();
    const id = created.data?.createCharacter.character.id as string;
    const prepared = await server.client.request(
      PREPARE,
      { input: { characterId: id, expectedVersion: 1, spells: ['BANE', 'COMMAND', 'HEALING_WORD', 'SANCTUARY'] } },
      'alice',
    );
    expect(prepared.errors).toBeUndefined();
    const character = prepared.data?.prepareSpells.character;
    expect(character.spellLimits).toMatchObject({ cantrips: 3, preparedSpells: 4, maxSpellLevel: 1 });
    expect(line(character, 'BLESS')).toMatchObject({ source: 'SUBCLASS', prepared: true, alwaysPrepared: true });
    expect(line(character, 'SACRED_FLAME')).toMatchObject({ saveDC: 13, saveAbility: 'DEXTERITY' });
    expect(line(character, 'COMMAND')).toMatchObject({ source: 'PREPARED', prepared: true, alwaysPrepared: false });
    expect(
      await error(PREPARE, { characterId: id, expectedVersion: 2, spells: ['BANE', 'COMMAND', 'HEALING_WORD', 'SANCTUARY', 'SHIELD_OF_FAITH'] }),
    ).toMatchObject({
      rule: 'PREPARED_COUNT',
    });
  });

  it('refuses spells a class cannot have', async () => {
    const sorcerer = { ...wizard({ class: 'SORCERER', cantrips: [] }), spellsKnown: ['FIREBALL'] };
    const created = await server.client.request(CREATE, { input: sorcerer }, 'alice');
    expect(created.errors).toBeUndefined();
    const id = created.data?.createCharacter.character.id as string;
    expect(await error(PREPARE, { characterId: id, expectedVersion: 1, spells: ['FIREBALL'] })).toMatchObject({ rule: 'SPELLS_NOT_PREPARED_BY_CLASS' });
    expect(await error(CREATE, wizard({ class: 'FIGHTER' }))).toMatchObject({ rule: 'NOT_A_CASTER', field: 'cantrips' });
    expect(await error(CREATE, wizard({ spellbook: ['CURE_WOUNDS'] }))).toMatchObject({ rule: 'SPELL_NOT_ON_CLASS_LIST' });
    expect(await error(CREATE, wizard({ cantrips: ['FIRE_BOLT', 'LIGHT', 'MAGE_HAND', 'RAY_OF_FROST', 'SHOCKING_GRASP'] }))).toMatchObject({
      rule: 'CANTRIPS_COUNT',
    });
    expect(
      await error(CREATE, { ...sorcerer, spellsKnown: ['SHIELD', 'SLEEP', 'MAGIC_MISSILE', 'FOG_CLOUD', 'JUMP', 'MISTY_STEP', 'FIREBALL'] }),
    ).toMatchObject({
      rule: 'SPELLS_KNOWN_COUNT',
    });
  });
});

describe('Query.spells', () => {
  const SPELLS =
    'query($class: CharacterClass, $level: Int) { spells(class: $class, level: $level) { id name level school classes ritual concentration attack save } }';

  it('lists a class list, optionally of one spell level, for any signed-in user', async () => {
    const third = await server.client.request(SPELLS, { class: 'WIZARD', level: 3 }, 'bob');
    expect(third.errors).toBeUndefined();
    expect(third.data?.spells.every((spell: { level: number; classes: string[] }) => spell.level === 3 && spell.classes.includes('WIZARD'))).toBe(true);
    expect(third.data?.spells.find((spell: { id: string }) => spell.id === 'FIREBALL')).toMatchObject({
      name: 'Fireball',
      school: 'EVOCATION',
      save: 'DEXTERITY',
    });
    const paladinCantrips = await server.client.request(SPELLS, { class: 'PALADIN', level: 0 }, 'bob');
    expect(paladinCantrips.data?.spells).toEqual([]);
    const all = await server.client.request('query { spells { id } }', {}, 'bob');
    expect(all.data?.spells.length).toBeGreaterThan(third.data?.spells.length);
  });

  it('refuses a spell level outside 0 to 9 and an anonymous caller', async () => {
    const bad = await server.client.request(SPELLS, { level: 10 }, 'bob');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'level' });
    const anonymous = await server.client.request(SPELLS, {}, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('spell choices in the event history', () => {
  it('replay to the same rows: every spell list the projection writes comes from the events', async () => {
    const created = await server.client.request(CREATE, { input: wizard({ spellbook: BOOK }) }, 'carol');
    const id = created.data?.createCharacter.character.id as string;
    const prepared = await server.client.request(PREPARE, { input: { characterId: id, expectedVersion: 1, spells: ['SLEEP', 'MISTY_STEP'] } }, 'carol');
    expect(prepared.errors).toBeUndefined();
    const snapshot = () => server.database.db.select().from(characters).orderBy(asc(characters.id));
    const before = await snapshot();
    expect(before.find((row) => row.id === id)).toMatchObject({ spellbook: BOOK, preparedSpells: ['SLEEP', 'MISTY_STEP'], cantrips: wizard().cantrips });
    await replayProjection(server.database.db, characterProjection);
    expect(await snapshot()).toEqual(before);
  });
});
