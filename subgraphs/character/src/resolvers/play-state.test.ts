import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE, dwarfFighter, startCharacterTestServer, type CharacterTestServer } from '../testing/character-test-server.js';

let server: CharacterTestServer;
beforeAll(async () => {
  server = await startCharacterTestServer();
});
afterAll(() => server.close());

const PLAY_FIELDS = `id version speed maxHitPoints currentHitPoints temporaryHitPoints conditions effectiveConditions exhaustion incapacitated dead
  rollEffects { roll modifier ability circumstance source }
  hitDice { die total spent remaining }
  spellSlots { level total spent remaining } pactSlots { level total spent remaining }
  featureUses { feature name used max remaining recharge }`;
const MUTATIONS = {
  setConditions: 'SetConditionsInput',
  spendSpellSlot: 'SpendSpellSlotInput',
  useFeature: 'UseFeatureInput',
  shortRest: 'ShortRestInput',
  longRest: 'LongRestInput',
} as const;
const EXTRA = { setConditions: '', spendSpellSlot: 'pactSlot', useFeature: '', shortRest: 'healing', longRest: 'hitPointsRegained hitDiceRegained' };
const READ = `query($id: ID!) { character(id: $id) { ${PLAY_FIELDS} } }`;
const UPDATE = 'mutation($input: UpdateCharacterInput!) { updateCharacter(input: $input) { character { version } } }';

interface Played {
  character: Record<string, unknown> & { version: number };
  [extra: string]: unknown;
}

/** A played character: its id, owner and last known version, and the play mutations on it. */
async function hero(overrides: Record<string, unknown> = {}, owner = 'alice') {
  const created = await server.client.request(CREATE, { input: dwarfFighter(overrides) }, owner);
  expect(created.errors).toBeUndefined();
  const id: string = created.data?.createCharacter.character.id;
  let version = 1;
  const run = async (mutation: keyof typeof MUTATIONS, input: Record<string, unknown> = {}, caller = owner, expectedVersion = version) => {
    const query = `mutation($input: ${MUTATIONS[mutation]}!) { ${mutation}(input: $input) { ${EXTRA[mutation]} character { ${PLAY_FIELDS} } } }`;
    const result = await server.client.request(query, { input: { characterId: id, expectedVersion, ...input } }, caller);
    const payload = result.data?.[mutation] as Played | undefined;
    if (payload) version = payload.character.version;
    return { payload, error: result.errors?.[0] as { extensions?: { code?: string; rule?: string } } | undefined };
  };
  const read = async () => (await server.client.request(READ, { id }, owner)).data?.character as Played['character'];
  const damage = async (currentHitPoints: number, temporaryHitPoints = 0) => {
    const result = await server.client.request(UPDATE, { input: { id, expectedVersion: version, currentHitPoints, temporaryHitPoints } }, owner);
    expect(result.errors).toBeUndefined();
    version = result.data?.updateCharacter.character.version;
  };
  return { id, run, read, damage };
}

/** A refusal: the error's code and rule, and the character exactly as before (nothing written). */
async function expectRefused(
  h: Awaited<ReturnType<typeof hero>>,
  attempt: Promise<{ error?: { extensions?: { code?: string; rule?: string } } }>,
  code: string,
  rule?: string,
) {
  const before = await h.read();
  const { error } = await attempt;
  expect(error?.extensions?.code).toBe(code);
  if (rule) expect(error?.extensions?.rule).toBe(rule);
  expect(await h.read()).toEqual(before);
}

