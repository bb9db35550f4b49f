import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide, prepare, runBranch } from '../../../../tests/helpers/branch-protocol.js';
import { CREATE, dwarfFighter, startCharacterTestServer, type CharacterTestServer } from '../testing/character-test-server.js';

let server: CharacterTestServer;
beforeAll(async () => {
  server = await startCharacterTestServer();
});
afterAll(() => server.close());

const UPDATE = `mutation($input: UpdateCharacterInput!) {
  updateCharacter(input: $input) { character { id name version experience level maxHitPoints currentHitPoints armorClass backstory alignment updatedAt } }
}`;
const READ = 'query($id: ID!) { character(id: $id) { id name version backstory experience currentHitPoints } }';
const AWARD = `mutation($input: AwardExperienceInput!) {
  awardExperience(input: $input) { previousLevel leveledUp character { experience level version maxHitPoints } }
}`;
const PARTY = 'query($id: ID!) { character(id: $id) { id activeCampaignId } }';
const DELETE = 'mutation($input: DeleteCharacterInput!) { deleteCharacter(input: $input) { deletedCharacterId } }';

async function create(owner = 'alice', overrides: Record<string, unknown> = {}): Promise<string> {
  const result = await server.client.request(CREATE, { input: dwarfFighter(overrides) }, owner);
  expect(result.errors).toBeUndefined();
  return result.data?.createCharacter.character.id;
}

