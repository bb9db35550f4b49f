// A journey: create a character, level it up, put armour on it (guarded by its version), draw its portrait.
import { CharacterInventoryDocument, createDndClient, CreateCharacterDocument, EquipArmourDocument, GeneratePortraitDocument, LevelUpDocument, type Result } from '../src/index.js';

const client = createDndClient({ url: process.env.DND_GRAPHQL_URL ?? 'http://localhost:4000/graphql', token: process.env.TOKEN });

/** The data, or stop with the error's code: enough for a script. */
function check<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} (request ${result.requestId})`);
  return result.data;
}

const { createCharacter } = check(
  await client.request(CreateCharacterDocument, {
    input: {
      name: 'Wren Hollowell',
      race: 'LIGHTFOOT_HALFLING',
      class: 'RANGER',
      abilityScores: { strength: 10, dexterity: 15, constitution: 13, intelligence: 10, wisdom: 14, charisma: 8 },
      skillProficiencies: ['STEALTH', 'SURVIVAL'],
    },
  }),
);
const id = createCharacter.character.id;
console.log(`created ${createCharacter.character.name}: AC ${createCharacter.character.armorClass}, ${createCharacter.character.maxHitPoints} HP`);

const { awardExperience } = check(await client.request(LevelUpDocument, { input: { characterId: id, amount: 900, reason: 'the wolf hunt' } }));
console.log(`level ${awardExperience.previousLevel} -> ${awardExperience.character.level}`);

// The whole inventory goes back with the version it was read at: CONFLICT if someone changed the sheet meanwhile.
const { character } = check(await client.request(CharacterInventoryDocument, { id }));
const inventory = [...(character?.inventory ?? []), { name: 'Studded leather', armor: 'STUDDED_LEATHER' as const, equipped: true }];
const { updateCharacter } = check(await client.request(EquipArmourDocument, { input: { id, expectedVersion: character?.version ?? 1, inventory } }));
console.log(`in ${updateCharacter.character.equippedArmor?.armor.toLowerCase()}: AC ${updateCharacter.character.armorClass}`);

const { generatePortrait } = check(await client.request(GeneratePortraitDocument, { input: { characterId: id } }));
console.log(`portrait ${generatePortrait.image.width}x${generatePortrait.image.height} by ${generatePortrait.image.provider}: ${generatePortrait.image.url}`);