describe('setConditions', () => {
  it('halves speed at exhaustion 2 and gives the lower level its disadvantage on ability checks', async () => {
    const h = await hero();
    const { payload, error } = await h.run('setConditions', { conditions: [], exhaustion: 2 });
    expect(error).toBeUndefined();
    // Hill dwarf speed 25, halved and rounded down.
    expect(payload?.character).toMatchObject({ version: 2, speed: 12, exhaustion: 2, maxHitPoints: 54, dead: false });
    expect(payload?.character.rollEffects).toEqual([
      { roll: 'ABILITY_CHECKS', modifier: 'DISADVANTAGE', ability: null, circumstance: null, source: 'EXHAUSTION_1' },
    ]);
  });

  it('halves the hit point maximum at exhaustion 4, and current hit points stay down when it goes', async () => {
    const h = await hero();
    const { payload } = await h.run('setConditions', { conditions: [], exhaustion: 4 });
    expect(payload?.character).toMatchObject({ maxHitPoints: 27, currentHitPoints: 27 });
    const cured = await h.run('setConditions', { conditions: [], exhaustion: 0 });
    expect(cured.payload?.character).toMatchObject({ maxHitPoints: 54, currentHitPoints: 27, speed: 25, rollEffects: [] });
  });

  it('stops a restrained or grappled character and lists the roll effects of each condition', async () => {
    const h = await hero();
    const { payload } = await h.run('setConditions', { conditions: ['RESTRAINED', 'POISONED', 'POISONED'], exhaustion: 0 });
    expect(payload?.character).toMatchObject({ speed: 0, conditions: ['POISONED', 'RESTRAINED'], incapacitated: false });
    expect(payload?.character.rollEffects).toContainEqual({
      roll: 'SAVING_THROWS',
      modifier: 'DISADVANTAGE',
      ability: 'DEXTERITY',
      circumstance: null,
      source: 'RESTRAINED',
    });
    expect(payload?.character.rollEffects).toContainEqual({
      roll: 'ABILITY_CHECKS',
      modifier: 'DISADVANTAGE',
      ability: null,
      circumstance: null,
      source: 'POISONED',
    });
  });

  it('makes an unconscious character incapacitated and prone, failing STR and DEX saves', async () => {
    const h = await hero();
    const { payload } = await h.run('setConditions', { conditions: ['UNCONSCIOUS'], exhaustion: 0 });
    expect(payload?.character).toMatchObject({ speed: 0, incapacitated: true, effectiveConditions: ['INCAPACITATED', 'PRONE', 'UNCONSCIOUS'] });
    const autoFail = (payload?.character.rollEffects as { modifier: string; ability: string }[]).filter((effect) => effect.modifier === 'AUTO_FAIL');
    expect(autoFail.map((effect) => effect.ability)).toEqual(['STRENGTH', 'DEXTERITY']);
  });

  it('refuses a stale version, a stranger and exhaustion 7, writing nothing', async () => {
    const h = await hero();
    await expectRefused(h, h.run('setConditions', { conditions: ['PRONE'], exhaustion: 0 }, 'alice', 5), 'CONFLICT');
    await expectRefused(h, h.run('setConditions', { conditions: ['PRONE'], exhaustion: 0 }, 'bob'), 'FORBIDDEN');
    await expectRefused(h, h.run('setConditions', { conditions: [], exhaustion: 7 }), 'BAD_USER_INPUT', 'EXHAUSTION_OUT_OF_RANGE');
  });
});

