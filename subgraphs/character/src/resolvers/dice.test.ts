/**
 * Fair dice on the character service over real HTTP and SQL: the commitment is readable before the roll and is the
 * roll's, the proof verifies offline and through verifyRoll, rolls chain, a tampered event fails verification, hit
 * points roll in order, and refusals write nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#lib/db/query-rows.js';
import { commitmentOf, verifyRollProof, type RollProof } from '../dice/index.js';
import { CREATE, dwarfFighter, startCharacterTestServer, type CharacterTestServer } from '../testing/character-test-server.js';

let server: CharacterTestServer;
beforeAll(async () => {
  server = await startCharacterTestServer();
});
afterAll(() => server?.close());

const OWNER = 'dice-owner';
const ROLL_FIELDS = `id characterId purpose expression total hitPointLevel rolledAt dice { sides value kept }
  proof { serverSeed commitment clientSeed nonce nextCommitment algorithm }`;
const ROLL = `mutation($input: RollDiceInput!) { rollDice(input: $input) { roll { ${ROLL_FIELDS} } character { id version } } }`;
const COMMITMENT = `query($id: ID!) { character(id: $id) { version nextRollCommitment { nonce commitment } } }`;
const VERIFY = `query($id: ID!) { verifyRoll(rollId: $id) { valid commitmentMatches diceMatch chainIntact problems roll { id total } } }`;
const ROLLS = `query($id: ID!, $first: Int, $after: String) { rolls(characterId: $id, first: $first, after: $after) {
  edges { cursor node { id proof { nonce } } } pageInfo { hasNextPage endCursor } } }`;
const HIT_POINTS = `mutation($input: RollHitPointsInput!) { rollHitPoints(input: $input) { roll { ${ROLL_FIELDS} } character { hitPointRolls maxHitPoints hitPointLevels { level dieValue rolled hitPoints } } } }`;

type RollView = {
  id: string;
  expression: string;
  total: number;
  dice: RollProof['dice'];
  proof: Omit<RollProof, 'expression' | 'dice' | 'total'> & { algorithm: string };
};

async function newCharacter(overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await server.client.request(CREATE, { input: dwarfFighter(overrides) }, OWNER);
  return created.data!.createCharacter.character.id as string;
}

async function roll(input: Record<string, unknown>, user = OWNER, headers: Record<string, string> = {}) {
  return server.client.request<{ rollDice: { roll: RollView; character: { version: number } } }>(ROLL, { input }, user, headers);
}

const proofOf = (view: RollView): RollProof => ({ ...view.proof, expression: view.expression, dice: view.dice, total: view.total });

describe('rollDice', () => {
  it('rolls with the seed committed to beforehand, reveals it, and chains to the next commitment', async () => {
    const id = await newCharacter();
    const before = await server.client.request(COMMITMENT, { id }, OWNER);
    const promised = before.data!.character.nextRollCommitment;
    expect(promised.nonce).toBe(0);
    const first = await roll({ characterId: id, expression: '1d20+5', purpose: 'Athletics', clientSeed: 'my-seed' });
    expect(first.errors).toBeUndefined();
    const view = first.data!.rollDice.roll;
    expect(view.proof.commitment).toBe(promised.commitment);
    expect(commitmentOf(view.proof.serverSeed)).toBe(promised.commitment);
    expect(view.proof).toMatchObject({ clientSeed: 'my-seed', nonce: 0, algorithm: 'HMAC-SHA256-REJECTION-V1' });
    expect(view.dice).toHaveLength(1);
    expect(view.total).toBe(view.dice[0]!.value + 5);
    // Anyone can redo it offline, with the pure verifier alone.
    expect(verifyRollProof(proofOf(view)).valid).toBe(true);
    // The roll moved the character's stream on, and the next commitment is the one the roll published.
    const after = await server.client.request(COMMITMENT, { id }, OWNER);
    expect(after.data!.character.version).toBe(first.data!.rollDice.character.version);
    expect(after.data!.character.nextRollCommitment).toEqual({ nonce: 1, commitment: view.proof.nextCommitment });
    const second = (await roll({ characterId: id, expression: '1d20', mode: 'ADVANTAGE' })).data!.rollDice.roll;
    expect(second.expression).toBe('2d20kh1');
    expect(second.proof).toMatchObject({ commitment: view.proof.nextCommitment, nonce: 1, clientSeed: '' });
    expect(second.dice.filter((die) => die.kept)).toHaveLength(1);
  });

  it('verifies a roll from the event history, and finds a roll whose dice were edited in the database', async () => {
    const id = await newCharacter();
    await roll({ characterId: id, expression: '2d6' });
    const made = (await roll({ characterId: id, expression: '4d6kh3' })).data!.rollDice.roll;
    // Anyone signed in who has the id may verify it: a roll id is what a player shows the table.
    const verified = await server.client.request(VERIFY, { id: made.id }, 'someone-at-the-table');
    expect(verified.data!.verifyRoll).toEqual({
      valid: true,
      commitmentMatches: true,
      diceMatch: true,
      chainIntact: true,
      problems: [],
      roll: { id: made.id, total: made.total },
    });
    const faked = made.dice.map((die) => ({ ...die, value: die.sides }));
    await server.database.db.execute(
      sql`UPDATE events SET data = jsonb_set(jsonb_set(data, '{dice}', ${JSON.stringify(faked)}::jsonb), '{total}', '18') WHERE event_id = ${made.id}`,
    );
    const forged = (await server.client.request(VERIFY, { id: made.id }, OWNER)).data!.verifyRoll;
    expect(forged).toMatchObject({ valid: false, commitmentMatches: true, diceMatch: false, chainIntact: true });
    expect(forged.problems.join(' ')).toMatch(/the seed gives dice/);
    const unknown = await server.client.request(VERIFY, { id: '00000000-0000-4000-8000-000000000000' }, OWNER);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('never writes an unrevealed seed into an event, and keeps the next one out of every answer', async () => {
    const id = await newCharacter();
    const made = (await roll({ characterId: id, expression: '1d8' })).data!.rollDice.roll;
    const [next] = await queryRows<{ seed: string; nonce: number }>(server.database.db, sql`SELECT seed, nonce FROM roll_seeds WHERE character_id = ${id}`);
    expect(next!.nonce).toBe(1);
    expect(next!.seed).not.toBe(made.proof.serverSeed);
    const leaks = await queryRows(
      server.database.db,
      sql`SELECT 1 FROM events WHERE data::text LIKE ${`%${next!.seed}%`} OR metadata::text LIKE ${`%${next!.seed}%`}`,
    );
    expect(leaks).toHaveLength(0);
    const reads = JSON.stringify([await server.client.request(COMMITMENT, { id }, OWNER), await server.client.request(ROLLS, { id }, OWNER)]);
    expect(reads).not.toContain(next!.seed);
  });

  it("refuses someone else's character, and absurd expressions with their rule, writing nothing", async () => {
    const id = await newCharacter();
    const version = async () => (await server.client.request(COMMITMENT, { id }, OWNER)).data!.character;
    const start = await version();
    const stranger = await roll({ characterId: id, expression: '1d20' }, 'not-the-owner');
    expect(stranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const [expression, rule] of [
      ['1000000d1000000', 'DICE_TOO_MANY'],
      ['1d-6', 'DICE_EXPRESSION_SYNTAX'],
      ["1d20'); DELETE FROM roll_seeds; --", 'DICE_EXPRESSION_SYNTAX'],
      ['1d100000', 'DICE_SIDES_OUT_OF_RANGE'],
    ]) {
      const refused = await roll({ characterId: id, expression });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule });
    }
    expect((await roll({ characterId: id, expression: '1d20', clientSeed: 'x'.repeat(65) })).errors?.[0]?.extensions?.rule).toBe('CLIENT_SEED_INVALID');
    expect((await roll({ characterId: id, expression: '1d20', purpose: 'p'.repeat(201) })).errors?.[0]?.extensions?.rule).toBe('ROLL_PURPOSE_TOO_LONG');
    expect((await roll({ characterId: '00000000-0000-4000-8000-000000000000', expression: '1d20' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await version()).toEqual(start);
  });

  it('answers a retry with the same idempotency-key with the same roll: no re-rolling until the dice please', async () => {
    const id = await newCharacter();
    const first = await roll({ characterId: id, expression: '1d20' }, OWNER, { 'idempotency-key': 'dice-retry' });
    const retry = await roll({ characterId: id, expression: '1d20' }, OWNER, { 'idempotency-key': 'dice-retry' });
    expect(retry.data).toEqual(first.data);
    const listed = await server.client.request(ROLLS, { id }, OWNER);
    expect(listed.data!.rolls.edges).toHaveLength(1);
  });
});

describe('rolls', () => {
  it('lists rolls newest first in pages for the owner, and refuses a stranger', async () => {
    const id = await newCharacter();
    for (let i = 0; i < 3; i++) await roll({ characterId: id, expression: '1d6' });
    const page = (await server.client.request(ROLLS, { id, first: 2 }, OWNER)).data!.rolls;
    expect(page.edges.map((edge: { node: { proof: { nonce: number } } }) => edge.node.proof.nonce)).toEqual([2, 1]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = (await server.client.request(ROLLS, { id, first: 2, after: page.pageInfo.endCursor }, OWNER)).data!.rolls;
    expect(rest.edges.map((edge: { node: { proof: { nonce: number } } }) => edge.node.proof.nonce)).toEqual([0]);
    expect((await server.client.request(ROLLS, { id }, 'a-stranger')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('rollHitPoints', () => {
  it("rolls the class's hit die + CON for the next level, stores the die, and refuses levels out of order", async () => {
    // Level 5 hill dwarf fighter: d10, CON 14 + 2 = 16, modifier +3.
    const id = await newCharacter();
    const rolled = await server.client.request(HIT_POINTS, { input: { characterId: id, level: 2, clientSeed: 'hp' } }, OWNER);
    expect(rolled.errors).toBeUndefined();
    const { roll: view, character } = rolled.data!.rollHitPoints;
    expect(view.expression).toBe('1d10+3');
    expect(view.hitPointLevel).toBe(2);
    const die = view.dice[0].value as number;
    expect(view.total).toBe(die + 3);
    expect(character.hitPointRolls).toEqual([die]);
    // Level 2 now adds the die rolled (+3 CON, +1 hill dwarf) instead of the fixed average of 6.
    expect(character.hitPointLevels[1]).toMatchObject({ level: 2, dieValue: die, rolled: true, hitPoints: Math.max(1, die + 3) + 1 });
    expect(verifyRollProof(proofOf(view)).valid).toBe(true);
    const rule = async (level: number) => (await server.client.request(HIT_POINTS, { input: { characterId: id, level } }, OWNER)).errors?.[0]?.extensions?.rule;
    expect(await rule(2)).toBe('HIT_POINTS_ALREADY_ROLLED');
    expect(await rule(4)).toBe('HIT_POINTS_ROLL_ORDER');
    expect(await rule(6)).toBe('HIT_POINTS_LEVEL_NOT_REACHED');
    expect(await rule(1)).toBe('HIT_POINTS_LEVEL_NOT_REACHED');
    const other = await server.client.request(HIT_POINTS, { input: { characterId: id, level: 3 } }, 'not-the-owner');
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
