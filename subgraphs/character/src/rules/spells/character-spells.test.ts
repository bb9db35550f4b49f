import { describe, expect, it } from 'vitest';
import { characterSpells, spellLimits } from './character-spells.js';

const SCORES = { STRENGTH: 10, DEXTERITY: 10, CONSTITUTION: 10, INTELLIGENCE: 10, WISDOM: 16, CHARISMA: 8 };
const CASTING = { spellAttackBonus: 5, spellSaveDC: 13 };

describe('the sheet’s spell lines', () => {
  it('gives a spell attack its bonus and a saving throw its DC and ability, once per spell', () => {
    const cleric = { characterClass: 'CLERIC' as const, subclass: 'Life', level: 3, scores: SCORES };
    const choices = { cantrips: ['SACRED_FLAME'], spellsKnown: [], preparedSpells: ['BLESS', 'INFLICT_WOUNDS'], spellbook: [] };
    const lines = characterSpells(cleric, choices, CASTING);
    // Bless is a Life Domain spell at level 1 and also listed as prepared: it shows once, always prepared.
    expect(lines.map((line) => [line.spell, line.source, line.attackBonus, line.saveDC, line.saveAbility])).toEqual([
      ['SACRED_FLAME', 'CANTRIP', null, 13, 'DEXTERITY'],
      ['BLESS', 'SUBCLASS', null, null, null],
      ['CURE_WOUNDS', 'SUBCLASS', null, null, null],
      ['INFLICT_WOUNDS', 'PREPARED', 5, null, null],
      ['LESSER_RESTORATION', 'SUBCLASS', null, null, null],
      ['SPIRITUAL_WEAPON', 'SUBCLASS', 5, null, null],
    ]);
  });

  it('has no attack bonus or DC when the character cannot cast, and limits for what is left to choose', () => {
    const wizard = { characterClass: 'WIZARD' as const, subclass: null, level: 1, scores: SCORES };
    const [line] = characterSpells(wizard, { cantrips: ['FIRE_BOLT'], spellsKnown: [], preparedSpells: [], spellbook: [] }, null);
    expect(line).toMatchObject({ spell: 'FIRE_BOLT', attack: 'RANGED', attackBonus: null, saveDC: null });
    expect(spellLimits(wizard)).toEqual({ cantrips: 3, spellsKnown: null, preparedSpells: 1, spellbookMinimum: 6, maxSpellLevel: 1, mysticArcanumLevels: [] });
    expect(spellLimits({ characterClass: 'PALADIN', subclass: null, level: 1, scores: SCORES })).toEqual({
      cantrips: 0,
      spellsKnown: null,
      preparedSpells: null,
      spellbookMinimum: null,
      maxSpellLevel: 0,
      mysticArcanumLevels: [],
    });
    expect(spellLimits({ characterClass: 'WARLOCK', subclass: null, level: 17, scores: SCORES })).toMatchObject({
      maxSpellLevel: 5,
      mysticArcanumLevels: [6, 7, 8, 9],
    });
  });
});
