import { describe, expect, it } from 'vitest';
import { subclassFromText, subclassProblem } from './subclasses.js';

describe('subclasses', () => {
  it('reads stored free text (from before the enum) as an SRD subclass of the class in any spelling, and nothing else', () => {
    expect(subclassFromText('champion', 'FIGHTER')).toBe('CHAMPION');
    expect(subclassFromText('Path of the Berserker', 'BARBARIAN')).toBe('BERSERKER');
    expect(subclassFromText('College of Lore', 'BARD')).toBe('LORE');
    expect(subclassFromText('way of the open hand', 'MONK')).toBe('OPEN_HAND');
    expect(subclassFromText('OPEN_HAND', 'MONK')).toBe('OPEN_HAND');
    expect(subclassFromText('College of Lore', 'FIGHTER')).toBeNull();
    expect(subclassFromText('Battle Master', 'FIGHTER')).toBeNull();
    expect(subclassFromText(null, 'FIGHTER')).toBeNull();
  });

  it('names the rule a subclass breaks: another class, or chosen before the class level for it', () => {
    expect(subclassProblem('THIEF', 'FIGHTER', 5)?.rule).toBe('SUBCLASS_NOT_OF_CLASS');
    expect(subclassProblem('CHAMPION', 'FIGHTER', 2)?.rule).toBe('SUBCLASS_LEVEL');
    expect(subclassProblem('CHAMPION', 'FIGHTER', 3)).toBeNull();
    // Clerics, sorcerers and warlocks choose at level 1; druids and wizards at 2.
    expect([subclassProblem('LIFE', 'CLERIC', 1), subclassProblem('EVOCATION', 'WIZARD', 2), subclassProblem('LAND', 'DRUID', 1)?.rule]).toEqual([
      null,
      null,
      'SUBCLASS_LEVEL',
    ]);
  });
});