describe('spendSpellSlot', () => {
  it('spends a wizard slot of a level until none is left, and a long rest restores them', async () => {
    // Level 3 wizard: two 2nd-level slots.
    const h = await hero({ class: 'WIZARD', experience: 900, inventory: [], skillProficiencies: ['ARCANA', 'HISTORY'] });
    await h.run('spendSpellSlot', { level: 2 });
    const second = await h.run('spendSpellSlot', { level: 2 });
    expect(second.payload).toMatchObject({ pactSlot: false });
    expect(second.payload?.character.spellSlots).toEqual([
      { level: 1, total: 4, spent: 0, remaining: 4 },
      { level: 2, total: 2, spent: 2, remaining: 0 },
    ]);
    await expectRefused(h, h.run('spendSpellSlot', { level: 2 }), 'BAD_USER_INPUT', 'NO_SLOT_LEFT');
    await expectRefused(h, h.run('spendSpellSlot', { level: 3 }), 'BAD_USER_INPUT', 'NO_SLOT_LEFT');
    const rested = await h.run('longRest');
    expect(rested.payload?.character.spellSlots).toEqual([
      { level: 1, total: 4, spent: 0, remaining: 4 },
      { level: 2, total: 2, spent: 0, remaining: 2 },
    ]);
  });

  it("spends a warlock's pact slots, which a short rest restores", async () => {
    // Level 3 warlock: two pact slots of 2nd level.
    const h = await hero({ class: 'WARLOCK', experience: 900, inventory: [], skillProficiencies: ['ARCANA', 'DECEPTION'] });
    expect((await h.run('spendSpellSlot', { level: 2 })).payload).toMatchObject({ pactSlot: true });
    await expectRefused(h, h.run('spendSpellSlot', { level: 1 }), 'BAD_USER_INPUT', 'NO_SLOT_LEFT');
    const spent = await h.run('spendSpellSlot', { level: 2 });
    expect(spent.payload?.character.pactSlots).toEqual({ level: 2, total: 2, spent: 2, remaining: 0 });
    await expectRefused(h, h.run('spendSpellSlot', { level: 2 }), 'BAD_USER_INPUT', 'NO_SLOT_LEFT');
    const rested = await h.run('shortRest', { hitDieRolls: [] });
    expect(rested.payload?.character.pactSlots).toEqual({ level: 2, total: 2, spent: 0, remaining: 2 });
  });

  it('refuses a fighter, who has no slots', async () => {
    const h = await hero();
    await expectRefused(h, h.run('spendSpellSlot', { level: 1 }), 'BAD_USER_INPUT', 'NO_SLOT_LEFT');
  });
});

describe('useFeature', () => {
  it("lists a level 5 fighter's features, spends Second Wind once, and a short rest brings it back", async () => {
    const h = await hero();
    const features = (await h.read()).featureUses as { feature: string; max: number; recharge: string }[];
    expect(features.map(({ feature, max, recharge }) => [feature, max, recharge])).toEqual([
      ['SECOND_WIND', 1, 'SHORT'],
      ['ACTION_SURGE', 1, 'SHORT'],
    ]);
    const used = await h.run('useFeature', { feature: 'SECOND_WIND' });
    expect(used.payload?.character.featureUses).toContainEqual({
      feature: 'SECOND_WIND',
      name: 'Second Wind',
      used: 1,
      max: 1,
      remaining: 0,
      recharge: 'SHORT',
    });
    await expectRefused(h, h.run('useFeature', { feature: 'SECOND_WIND' }), 'BAD_USER_INPUT', 'NO_USES_LEFT');
    await expectRefused(h, h.run('useFeature', { feature: 'INDOMITABLE' }), 'BAD_USER_INPUT', 'FEATURE_NOT_AVAILABLE');
    await expectRefused(h, h.run('useFeature', { feature: 'RAGE' }), 'BAD_USER_INPUT', 'FEATURE_NOT_AVAILABLE');
    const rested = await h.run('shortRest', { hitDieRolls: [] });
    expect(rested.payload?.character.featureUses).toContainEqual(expect.objectContaining({ feature: 'SECOND_WIND', used: 0, remaining: 1 }));
  });

  it('spends points of a pool (a paladin lays on hands), and only a long rest refills it', async () => {
    // Level 5 paladin: a pool of 25 hit points.
    const h = await hero({ class: 'PALADIN', inventory: [], skillProficiencies: ['ATHLETICS', 'RELIGION'] });
    const used = await h.run('useFeature', { feature: 'LAY_ON_HANDS', amount: 20 });
    expect(used.payload?.character.featureUses).toContainEqual(
      expect.objectContaining({ feature: 'LAY_ON_HANDS', used: 20, max: 25, remaining: 5, recharge: 'LONG' }),
    );
    await expectRefused(h, h.run('useFeature', { feature: 'LAY_ON_HANDS', amount: 6 }), 'BAD_USER_INPUT', 'NO_USES_LEFT');
    const short = await h.run('shortRest', { hitDieRolls: [] });
    expect(short.payload?.character.featureUses).toContainEqual(expect.objectContaining({ feature: 'LAY_ON_HANDS', remaining: 5 }));
    const long = await h.run('longRest');
    expect(long.payload?.character.featureUses).toContainEqual(expect.objectContaining({ feature: 'LAY_ON_HANDS', remaining: 25 }));
  });
});

