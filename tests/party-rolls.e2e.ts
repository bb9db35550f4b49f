/**
 * Fair dice through the real gateway, five processes: the dungeon master watches the party's rolls live (partyRolls)
 * and a player's character events (characterEvents), both of which make the character service ask the campaign
 * service who runs the table, on the subscriber's behalf, through the hub. That ask is a delegation from inside a
 * subscription: it works only because the gateway signs the upstream subscription as delegable for its lifetime.
 * Players of the party and outsiders are refused; every roll received verifies offline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRollProof, type RollProof } from '../subgraphs/character/src/dice/index.js';
import { gameFixtures } from './helpers/game-fixtures.js';
import { startTestPlatform, type TestPlatform } from './helpers/platform.js';
import { subscribeOverSse } from './helpers/subscriptions.js';

let platform: TestPlatform;
let fixtures: ReturnType<typeof gameFixtures>;
beforeAll(async () => {
  platform = await startTestPlatform();
  fixtures = gameFixtures(platform);
});
afterAll(async () => platform?.stop());

const DM = 'dice-dm';
const PLAYER = 'dice-player';
const OTHER_PLAYER = 'dice-other-player';
const OUTSIDER = 'dice-outsider';

const PARTY_ROLLS = `subscription($campaignId: ID!) { partyRolls(campaignId: $campaignId) {
  id characterId purpose expression total dice { sides value kept } character { name }
  proof { serverSeed commitment clientSeed nonce nextCommitment algorithm } } }`;
const EVENTS = 'subscription($streamId: String) { characterEvents(streamId: $streamId, type: "DiceRolled") { type data } }';
const ROLL = 'mutation($input: RollDiceInput!) { rollDice(input: $input) { roll { id total } } }';

const headersOf = async (user: string) => ({ authorization: `Bearer ${await platform.token(user)}` });

describe('party rolls through the gateway', () => {
  it("delivers a player's roll live to the campaign's dungeon master, with a proof that verifies", async () => {
    const campaignId = await fixtures.campaign(DM, [PLAYER, OTHER_PLAYER], 'Dice at the table');
    const characterId = await fixtures.character(PLAYER, 'Lidda');
    const joined = await fixtures.joinParty(PLAYER, campaignId, characterId);
    expect(joined.errors).toBeUndefined();
    const soloId = await fixtures.character(PLAYER, 'Not in the party');

    const watching = subscribeOverSse(`${platform.url}/graphql`, { query: PARTY_ROLLS, variables: { campaignId } }, await headersOf(DM));
    const events = subscribeOverSse(`${platform.url}/graphql`, { query: EVENTS, variables: { streamId: `character-${characterId}` } }, await headersOf(DM));
    await Promise.all([watching.connected, events.connected]);

    // A roll of a character outside the party is not the DM's to see; the party member's next roll is.
    await fixtures.ok(ROLL, { input: { characterId: soloId, expression: '1d4' } }, PLAYER);
    const made = await fixtures.ok(ROLL, { input: { characterId, expression: '1d20+4', purpose: 'Stealth', clientSeed: 'lidda' } }, PLAYER);

    const received = await watching.next();
    expect(received.errors).toBeUndefined();
    const roll = received.data!.partyRolls;
    expect(roll).toMatchObject({ id: made.rollDice.roll.id, characterId, purpose: 'Stealth', total: made.rollDice.roll.total, character: { name: 'Lidda' } });
    const proof: RollProof = { ...roll.proof, expression: roll.expression, dice: roll.dice, total: roll.total };
    expect(verifyRollProof(proof).valid).toBe(true);

    // characterEvents' DM check takes the same road, and now lets the DM see the player's events.
    const event = await events.next();
    expect(event.errors).toBeUndefined();
    expect(event.data!.characterEvents).toMatchObject({ type: 'DiceRolled', data: { rollId: made.rollDice.roll.id, clientSeed: 'lidda' } });
    watching.dispose();
    events.dispose();

    // A player of the same party, and someone from outside it, are refused, visibly.
    for (const user of [OTHER_PLAYER, PLAYER, OUTSIDER]) {
      const refused = subscribeOverSse(`${platform.url}/graphql`, { query: PARTY_ROLLS, variables: { campaignId } }, await headersOf(user));
      const answer = await refused.next();
      expect(answer.errors?.[0]?.extensions?.code, user).toBe('FORBIDDEN');
      refused.dispose();
    }
  });
});
