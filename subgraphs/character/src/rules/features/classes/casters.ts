import { asi, repeated, type FeatureDefinition } from '../feature-definition.js';

// SRD 5.1 Sorcerer table: sorcery points equal the sorcerer level from level 2.
export const SORCERER_FEATURES: FeatureDefinition[] = [
  { name: 'Spellcasting: Sorcerer', level: 1, description: 'Cast sorcerer spells with Charisma; an arcane focus can be your focus.' },
  { name: 'Sorcerous Origin', level: 1, description: 'The source of your innate magic: your subclass.' },
  { name: 'Font of Magic', level: 2, description: 'A pool of sorcery points, regained on a long rest.', value: (level) => String(level) },
  { name: 'Flexible Casting: Creating Spell Slots', level: 2, description: 'Turn sorcery points into a spell slot of up to 5th level.' },
  { name: 'Flexible Casting: Converting Spell Slot', level: 2, description: 'Turn a spell slot into sorcery points equal to its level.' },
  ...repeated('Metamagic', [3, 10, 17], 'Learn more Metamagic options that twist your spells for sorcery points.'),
  ...asi(),
  { name: 'Sorcerous Restoration', level: 20, description: 'Regain 4 sorcery points on a short rest.' },
];

const arcanum = (spellLevel: string) => `${spellLevel} level`;

export const WARLOCK_FEATURES: FeatureDefinition[] = [
  { name: 'Otherworldly Patron', level: 1, description: 'The being you made your pact with: your subclass.' },
  { name: 'Pact Magic', level: 1, description: 'Cast warlock spells with Charisma from a few slots that return on a short rest.' },
  { name: 'Eldritch Invocations', level: 2, description: 'Learn invocations, fragments of forbidden lore that grant lasting abilities.' },
  { name: 'Pact Boon', level: 3, description: 'Your patron grants a boon: the chain, the blade or the tome.' },
  ...asi(),
  // SRD 5.1 Warlock: one arcanum spell each of 6th, 7th, 8th and 9th level, cast once per long rest; the value is the newest.
  {
    name: 'Mystic Arcanum',
    level: 11,
    description: 'One spell of a high level you can cast once per long rest without a slot.',
    value: (level) => arcanum(level >= 17 ? '9th' : level >= 15 ? '8th' : level >= 13 ? '7th' : '6th'),
  },
  { name: 'Eldritch Master', level: 20, description: 'Regain all Pact Magic slots by pleading with your patron for a minute, once per long rest.' },
];

export const WIZARD_FEATURES: FeatureDefinition[] = [
  { name: 'Spellcasting: Wizard', level: 1, description: 'Prepare spells from your spellbook and cast them with Intelligence.' },
  // SRD 5.1 Wizard: recovered slot levels total half the wizard level, rounded up.
  {
    name: 'Arcane Recovery',
    level: 1,
    description: 'Once a day, a short rest recovers spent slots worth up to the value in spell levels.',
    value: (level) => String(Math.ceil(level / 2)),
  },
  { name: 'Arcane Tradition', level: 2, description: 'Choose the school of magic you study: your subclass.' },
  ...asi(),
  { name: 'Spell Mastery', level: 18, description: 'Cast one chosen 1st-level and one 2nd-level spell at their lowest level without a slot.' },
  { name: 'Signature Spell', level: 20, description: 'Two 3rd-level spells always prepared, each castable once per short rest without a slot.' },
];
