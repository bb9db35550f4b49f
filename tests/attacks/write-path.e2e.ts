/**
 * The hostile-input suite, the one write path (lib/domain): every write is decided under its stream's lock from the
 * latest state, on the version the client names. Attacks: a stranger's writes with any version (FORBIDDEN, and no
 * version learnt from a CONFLICT), a stale version replayed, a race of two writes from one version, writes to a
 * deleted character, a second delete. Each refusal has its code, no stack or SQL, and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gameFixtures } from '../helpers/game-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';
import { expectRefused, expectUnchanged } from './expect-refused.js';

let platform: TestPlatform;
let fx: ReturnType<typeof gameFixtures>;

const READ = 'query($id: ID!) { character(id: $id) { id version name conditions exhaustion experience } }';
const UPDATE = 'mutation($input: UpdateCharacterInput!) { updateCharacter(input: $input) { character { id version name } } }';
const CONDITIONS = 'mutation($input: SetConditionsInput!) { setConditions(input: $input) { character { id version conditions } } }';
const DELETE = 'mutation($input: DeleteCharacterInput!) { deleteCharacter(input: $input) { deletedCharacterId } }';

beforeAll(async () => {
  platform = await startTestPlatform();
  fx = gameFixtures(platform);
});
afterAll(async () => platform?.stop());

const read = async (id: string) => (await platform.gql(READ, { id }, 'wp-owner')).data?.character ?? null;

describe('one write path under attack', () => {
  it("a stranger's update or play command is FORBIDDEN at every version, the right one included: no version is learnt", async () => {
    const id = await fx.character('wp-owner', 'Vesna');
    const before = await read(id);
    for (const expectedVersion of [0, before.version, before.version + 7]) {
      expectRefused(await platform.gql(UPDATE, { input: { id, expectedVersion, name: 'Pwned' } }, 'wp-stranger'), 200, 'FORBIDDEN');
      expectRefused(
        await platform.gql(CONDITIONS, { input: { characterId: id, expectedVersion, conditions: ['PARALYZED'], exhaustion: 6 } }, 'wp-stranger'),
        200,
        'FORBIDDEN',
      );
    }
    await expectUnchanged(before, () => read(id), "the owner's character");
  });

  it('a stale version replayed is a CONFLICT naming the version to reload, and writes nothing', async () => {
    const id = await fx.character('wp-owner', 'Mirek');
    const first = await platform.gql(UPDATE, { input: { id, expectedVersion: 1, name: 'Mirek the Bold' } }, 'wp-owner');
    expect(first.errors).toBeUndefined();
    const before = await read(id);
    const replayed = await platform.gql(UPDATE, { input: { id, expectedVersion: 1, name: 'Mirek the Replayed' } }, 'wp-owner');
    expectRefused(replayed, 200, 'CONFLICT');
    expect(replayed.errors?.[0]?.extensions).toMatchObject({ currentVersion: 2, expectedVersion: 1 });
    const stalePlay = await platform.gql(CONDITIONS, { input: { characterId: id, expectedVersion: 1, conditions: ['PRONE'], exhaustion: 0 } }, 'wp-owner');
    expectRefused(stalePlay, 200, 'CONFLICT');
    await expectUnchanged(before, () => read(id), 'the character');
  });

  it('of two writes raced from one version exactly one lands; the other is a CONFLICT', async () => {
    const id = await fx.character('wp-owner', 'Zora');
    const racers = await Promise.all(
      ['Zora the First', 'Zora the Second', 'Zora the Third'].map((name) => platform.gql(UPDATE, { input: { id, expectedVersion: 1, name } }, 'wp-owner')),
    );
    const won = racers.filter((answer) => !answer.errors);
    expect(won).toHaveLength(1);
    for (const lost of racers.filter((answer) => answer.errors)) expectRefused(lost, 200, 'CONFLICT');
    const after = await read(id);
    expect(after).toMatchObject({ version: 2, name: won[0]!.data?.updateCharacter.character.name });
  });

  it('writes to a deleted character are NOT_FOUND, a second delete too, and nothing comes back to life', async () => {
    const id = await fx.character('wp-owner', 'Ludek');
    expect((await platform.gql(DELETE, { input: { id } }, 'wp-owner')).errors).toBeUndefined();
    expectRefused(await platform.gql(DELETE, { input: { id } }, 'wp-owner'), 200, 'NOT_FOUND');
    expectRefused(await platform.gql(UPDATE, { input: { id, expectedVersion: 1, name: 'Ludek Returns' } }, 'wp-owner'), 200, 'NOT_FOUND');
    expectRefused(
      await platform.gql(CONDITIONS, { input: { characterId: id, expectedVersion: 2, conditions: [], exhaustion: 0 } }, 'wp-owner'),
      200,
      'NOT_FOUND',
    );
    expect(await read(id)).toBeNull();
  });

  it("a stranger's delete is FORBIDDEN and deletes nothing", async () => {
    const id = await fx.character('wp-owner', 'Bozena');
    const before = await read(id);
    expectRefused(await platform.gql(DELETE, { input: { id } }, 'wp-stranger'), 200, 'FORBIDDEN');
    await expectUnchanged(before, () => read(id), 'the character');
  });
});
