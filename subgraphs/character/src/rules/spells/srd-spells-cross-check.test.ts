/**
 * Cross-checks the spell tables against the SRD 5.1 facts as the repository writes them down
 * (src/testing/srd-5.1-spell-facts.ts): cantrips and spells known for every class at every level, the size of
 * every class list per spell level, and a sample of spells field by field.
 */
import { describe, expect, it } from 'vitest';
import {
  SRD_CANTRIPS_KNOWN,
  SRD_CLASS_LIST_SIZES,
  SRD_PREPARED_EXAMPLES,
  SRD_SAMPLE_SPELLS,
  SRD_SPELL_COUNT,
  SRD_SPELLS_KNOWN,
} from '../../testing/srd-5.1-spell-facts.js';
import { CHARACTER_CLASSES } from '../classes.js';
import { classSpellList } from './class-spell-list.js';
import { cantripsKnown, preparedSpellCount, spellsKnown } from './spell-counts.js';
import { SPELLS, spellById } from './spells.js';

const SCORES = { STRENGTH: 10, DEXTERITY: 10, CONSTITUTION: 10, INTELLIGENCE: 10, WISDOM: 10, CHARISMA: 10 };
const SPELLCASTING_ABILITY = { CLERIC: 'WISDOM', DRUID: 'WISDOM', WIZARD: 'INTELLIGENCE', PALADIN: 'CHARISMA' } as const;

describe('spell tables agree with the SRD 5.1', () => {
  it('knows as many cantrips and spells as every class table says, 12 classes x 20 levels', () => {
    for (const characterClass of CHARACTER_CLASSES) {
      for (let level = 1; level <= 20; level++) {
        const srdCantrips = SRD_CANTRIPS_KNOWN[characterClass]?.[level - 1] ?? 0;
        const srdKnown = SRD_SPELLS_KNOWN[characterClass]?.[level - 1] ?? null;
        expect([characterClass, level, cantripsKnown(characterClass, level), spellsKnown(characterClass, level)]).toEqual([
          characterClass,
          level,
          srdCantrips,
          srdKnown,
        ]);
      }
    }
  });

  it('has every spell once, and every class list with the SRD number of spells of each level', () => {
    expect(SPELLS).toHaveLength(SRD_SPELL_COUNT);
    expect(new Set(SPELLS.map((spell) => spell.id)).size).toBe(SRD_SPELL_COUNT);
    for (const characterClass of CHARACTER_CLASSES) {
      const sizes = Array.from({ length: 10 }, (_, level) => classSpellList(characterClass, level).length);
      expect([characterClass, sizes]).toEqual([characterClass, SRD_CLASS_LIST_SIZES[characterClass] ?? Array.from({ length: 10 }, () => 0)]);
    }
  });

  it('describes sample spells as the SRD does', () => {
    for (const srd of SRD_SAMPLE_SPELLS) {
      const ours = spellById(srd.id);
      expect(ours && { ...ours, name: undefined, classes: [...ours.classes].sort() }).toEqual({ ...srd, name: undefined });
    }
  });

  it('prepares ability modifier + level (paladin: + half level), at least one', () => {
    for (const { characterClass, level, score, prepared } of SRD_PREPARED_EXAMPLES) {
      const scores = { ...SCORES, [SPELLCASTING_ABILITY[characterClass]]: score };
      expect([characterClass, level, score, preparedSpellCount(characterClass, level, scores)]).toEqual([characterClass, level, score, prepared]);
    }
  });
});
