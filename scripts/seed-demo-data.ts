/** The demo world `npm run seed` creates: original names, SRD 5.1 races and classes. */
import type { AbilityScoresInput, Alignment, CharacterClass, InventoryItemInput, Race, Skill, Visibility } from '../frontend-sdk/src/index.js';

export const DEMO_DM = 'demo-dm';
export const DEMO_CAMPAIGN = {
  name: 'Embers of the Ashen Vale',
  setting: 'A valley of cinder-grey forests below a sleeping volcano, where the town of Hollowmere trades in obsidian and rumours.',
  description: 'A low-level campaign of buried temples, smuggler feuds and a mountain that is waking up.',
};

/** A player and the character they create: the fields are the SDK's CreateCharacterInput, checked by the compiler. */
export interface DemoCharacter {
  player: string;
  name: string;
  race: Race;
  class: CharacterClass;
  background: string;
  alignment: Alignment;
  abilityScores: AbilityScoresInput;
  skillProficiencies: Skill[];
  inventory: InventoryItemInput[];
  colors: [[number, number, number], [number, number, number]];
}

export const DEMO_CHARACTERS: DemoCharacter[] = [
  {
    player: 'demo-player-1',
    name: 'Brakka Stonehew',
    race: 'HILL_DWARF',
    class: 'FIGHTER',
    background: 'Soldier',
    alignment: 'LAWFUL_GOOD',
    abilityScores: { strength: 15, dexterity: 12, constitution: 14, intelligence: 8, wisdom: 13, charisma: 10 },
    skillProficiencies: ['ATHLETICS', 'PERCEPTION'],
    inventory: [
      { name: 'Chain mail', weight: 55, equipped: true, armor: 'CHAIN_MAIL' },
      { name: 'Shield', weight: 6, equipped: true, armor: 'SHIELD' },
      { name: 'Battleaxe', weapon: 'BATTLEAXE', equipped: true },
    ],
    colors: [
      [120, 72, 40],
      [220, 180, 120],
    ],
  },
  {
    player: 'demo-player-2',
    name: 'Ilyra Moonwhisper',
    race: 'HIGH_ELF',
    class: 'WIZARD',
    background: 'Sage',
    alignment: 'NEUTRAL_GOOD',
    abilityScores: { strength: 8, dexterity: 14, constitution: 13, intelligence: 15, wisdom: 12, charisma: 10 },
    skillProficiencies: ['ARCANA', 'HISTORY'],
    inventory: [
      { name: 'Spellbook', weight: 3 },
      { name: 'Quarterstaff', weapon: 'QUARTERSTAFF', equipped: true },
    ],
    colors: [
      [40, 50, 120],
      [170, 200, 255],
    ],
  },
  {
    player: 'demo-player-3',
    name: 'Pip Underbough',
    race: 'LIGHTFOOT_HALFLING',
    class: 'ROGUE',
    background: 'Criminal',
    alignment: 'CHAOTIC_GOOD',
    abilityScores: { strength: 8, dexterity: 15, constitution: 12, intelligence: 13, wisdom: 10, charisma: 14 },
    skillProficiencies: ['STEALTH', 'SLEIGHT_OF_HAND', 'DECEPTION', 'ACROBATICS'],
    inventory: [
      { name: 'Leather armor', weight: 10, equipped: true, armor: 'LEATHER' },
      { name: "Thieves' tools", weight: 1 },
    ],
    colors: [
      [30, 90, 50],
      [200, 230, 150],
    ],
  },
  {
    player: 'demo-player-4',
    name: 'Sister Maren Vale',
    race: 'HUMAN',
    class: 'CLERIC',
    background: 'Acolyte',
    alignment: 'LAWFUL_NEUTRAL',
    abilityScores: { strength: 13, dexterity: 10, constitution: 13, intelligence: 10, wisdom: 15, charisma: 12 },
    // The Acolyte background grants Insight and Religion itself: the cleric's two come from the rest of its list.
    skillProficiencies: ['MEDICINE', 'PERSUASION'],
    inventory: [
      { name: 'Scale mail', weight: 45, equipped: true, armor: 'SCALE_MAIL' },
      { name: 'Shield', weight: 6, equipped: true, armor: 'SHIELD' },
    ],
    colors: [
      [150, 140, 60],
      [250, 245, 210],
    ],
  },
];

export const DEMO_NPCS: Array<{ name: string; description: string; visibility: Visibility }> = [
  { name: 'Warden Osric Fell', description: "Hollowmere's tired watch captain; owes the smugglers more than he admits.", visibility: 'PUBLIC' },
  { name: 'The Ash Widow', description: "Leader of the obsidian smugglers and secretly the volcano cult's high priestess.", visibility: 'DM_ONLY' },
];
export const DEMO_LOCATIONS: Array<{ name: string; description: string; visibility: Visibility }> = [
  { name: 'Hollowmere', description: 'A market town of black-glass roofs at the mouth of the vale.', visibility: 'PUBLIC' },
  { name: 'The Cinder Temple', description: 'A buried temple under the caldera where the cult gathers.', visibility: 'DM_ONLY' },
];
export const DEMO_QUESTS: Array<{ title: string; description: string; visibility: Visibility }> = [
  { title: 'The missing caravan', description: 'Find the obsidian caravan that never reached Hollowmere.', visibility: 'PARTY' },
];
