import { describe, expect, it } from 'vitest';
import type { CharacterClass } from '../classes.js';
import { spellChoiceProblem, type SpellChoices } from './spell-choices.js';

const SCORES = { STRENGTH: 10, DEXTERITY: 14, CONSTITUTION: 14, INTELLIGENCE: 16, WISDOM: 16, CHARISMA: 16 };
const NONE: SpellChoices = { cantrips: [], spellsKnown: [], preparedSpells: [], spellbook: [] };

function ruleOf(characterClass: CharacterClass, level: number, choices: Partial<SpellChoices>, subclass: string | null = null) {
  const found = spellChoiceProblem({ characterClass, subclass, level, scores: SCORES }, { ...NONE, ...choices });
  return found && { rule: found.rule, field: found.field };
}

describe('spell choices', () => {
  it('accepts a legal level 5 wizard, cleric, sorcerer and an empty build in progress', () => {
    const book = ['MAGIC_MISSILE', 'SHIELD', 'MISTY_STEP', 'FIREBALL'];
    expect(ruleOf('WIZARD', 5, { cantrips: ['FIRE_BOLT'], spellbook: book, preparedSpells: ['FIREBALL', 'SHIELD'] })).toBeNull();
    expect(ruleOf('CLERIC', 5, { cantrips: ['SACRED_FLAME'], preparedSpells: ['SPIRIT_GUARDIANS', 'HEALING_WORD'] })).toBeNull();
    expect(ruleOf('SORCERER', 5, { spellsKnown: ['FIREBALL', 'SHIELD'] })).toBeNull();
    expect(ruleOf('FIGHTER', 5, {})).toBeNull();
  });

  it('refuses an unknown id and a duplicate', () => {
    expect(ruleOf('WIZARD', 5, { spellbook: ['FIREBALLS'] })).toEqual({ rule: 'SPELL_UNKNOWN', field: 'spellbook[0]' });
    expect(ruleOf('WIZARD', 5, { spellbook: ['SHIELD', 'SHIELD'] })).toEqual({ rule: 'SPELL_DUPLICATE', field: 'spellbook[1]' });
  });

  it('refuses spells for a class without Spellcasting, and for a paladin or ranger before level 2', () => {
    expect(ruleOf('FIGHTER', 5, { cantrips: ['FIRE_BOLT'] })).toEqual({ rule: 'NOT_A_CASTER', field: 'cantrips' });
    expect(ruleOf('PALADIN', 1, { preparedSpells: ['BLESS'] })).toEqual({ rule: 'NOT_A_CASTER', field: 'preparedSpells' });
    expect(ruleOf('RANGER', 1, { spellsKnown: ['HUNTERS_MARK'] })).toEqual({ rule: 'NOT_A_CASTER', field: 'spellsKnown' });
  });

  it('refuses the lists a class does not keep', () => {
    expect(ruleOf('SORCERER', 5, { preparedSpells: ['FIREBALL'] })).toEqual({ rule: 'SPELLS_NOT_PREPARED_BY_CLASS', field: 'preparedSpells' });
    expect(ruleOf('CLERIC', 5, { spellsKnown: ['BLESS'] })).toEqual({ rule: 'SPELL_LIST_NOT_USED_BY_CLASS', field: 'spellsKnown' });
    expect(ruleOf('BARD', 5, { spellbook: ['SLEEP'] })).toEqual({ rule: 'SPELL_LIST_NOT_USED_BY_CLASS', field: 'spellbook' });
  });

  it('refuses a spell off the class list, of a level without slots, or of the wrong kind', () => {
    expect(ruleOf('CLERIC', 5, { preparedSpells: ['FIREBALL'] })).toEqual({ rule: 'SPELL_NOT_ON_CLASS_LIST', field: 'preparedSpells[0]' });
    expect(ruleOf('WIZARD', 5, { spellbook: ['CONE_OF_COLD'] })).toEqual({ rule: 'SPELL_LEVEL_TOO_HIGH', field: 'spellbook[0]' });
    // A level 5 warlock's pact slots are 3rd level.
    expect(ruleOf('WARLOCK', 5, { spellsKnown: ['COUNTERSPELL', 'BANISHMENT'] })).toEqual({ rule: 'SPELL_LEVEL_TOO_HIGH', field: 'spellsKnown[1]' });
    expect(ruleOf('WIZARD', 5, { cantrips: ['MAGIC_MISSILE'] })).toEqual({ rule: 'NOT_A_CANTRIP', field: 'cantrips[0]' });
    expect(ruleOf('WIZARD', 5, { spellbook: ['FIRE_BOLT'] })).toEqual({ rule: 'CANTRIP_IN_SPELL_LIST', field: 'spellbook[0]' });
  });

  it('refuses more cantrips, spells known or prepared than the level allows (fewer is fine)', () => {
    // Level 1 wizard: 3 cantrips; level 1 sorcerer: 2 spells known; level 1 cleric with WIS 16: 3 + 1 = 4 prepared.
    expect(ruleOf('WIZARD', 1, { cantrips: ['FIRE_BOLT', 'LIGHT', 'MAGE_HAND', 'PRESTIDIGITATION'] })).toEqual({ rule: 'CANTRIPS_COUNT', field: 'cantrips' });
    expect(ruleOf('SORCERER', 1, { spellsKnown: ['SHIELD', 'SLEEP', 'MAGIC_MISSILE'] })).toEqual({ rule: 'SPELLS_KNOWN_COUNT', field: 'spellsKnown' });
    const five = ['BLESS', 'BANE', 'COMMAND', 'SANCTUARY', 'HEALING_WORD'];
    expect(ruleOf('CLERIC', 1, { preparedSpells: five })).toEqual({ rule: 'PREPARED_COUNT', field: 'preparedSpells' });
    expect(ruleOf('CLERIC', 1, { preparedSpells: five.slice(0, 4) })).toBeNull();
  });

  it('lets a wizard prepare only from its spellbook, with no cap on the spellbook beyond its slots', () => {
    expect(ruleOf('WIZARD', 1, { spellbook: ['SHIELD'], preparedSpells: ['SLEEP'] })).toEqual({ rule: 'NOT_IN_SPELLBOOK', field: 'preparedSpells[0]' });
    const copied = ['SHIELD', 'SLEEP', 'MAGIC_MISSILE', 'BURNING_HANDS', 'CHARM_PERSON', 'DETECT_MAGIC', 'FOG_CLOUD', 'IDENTIFY', 'JUMP'];
    expect(ruleOf('WIZARD', 1, { spellbook: copied })).toBeNull();
  });

  it('adds subclass spells: The Fiend to the warlock list, Life Domain spells prepared without counting', () => {
    expect(ruleOf('WARLOCK', 1, { spellsKnown: ['BURNING_HANDS'] })).toEqual({ rule: 'SPELL_NOT_ON_CLASS_LIST', field: 'spellsKnown[0]' });
    expect(ruleOf('WARLOCK', 1, { spellsKnown: ['BURNING_HANDS'] }, 'The Fiend')).toBeNull();
    // Four prepared (WIS 16, level 1) plus the Life Domain's Bless and Cure Wounds, which do not count.
    const prepared = ['BANE', 'COMMAND', 'SANCTUARY', 'HEALING_WORD', 'BLESS', 'CURE_WOUNDS'];
    expect(ruleOf('CLERIC', 1, { preparedSpells: prepared }, 'Life Domain')).toBeNull();
    expect(ruleOf('CLERIC', 1, { preparedSpells: prepared })).toEqual({ rule: 'PREPARED_COUNT', field: 'preparedSpells' });
  });

  it('lets a level 13 warlock know one Mystic Arcanum of 6th and 7th level, uncounted, but not two of one level', () => {
    // Level 13: twelve spells known of 1st-5th level (the pact slots'), plus the arcana.
    const known = [
      'HELLISH_REBUKE',
      'CHARM_PERSON',
      'DARKNESS',
      'INVISIBILITY',
      'MISTY_STEP',
      'COUNTERSPELL',
      'FLY',
      'HOLD_MONSTER',
      'BANISHMENT',
      'DIMENSION_DOOR',
      'SCRYING',
      'DREAM',
    ];
    expect(ruleOf('WARLOCK', 13, { spellsKnown: [...known, 'CIRCLE_OF_DEATH', 'FORCECAGE'] })).toBeNull();
    expect(ruleOf('WARLOCK', 13, { spellsKnown: [...known, 'CIRCLE_OF_DEATH', 'TRUE_SEEING'] })).toEqual({
      rule: 'MYSTIC_ARCANUM_COUNT',
      field: 'spellsKnown',
    });
    expect(ruleOf('WARLOCK', 13, { spellsKnown: [...known, 'DEMIPLANE'] })).toEqual({ rule: 'SPELL_LEVEL_TOO_HIGH', field: 'spellsKnown[12]' });
  });
});
