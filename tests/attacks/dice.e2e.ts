/**
 * The hostile-input suite, fair dice: reaching for the seed of a roll not yet made by every read path, rolling for
 * someone else's character, absurd and hostile expressions, re-rolling by replaying a request, and passing off a
 * forged roll. Through the real gateway; each refusal writes nothing (the commitment and version stay put).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRollProof, type RollProof } from '../../subgraphs/character/src/dice/index.js';
import { gameFixtures } from '../helpers/game-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';
import { subscribeOverSse } from '../helpers/subscriptions.js';
import { expectNoLeak, expectRefused, expectUnchanged } from './expect-refused.js';

let platform: TestPlatform;
let fx: ReturnType<typeof gameFixtures>;
let campaignId: string;
let characterId: string;
const OWNER = 'dice-attack-owner';
const DM = 'dice-attack-dm';
const STRANGER = 'dice-attack-stranger';

const ROLL_FIELDS = 'id expression total dice { sides value kept } proof { serverSeed commitment clientSeed nonce nextCommitment algorithm }';
const ROLL = `mutation($input: RollDiceInput!) { rollDice(input: $input) { roll { ${ROLL_FIELDS} } } }`;
const STATE = 'query($id: ID!) { character(id: $id) { version nextRollCommitment { nonce commitment } } }';
const ROLLS = `query($id: ID!) { rolls(characterId: $id) { edges { node { ${ROLL_FIELDS} } } } }`;
const VERIFY = 'query($id: ID!) { verifyRoll(rollId: $id) { valid problems roll { id } } }';

beforeAll(async () => {
  platform = await startTestPlatform();
  fx = gameFixtures(platform);
  campaignId = await fx.campaign(DM, [OWNER]);
  characterId = await fx.character(OWNER, 'Seeker');
  expect((await fx.joinParty(OWNER, campaignId, characterId)).errors).toBeUndefined();
  await fx.ok(ROLL, { input: { characterId, expression: '1d20' } }, OWNER);
});
afterAll(async () => platform?.stop());

const stateOf = async () => (await fx.ok(STATE, { id: characterId }, OWNER)).character;
const roll = (input: Record<string, unknown>, user = OWNER) => platform.gql(ROLL, { input }, user);

describe('fair dice attacks', () => {
  it('reads no unrevealed seed by any path: sheet, rolls, verifyRoll, events history, refusals; the next roll then reveals it', async () => {
    const seen: unknown[] = [];
    for (const user of [OWNER, DM, STRANGER]) {
      seen.push(await platform.gql(STATE, { id: characterId }, user));
      seen.push(await platform.gql(ROLLS, { id: characterId }, user));
      seen.push(await platform.gql('query($id: ID!) { character(id: $id) { id name version hitPointRolls } }', { id: characterId }, user));
      seen.push(await roll({ characterId, expression: '1d2000' }, user));
    }
    const history = subscribeOverSse(
      `${platform.url}/graphql`,
      { query: 'subscription($s: String) { characterEvents(streamId: $s, afterPosition: 0) { type data } }', variables: { s: `character-${characterId}` } },
      { authorization: `Bearer ${await platform.token(OWNER)}` },
    );
    await history.connected;
    for (let i = 0; i < 2; i++) seen.push(await history.next());
    history.dispose();
    // Made now, this roll reveals the seed that was secret during every read above.
    const revealed = (await fx.ok(ROLL, { input: { characterId, expression: '1d20' } }, OWNER)).rollDice.roll.proof.serverSeed as string;
    expectNoLeak(seen, [revealed], 'the reads before the roll');
  });

  it("refuses a roll for someone else's character (FORBIDDEN), the DM's included, writing nothing", async () => {
    const before = await stateOf();
    for (const user of [STRANGER, DM]) expectRefused(await roll({ characterId, expression: '1d20' }, user), 200, 'FORBIDDEN');
    await expectUnchanged(before, stateOf, "the character's version and next commitment");
  });

  it('refuses absurd, negative and injected expressions and client seeds with BAD_USER_INPUT, writing nothing', async () => {
    const before = await stateOf();
    const hostile = [
      { expression: '1000000d1000000' },
      { expression: '1d-6' },
      { expression: '1d20-' },
      { expression: '0d20' },
      { expression: "1d20'); DROP TABLE roll_seeds; --" },
      { expression: '<script>alert(1)</script>' },
      { expression: '1d6+'.repeat(3000) },
      { expression: '99999999999999999999d6' },
      { expression: '1d20', clientSeed: 'seed\u0000with\nnul' },
      { expression: '1d20', mode: 'ADVANTAGE', purpose: 'x'.repeat(5000) },
    ];
    for (const input of hostile) {
      const answer = await roll({ characterId, ...input });
      expectRefused(answer, 200, 'BAD_USER_INPUT');
      expect(answer.errors?.[0]?.extensions?.rule, input.expression.slice(0, 30)).toMatch(/^(DICE_|CLIENT_SEED|ROLL_PURPOSE)/);
    }
    await expectUnchanged(before, stateOf, "the character's version and next commitment");
  });

  it('cannot re-roll by replaying a request: the same idempotency-key answers the same roll', async () => {
    const send = async () => {
      const response = await fetch(`${platform.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await platform.token(OWNER)}`, 'idempotency-key': 'dice-attack-replay' },
        body: JSON.stringify({ query: ROLL, variables: { input: { characterId, expression: '1d20' } } }),
      });
      return (await response.json()) as { data: { rollDice: { roll: { id: string; total: number } } } };
    };
    const first = await send();
    const before = await stateOf();
    const replayed = await send();
    expect(replayed.data.rollDice.roll).toEqual(first.data.rollDice.roll);
    await expectUnchanged(before, stateOf, 'the character after the replay');
  });

  it('passes off no forged roll: made-up ids are NOT_FOUND, an edited proof fails the offline verifier', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', "' OR 1=1 --", characterId]) {
      expectRefused(await platform.gql(VERIFY, { id }, STRANGER), 200, 'NOT_FOUND');
    }
    const made = (await fx.ok(ROLL, { input: { characterId, expression: '2d6' } }, OWNER)).rollDice.roll;
    const proof: RollProof = { ...made.proof, expression: made.expression, dice: made.dice, total: made.total };
    expect(verifyRollProof(proof).valid).toBe(true);
    expect(verifyRollProof({ ...proof, dice: proof.dice.map((die) => ({ ...die, value: 6 })), total: 12 }).valid).toBe(
      proof.dice.every((die) => die.value === 6),
    );
    // The same dice passed off as a roll with a bigger bonus: the expression is part of what the dice came from, so
    // the seed redraws them. Eight d6 so that a redraw repeating all eight by chance (6^-8) cannot flake the test;
    // with 2d6 it did, one run in 36.
    const many = (await fx.ok(ROLL, { input: { characterId, expression: '8d6' } }, OWNER)).rollDice.roll;
    const manyProof: RollProof = { ...many.proof, expression: many.expression, dice: many.dice, total: many.total };
    expect(verifyRollProof(manyProof).valid).toBe(true);
    expect(verifyRollProof({ ...manyProof, expression: '8d6+10', total: manyProof.total + 10 }).valid).toBe(false);
    expect((await fx.ok(VERIFY, { id: made.id }, STRANGER)).verifyRoll.valid).toBe(true);
  });
});