describe('updateCharacter', () => {
  it('changes the given fields, keeps the others and bumps the version', async () => {
    const id = await create();
    const result = await server.client.request(
      UPDATE,
      {
        input: { id, expectedVersion: 1, backstory: 'Exiled from Mithral Hall.', alignment: null, currentHitPoints: 20 },
      },
      'alice',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateCharacter.character).toMatchObject({
      name: 'Bruenor',
      version: 2,
      backstory: 'Exiled from Mithral Hall.',
      alignment: null,
      currentHitPoints: 20,
      armorClass: 18,
    });
    // Dropping the armour re-derives AC: 10 + DEX +1.
    const unarmored = await server.client.request(UPDATE, { input: { id, expectedVersion: 2, inventory: [] } }, 'alice');
    expect(unarmored.data?.updateCharacter.character).toMatchObject({ version: 3, armorClass: 11 });
  });

  it('answers CONFLICT with the current version for a stale expectedVersion, and writes nothing', async () => {
    const id = await create();
    await server.client.request(UPDATE, { input: { id, expectedVersion: 1, name: 'First' } }, 'alice');
    const stale = await server.client.request(UPDATE, { input: { id, expectedVersion: 1, name: 'Second', backstory: 'lost' } }, 'alice');
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 });
    const read = await server.client.request(READ, { id }, 'alice');
    expect(read.data?.character).toMatchObject({ name: 'First', version: 2, backstory: null });
  });

  it('lets exactly one of two concurrent updates from the same version win', async () => {
    const id = await create();
    const results = await Promise.all(['Left', 'Right'].map((name) => server.client.request(UPDATE, { input: { id, expectedVersion: 1, name } }, 'alice')));
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect([winners.length, losers.length]).toEqual([1, 1]);
    const read = await server.client.request(READ, { id }, 'alice');
    expect(read.data?.character).toMatchObject({ version: 2, name: winners[0]?.data?.updateCharacter.character.name });
  });

  it('forbids other users and reports unknown ids', async () => {
    const id = await create();
    const forbidden = await server.client.request(UPDATE, { input: { id, expectedVersion: 1, name: 'Stolen' } }, 'mallory');
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.client.request(READ, { id }, 'alice')).data?.character).toMatchObject({ name: 'Bruenor', version: 1 });
    const unknown = await server.client.request(UPDATE, { input: { id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1 } }, 'alice');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('validates the merged character: null for a required field, hit points over the maximum, bad rolls', async () => {
    const id = await create();
    for (const [input, message] of [
      [{ name: null }, /name cannot be null/],
      [{ currentHitPoints: 55 }, /currentHitPoints must be between 0 and the maximum 54/],
      [{ hitPointRolls: [4, 11] }, /hitPointRolls\[1\] \(level 3\) must be between 1 and 10/],
      [{ experience: -5 }, /experience must be between 0/],
    ] as const) {
      const result = await server.client.request(UPDATE, { input: { id, expectedVersion: 1, ...input } }, 'alice');
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    expect((await server.client.request(READ, { id }, 'alice')).data?.character).toMatchObject({ version: 1, currentHitPoints: 54 });
  });

  it('refuses anonymous callers', async () => {
    const id = await create();
    const result = await server.client.request(UPDATE, { input: { id, expectedVersion: 1, name: 'x' } }, null);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('awardExperience', () => {
  it('adds experience for the owner, reports the level-up and bumps the version', async () => {
    const id = await create('alice', { experience: 6000 });
    const result = await server.client.request(AWARD, { input: { characterId: id, amount: 700, reason: 'Defeated the ogre' } }, 'alice');
    expect(result.errors).toBeUndefined();
    expect(result.data?.awardExperience).toEqual({
      previousLevel: 4,
      leveledUp: true,
      // Level 5 with the fixed average: 14 + 4 x 10.
      character: { experience: 6700, level: 5, version: 2, maxHitPoints: 54 },
    });
    const again = await server.client.request(AWARD, { input: { characterId: id, amount: 100 } }, 'alice');
    expect(again.data?.awardExperience).toMatchObject({ previousLevel: 5, leveledUp: false, character: { experience: 6800, version: 3 } });
  });

  it('adds concurrent awards without losing one', async () => {
    const id = await create('alice', { experience: 0 });
    await Promise.all(Array.from({ length: 5 }, () => server.client.request(AWARD, { input: { characterId: id, amount: 100 } }, 'alice')));
    expect((await server.client.request(READ, { id }, 'alice')).data?.character).toMatchObject({ experience: 500 });
  });

  it('rejects zero and negative amounts', async () => {
    const id = await create();
    for (const amount of [0, -50]) {
      const result = await server.client.request(AWARD, { input: { characterId: id, amount } }, 'alice');
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/amount must be between 1/);
    }
    expect((await server.client.request(READ, { id }, 'alice')).data?.character).toMatchObject({ experience: 6500 });
  });

  it('in a campaign, takes experience from its dungeon master only: the owner awarding or setting their own is refused', async () => {
    const id = await create('alice', { experience: 300 });
    server.inCampaign(id, 'dm-of-alice');
    for (const [caller, query, input] of [
      ['alice', AWARD, { characterId: id, amount: 50_000, reason: 'I say so' }],
      ['mallory', AWARD, { characterId: id, amount: 10 }],
      ['alice', UPDATE, { id, expectedVersion: 1, experience: 355_000 }],
    ] as const) {
      const result = await server.client.request(query, { input }, caller);
      expect([caller, result.errors?.[0]?.extensions]).toEqual([caller, expect.objectContaining({ code: 'FORBIDDEN', rule: 'DM_AWARDS_EXPERIENCE' })]);
    }
    expect((await server.client.request(READ, { id }, 'alice')).data?.character).toMatchObject({ experience: 300, version: 1 });
    const byDm = await server.client.request(AWARD, { input: { characterId: id, amount: 600, reason: 'The ogre' } }, 'dm-of-alice');
    expect(byDm.data?.awardExperience.character).toMatchObject({ experience: 900, level: 3 });
    // The rest of the sheet stays the owner's.
    const renamed = await server.client.request(UPDATE, { input: { id, expectedVersion: 2, name: 'Still mine' } }, 'alice');
    expect(renamed.data?.updateCharacter.character).toMatchObject({ name: 'Still mine', experience: 900 });
  });

  it('out of any campaign, lets only the owner award experience', async () => {
    const id = await create('alice', { experience: 0 });
    const result = await server.client.request(AWARD, { input: { characterId: id, amount: 100 } }, 'mallory');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'DM_AWARDS_EXPERIENCE' });
    expect((await server.client.request(READ, { id }, 'alice')).data?.character).toMatchObject({ experience: 0 });
  });

  it('reports unknown characters', async () => {
    const result = await server.client.request(AWARD, { input: { characterId: '00000000-0000-4000-8000-000000000000', amount: 10 } }, 'alice');
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('deleteCharacter', () => {
  it('lets only the owner delete', async () => {
    const id = await create();
    const forbidden = await server.client.request(DELETE, { input: { id } }, 'mallory');
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const deleted = await server.client.request(DELETE, { input: { id } }, 'alice');
    expect(deleted.data?.deleteCharacter).toEqual({ deletedCharacterId: id });
    expect((await server.client.request(READ, { id }, 'alice')).data?.character).toBeNull();
    const again = await server.client.request(DELETE, { input: { id } }, 'alice');
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses (CONFLICT) while the character is in a party, and deletes it once it has left', async () => {
    const id = await create('alice');
    const campaignId = randomUUID();
    const joined = await runBranch(server.client, { operation: 'joinCampaign', payload: { characterId: id, campaignId }, actor: 'alice' });
    expect(joined.errorCode).toBeUndefined();

    const refused = await server.client.request(DELETE, { input: { id } }, 'alice');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', characterId: id, campaignId });
    expect((await server.client.request(PARTY, { id }, 'alice')).data?.character).toEqual({ id, activeCampaignId: campaignId });

    const left = await runBranch(server.client, { operation: 'leaveCampaign', payload: { characterId: id, campaignId }, actor: 'alice' });
    expect(left.errorCode).toBeUndefined();
    expect((await server.client.request(DELETE, { input: { id } }, 'alice')).data?.deleteCharacter).toEqual({ deletedCharacterId: id });
  });

  it("refuses (CONFLICT) while the character's branch of a joinParty is prepared, before the hub's decision", async () => {
    const id = await create('alice');
    const pending = await prepare(server.client, { operation: 'joinCampaign', payload: { characterId: id, campaignId: randomUUID() }, actor: 'alice' });
    expect(pending.errorCode).toBeUndefined();
    expect((await server.client.request(DELETE, { input: { id } }, 'alice')).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await decide(server.client, pending.transactionId, 'abort')).toEqual({ state: 'ABORTED' });
    expect((await server.client.request(DELETE, { input: { id } }, 'alice')).data?.deleteCharacter).toEqual({ deletedCharacterId: id });
  });
});
