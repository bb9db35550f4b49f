/**
 * `npm run check`'s authority check on the real platform: a game played through the gateway (a party joined, a
 * session's XP, a DM's award, a solo owner's award) is clean; then the attack the gateway refuses, a player's
 * +99,999 XP to their own character in a campaign, appended straight into the stopped character database with
 * the event store's own function, hash chain and read table intact, is found, named by stream and position; so is
 * a roll whose dice were edited before it was appended (a proof that does not verify).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#lib/db/open-database.js';
import { readStream } from '#lib/event-store/read-stream.js';
import { recordEvents } from '#lib/event-store/record-events.js';
import { characterStreamId } from '../subgraphs/character/src/events/character-events.js';
import { replayTarget } from '../subgraphs/character/src/events/replay-target.js';
import { gameFixtures } from './helpers/game-fixtures.js';
import { checkAfterStop, platformTool } from './helpers/platform-tools.js';
import { startTestPlatform, type TestPlatform } from './helpers/platform.js';

// 3 minutes: the check opens all four databases afresh (PGlite loads for seconds each on two busy cores).
const CHECK_TIMEOUT_MS = 180_000;
const AWARD = 'mutation($input: AwardExperienceInput!) { awardExperience(input: $input) { character { experience } } }';
const ROLL = 'mutation($input: RollDiceInput!) { rollDice(input: $input) { roll { id total } } }';

let platform: TestPlatform;
let hero: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  const fx = gameFixtures(platform);
  const campaignId = await fx.campaign('dm', ['pam']);
  hero = await fx.character('pam');
  const solo = await fx.character('sol', 'Lidda');
  expect((await fx.joinParty('pam', campaignId, hero)).errors).toBeUndefined();
  expect((await fx.endSession('dm', await fx.session('dm', campaignId), 300)).errors).toBeUndefined();
  await fx.ok(AWARD, { input: { characterId: hero, amount: 50, reason: 'Clever plan' } }, 'dm');
  await fx.ok(AWARD, { input: { characterId: solo, amount: 50 } }, 'sol');
  // Two honest rolls: the clean check verifies each proof and the chain between them.
  for (const purpose of ['Stealth', 'Perception']) {
    await fx.ok(ROLL, { input: { characterId: hero, expression: '1d20+3', purpose, clientSeed: `seed-${purpose}` } }, 'pam');
  }
  const refused = await platform.gql(AWARD, { input: { characterId: hero, amount: 99_999 } }, 'pam');
  expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'DM_AWARDS_EXPERIENCE' });
});
afterAll(async () => platform?.stop());

/** The stopped platform's own character database: its PGlite directory, or its prefixed schema when DATABASE_URL is set. */
function openCharacterDatabase() {
  return openDatabase({
    service: 'character',
    schema: replayTarget.schema,
    migrationsFolder: replayTarget.migrationsFolder,
    directory: path.join(platform.dataDir, 'character'),
    ...(platform.schemaPrefix ? { schemaName: `${platform.schemaPrefix}character` } : {}),
  });
}

/** What an attacker holding the character database writes: a valid, projected event in the owner's name. */
async function forge(characterId: string, owner: string, event: { type: string; data: unknown }): Promise<{ version: number; position: number }> {
  const database = await openCharacterDatabase();
  try {
    const appended = await database.db.transaction((tx) =>
      recordEvents(tx, replayTarget.projection, {
        streamId: characterStreamId(characterId),
        expectedVersion: 'any',
        events: [event],
        correlationId: randomUUID(),
        userId: owner,
      }),
    );
    return { version: appended.toVersion, position: appended.positions[0]! };
  } finally {
    await database.close();
  }
}

describe('the authority check', () => {
  it(
    'finds every event of a game played through the gateway produced by an allowed actor',
    async () => {
      const result = await checkAfterStop(platform);
      console.log(result.stdout);
      expect(result.stdout).toMatch(/authority: \d+ events of \d+ streams produced by allowed actors/);
      expect(result.stdout).toContain('check passed');
      expect(result.code, result.stdout).toBe(0);
    },
    CHECK_TIMEOUT_MS,
  );

  it(
    'fails on a forged self-award with a valid hash chain, naming its stream, version and DM_AWARDS_EXPERIENCE',
    async () => {
      const { version, position } = await forge(hero, 'pam', {
        type: 'ExperienceAwarded',
        data: { characterId: hero, amount: 99_999, reason: 'I deserve it' },
      });
      const result = await platformTool(platform, 'check');
      console.log(result.stdout);
      // Nothing but authority can tell: the chain verifies and the read table equals a replay that includes it.
      expect(result.stdout).toMatch(/character: \d+ streams, \d+ events: hash chains and versions intact/);
      expect(result.stdout).toContain('character: read tables equal a replay of the events');
      const line = `authority: character stream ${characterStreamId(hero)} version ${version} (position ${position}): ExperienceAwarded by pam breaks DM_AWARDS_EXPERIENCE:`;
      expect(result.stdout).toContain(line);
      expect(result.stdout).toContain('check FAILED: 1 violation(s)');
      expect(result.code).toBe(1);
    },
    CHECK_TIMEOUT_MS,
  );

  it(
    'fails on a roll whose dice were edited (a natural 20 it never rolled), naming it ROLL_VERIFIES',
    async () => {
      // The last honest roll's event as stored, its die replaced by a 20: a roll the seed does not give.
      const database = await openCharacterDatabase();
      let honest: Record<string, unknown>;
      try {
        const events = await readStream(database.db, characterStreamId(hero));
        honest = events.filter((event) => event.type === 'DiceRolled').at(-1)!.data as Record<string, unknown>;
      } finally {
        await database.close();
      }
      const dice = honest.dice as Array<{ sides: number; value: number; kept: boolean }>;
      const edited = { ...honest, rollId: randomUUID(), dice: dice.map((die) => ({ ...die, value: 20 })), total: 23 };
      const { version } = await forge(hero, 'pam', { type: 'DiceRolled', data: edited });
      const result = await platformTool(platform, 'check');
      console.log(result.stdout);
      expect(result.stdout).toMatch(
        new RegExp(`authority: character stream ${characterStreamId(hero)} version ${version} \\(position \\d+\\): DiceRolled by pam breaks ROLL_VERIFIES:`),
      );
      expect(result.code).toBe(1);
    },
    CHECK_TIMEOUT_MS,
  );
});
