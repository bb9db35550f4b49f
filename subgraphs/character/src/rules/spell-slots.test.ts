import { describe, expect, it } from 'vitest';
import { CHARACTER_CLASSES, type CharacterClass } from './classes.js';
import { spellSlots } from './spell-slots.js';

// Hand-written from the SRD class tables; slots of spell levels 1..9 with trailing zeros left out.
const FULL = [
  [2],
  [3],
  [4, 2],
  [4, 3],
  [4, 3, 2],
  [4, 3, 3],
  [4, 3, 3, 1],
  [4, 3, 3, 2],
  [4, 3, 3, 3, 1],
  [4, 3, 3, 3, 2],
  [4, 3, 3, 3, 2, 1],
  [4, 3, 3, 3, 2, 1],
  [4, 3, 3, 3, 2, 1, 1],
  [4, 3, 3, 3, 2, 1, 1],
  [4, 3, 3, 3, 2, 1, 1, 1],
  [4, 3, 3, 3, 2, 1, 1, 1],
  [4, 3, 3, 3, 2, 1, 1, 1, 1],
  [4, 3, 3, 3, 3, 1, 1, 1, 1],
  [4, 3, 3, 3, 3, 2, 1, 1, 1],
  [4, 3, 3, 3, 3, 2, 2, 1, 1],
];
const HALF = [
  null,
  [2],
  [3],
  [3],
  [4, 2],
  [4, 2],
  [4, 3],
  [4, 3],
  [4, 3, 2],
  [4, 3, 2],
  [4, 3, 3],
  [4, 3, 3],
  [4, 3, 3, 1],
  [4, 3, 3, 1],
  [4, 3, 3, 2],
  [4, 3, 3, 2],
  [4, 3, 3, 3, 1],
  [4, 3, 3, 3, 1],
  [4, 3, 3, 3, 2],
  [4, 3, 3, 3, 2],
];
const PACT = [
  [1, 1],
  [2, 1],
  [2, 2],
  [2, 2],
  [2, 3],
  [2, 3],
  [2, 4],
  [2, 4],
  [2, 5],
  [2, 5],
  [3, 5],
  [3, 5],
  [3, 5],
  [3, 5],
  [3, 5],
  [3, 5],
  [4, 5],
  [4, 5],
  [4, 5],
  [4, 5],
];

const KIND: Record<CharacterClass, 'FULL' | 'HALF' | 'PACT' | 'NONE'> = {
  BARBARIAN: 'NONE',
  BARD: 'FULL',
  CLERIC: 'FULL',
  DRUID: 'FULL',
  FIGHTER: 'NONE',
  MONK: 'NONE',
  PALADIN: 'HALF',
  RANGER: 'HALF',
  ROGUE: 'NONE',
  SORCERER: 'FULL',
  WARLOCK: 'PACT',
  WIZARD: 'FULL',
};

function expected(characterClass: CharacterClass, level: number) {
  const row = (values: number[] | null | undefined) => (values ? { slots: values.map((total, i) => ({ level: i + 1, total })), pactSlots: null } : null);
  switch (KIND[characterClass]) {
    case 'NONE':
      return null;
    case 'FULL':
      return row(FULL[level - 1]);
    case 'HALF':
      return row(HALF[level - 1]);
    case 'PACT': {
      const [count, slotLevel] = PACT[level - 1] ?? [];
      return { slots: [], pactSlots: { count, level: slotLevel } };
    }
  }
}

describe('spell slots of every class at every level', () => {
  for (const characterClass of CHARACTER_CLASSES) {
    it(`${characterClass} levels 1-20 (${KIND[characterClass]})`, () => {
      for (let level = 1; level <= 20; level++) {
        expect({ level, slots: spellSlots(characterClass, level) }).toEqual({ level, slots: expected(characterClass, level) });
      }
    });
  }
});