describe('shortRest', () => {
  it('heals each rolled hit die plus the CON modifier and spends the dice', async () => {
    const h = await hero();
    await h.damage(20);
    // d10 rolls 6 and 4, CON 16 (+3): 9 + 7 = 16 hit points.
    const { payload, error } = await h.run('shortRest', { hitDieRolls: [6, 4] });
    expect(error).toBeUndefined();
    expect(payload).toMatchObject({ healing: 16 });
    expect(payload?.character).toMatchObject({ currentHitPoints: 36, hitDice: { die: 10, total: 5, spent: 2, remaining: 3 } });
  });

  it('heals no higher than the maximum', async () => {
    const h = await hero();
    await h.damage(50);
    const { payload } = await h.run('shortRest', { hitDieRolls: [10] });
    expect(payload).toMatchObject({ healing: 4, character: { currentHitPoints: 54 } });
  });

  it('refuses more dice than are left, a roll the die cannot show, and a character at 0 hit points', async () => {
    const h = await hero();
    await h.damage(10);
    await expectRefused(h, h.run('shortRest', { hitDieRolls: [1, 1, 1, 1, 1, 1] }), 'BAD_USER_INPUT', 'NO_HIT_DICE_LEFT');
    await expectRefused(h, h.run('shortRest', { hitDieRolls: [11] }), 'BAD_USER_INPUT', 'HIT_DIE_ROLL_OUT_OF_RANGE');
    await expectRefused(h, h.run('shortRest', { hitDieRolls: [0] }), 'BAD_USER_INPUT', 'HIT_DIE_ROLL_OUT_OF_RANGE');
    await h.damage(0);
    await expectRefused(h, h.run('shortRest', { hitDieRolls: [5] }), 'BAD_USER_INPUT', 'NO_HIT_POINTS');
    await expectRefused(h, h.run('longRest'), 'BAD_USER_INPUT', 'NO_HIT_POINTS');
  });
});

describe('longRest', () => {
  it('restores hit points, half the hit dice, feature uses, ends temporary hit points and lowers exhaustion by one', async () => {
    const h = await hero();
    await h.damage(5, 8);
    // Five d10 rolls of 1, +3 each: 5 + 20 = 25 hit points, every hit die spent.
    await h.run('shortRest', { hitDieRolls: [1, 1, 1, 1, 1] });
    await h.run('useFeature', { feature: 'ACTION_SURGE' });
    await h.run('setConditions', { conditions: ['PRONE'], exhaustion: 4 });
    const { payload, error } = await h.run('longRest');
    expect(error).toBeUndefined();
    // Level 5: half of 5 hit dice, rounded down, is 2. Exhaustion 4 -> 3: the maximum is no longer halved, 25 -> 54.
    expect(payload).toMatchObject({ hitDiceRegained: 2, hitPointsRegained: 29 });
    expect(payload?.character).toMatchObject({
      currentHitPoints: 54,
      maxHitPoints: 54,
      temporaryHitPoints: 0,
      exhaustion: 3,
      conditions: ['PRONE'],
      hitDice: { spent: 3, remaining: 2 },
    });
    expect(payload?.character.featureUses).toContainEqual(expect.objectContaining({ feature: 'ACTION_SURGE', used: 0 }));
  });

  it('refuses any rest or use to a character dead of exhaustion', async () => {
    const h = await hero();
    const { payload } = await h.run('setConditions', { conditions: [], exhaustion: 6 });
    expect(payload?.character).toMatchObject({ dead: true, speed: 0 });
    await expectRefused(h, h.run('longRest'), 'BAD_USER_INPUT', 'CHARACTER_IS_DEAD');
    await expectRefused(h, h.run('shortRest', { hitDieRolls: [] }), 'BAD_USER_INPUT', 'CHARACTER_IS_DEAD');
    await expectRefused(h, h.run('useFeature', { feature: 'SECOND_WIND' }), 'BAD_USER_INPUT', 'CHARACTER_IS_DEAD');
  });
});
