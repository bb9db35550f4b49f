import type { Subclass } from '../subclasses.js';
import { repeated, stepped, type FeatureDefinition } from './feature-definition.js';
import { paladinAuraRange } from './classes/paladin.js';

// SRD 5.1 Champion: Improved Critical scores a critical on 19-20, Superior Critical on 18-20.
const IMPROVED_CRITICAL = 19;
const SUPERIOR_CRITICAL = 18;
// SRD 5.1 Draconic Bloodline: unarmoured AC 13 + Dexterity, and 1 extra hit point per sorcerer level.
const DRACONIC_BASE_AC = 13;

/** The features of the SRD 5.1's twelve subclasses, at the class level each arrives. */
export const SUBCLASS_FEATURES: Record<Subclass, FeatureDefinition[]> = {
  BERSERKER: [
    { name: 'Frenzy', level: 3, description: 'Rage in a frenzy for a bonus-action melee attack every turn, at the cost of exhaustion afterwards.' },
    { name: 'Mindless Rage', level: 6, description: 'While raging you cannot be charmed or frightened.' },
    { name: 'Intimidating Presence', level: 10, description: 'Frighten a creature with your action if it fails a Wisdom save.' },
    { name: 'Retaliation', level: 14, description: 'Strike back with your reaction at a nearby creature that damages you.' },
  ],
  LORE: [
    { name: 'Bonus Proficiencies', level: 3, description: 'Proficiency in three more skills of your choice.' },
    { name: 'Cutting Words', level: 3, description: "Spend Bardic Inspiration to subtract its die from a foe's attack, check or damage." },
    { name: 'Additional Magical Secrets', level: 6, description: "Learn two spells from any class's list." },
    { name: 'Peerless Skill', level: 14, description: 'Spend Bardic Inspiration on your own ability check.' },
  ],
  LIFE: [
    { name: 'Bonus Proficiency', level: 1, description: 'Proficiency with heavy armour.' },
    { name: 'Disciple of Life', level: 1, description: 'Healing spells of 1st level or higher restore 2 + the spell level extra hit points.' },
    {
      name: 'Channel Divinity: Preserve Life',
      level: 2,
      description: 'Share out healing of five times your cleric level among nearby wounded creatures.',
      value: (level) => `${5 * level} HP`,
    },
    { name: 'Blessed Healer', level: 6, description: 'Healing someone else with a spell heals you 2 + the spell level too.' },
    {
      name: 'Divine Strike',
      level: 8,
      description: 'Once per turn a weapon hit deals extra radiant damage.',
      value: stepped([
        [8, '1d8'],
        [14, '2d8'],
      ]),
    },
    { name: 'Supreme Healing', level: 17, description: 'Healing spells restore the most their dice could roll instead of rolling.' },
  ],
  LAND: [
    { name: 'Circle of the Land', level: 2, description: 'Your circle is bound to one land, which chooses your circle spells.' },
    { name: 'Bonus Cantrip', level: 2, description: 'Learn one more druid cantrip.' },
    { name: 'Natural Recovery', level: 2, description: 'Once a day, a short rest recovers spent slots worth up to half your druid level.' },
    ...repeated('Circle Spells', [3, 5, 7, 9], "Your land's spells of the new spell level are always prepared."),
    { name: "Land's Stride", level: 6, description: 'Nonmagical difficult terrain and plants neither slow nor harm you.' },
    { name: "Nature's Ward", level: 10, description: 'Immune to poison and disease, and to charm and fear from elementals and fey.' },
    { name: "Nature's Sanctuary", level: 14, description: 'Beasts and plants must pass a Wisdom save to attack you.' },
  ],
  CHAMPION: [
    {
      name: 'Improved Critical',
      level: 3,
      description: 'Weapon attacks score a critical hit on a roll of 19 or 20.',
      value: () => '19-20',
      effects: [{ type: 'CRITICAL_RANGE', minimum: IMPROVED_CRITICAL }],
    },
    {
      name: 'Remarkable Athlete',
      level: 7,
      description: 'Add half your proficiency bonus (rounded up) to Strength, Dexterity and Constitution checks you are not proficient in.',
      effects: [{ type: 'NON_PROFICIENT_CHECKS', rounding: 'UP', abilities: ['STRENGTH', 'DEXTERITY', 'CONSTITUTION'] }],
    },
    { name: 'Additional Fighting Style', level: 10, description: 'Adopt a second fighting style.' },
    {
      name: 'Superior Critical',
      level: 15,
      description: 'Weapon attacks score a critical hit on a roll of 18 to 20.',
      value: () => '18-20',
      effects: [{ type: 'CRITICAL_RANGE', minimum: SUPERIOR_CRITICAL }],
    },
    { name: 'Survivor', level: 18, description: 'Regain hit points each turn while at half or fewer, but above 0.' },
  ],
  OPEN_HAND: [
    { name: 'Open Hand Technique', level: 3, description: 'Flurry of Blows hits can knock prone, push away or deny reactions.' },
    { name: 'Wholeness of Body', level: 6, description: 'Once per long rest, heal yourself three times your monk level.', value: (level) => `${3 * level} HP` },
    { name: 'Tranquility', level: 11, description: 'A long rest leaves you under a sanctuary effect.' },
    { name: 'Quivering Palm', level: 17, description: 'Set deadly vibrations in a creature that you can trigger later.' },
  ],
  DEVOTION: [
    { name: 'Channel Divinity: Sacred Weapon', level: 3, description: 'Your weapon adds your Charisma modifier to attack rolls and sheds light for a minute.' },
    { name: 'Channel Divinity: Turn the Unholy', level: 3, description: 'Fiends and undead that fail a Wisdom save flee from you.' },
    {
      name: 'Aura of Devotion',
      level: 7,
      description: 'You and nearby allies cannot be charmed while you are conscious.',
      value: (level) => `${paladinAuraRange(level)} ft`,
      effects: [{ type: 'AURA', range: paladinAuraRange, effect: 'cannot be charmed', saveBonus: false }],
    },
    { name: 'Purity of Spirit', level: 15, description: 'You are always under protection from evil and good.' },
    { name: 'Holy Nimbus', level: 20, description: 'Once per long rest, radiate light that burns foes and wards off fiends and undead.' },
  ],
  HUNTER: [
    { name: "Hunter's Prey", level: 3, description: 'Choose a way to hunt: Colossus Slayer, Giant Killer or Horde Breaker.' },
    { name: 'Defensive Tactics', level: 7, description: 'Choose a defence: Escape the Horde, Multiattack Defense or Steel Will.' },
    { name: 'Multiattack', level: 11, description: 'Choose Volley or Whirlwind Attack to strike many foes.' },
    { name: "Superior Hunter's Defense", level: 15, description: 'Choose Evasion, Stand Against the Tide or Uncanny Dodge.' },
  ],
  THIEF: [
    { name: 'Fast Hands', level: 3, description: 'Cunning Action can also pick pockets, use tools or use an object.' },
    { name: 'Second-Story Work', level: 3, description: 'Climb at full speed and jump further.' },
    { name: 'Supreme Sneak', level: 9, description: 'Advantage on Stealth when you move at no more than half speed.' },
    { name: 'Use Magic Device', level: 13, description: 'Ignore class, race and level requirements of magic items.' },
    { name: "Thief's Reflexes", level: 17, description: 'Take two turns in the first round of combat.' },
  ],
  DRACONIC: [
    { name: 'Dragon Ancestor', level: 1, description: 'Choose a dragon ancestor and its damage type; you speak Draconic.' },
    {
      name: 'Draconic Resilience',
      level: 1,
      description: 'One more hit point per sorcerer level, and unarmoured armour class 13 + Dexterity modifier.',
      effects: [
        { type: 'HIT_POINTS_PER_LEVEL', amount: 1 },
        { type: 'UNARMORED_BASE_AC', base: DRACONIC_BASE_AC },
      ],
    },
    { name: 'Elemental Affinity', level: 6, description: "Add Charisma to damage of your ancestor's type, and buy resistance to it with sorcery points." },
    { name: 'Dragon Wings', level: 14, description: 'Sprout wings for a flying speed equal to your walking speed.' },
    { name: 'Draconic Presence', level: 18, description: 'Spend sorcery points for an aura of awe or fear.' },
  ],
  FIEND: [
    { name: "Dark One's Blessing", level: 1, description: 'Reducing a hostile creature to 0 hit points grants temporary hit points.' },
    { name: "Dark One's Own Luck", level: 6, description: 'Add a d10 to an ability check or save, once per short rest.' },
    { name: 'Fiendish Resilience', level: 10, description: 'Choose a damage type to resist after each rest.' },
    { name: 'Hurl Through Hell', level: 14, description: 'Send a creature you hit through the lower planes for heavy psychic damage.' },
  ],
  EVOCATION: [
    { name: 'Evocation Savant', level: 2, description: 'Copying evocation spells into your spellbook costs half the gold and time.' },
    { name: 'Sculpt Spells', level: 2, description: 'Shield chosen allies from the full effect of your evocation spells.' },
    { name: 'Potent Cantrip', level: 6, description: 'A target that saves against your damaging cantrip still takes half damage.' },
    { name: 'Empowered Evocation', level: 10, description: 'Add your Intelligence modifier to the damage of wizard evocation spells.' },
    { name: 'Overchannel', level: 14, description: 'Deal maximum damage with a spell of 5th level or lower, at a growing cost.' },
  ],
};
