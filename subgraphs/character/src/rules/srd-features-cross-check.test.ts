/**
 * Cross-checks the features tables against the SRD 5.1's features as the repository writes them down
 * (src/testing/srd-5.1-features-facts.ts): every class with its subclass at every level 1-20, every race, and the
 * per-level numbers of the class tables. Nothing outside the repository is read.
 */
import { describe, expect, it } from 'vitest';
import { SRD_CLASS_COLUMNS, SRD_CLASS_FEATURES, SRD_DARKVISION_FEET, SRD_RACIAL_TRAITS, SRD_SUBCLASS_FEATURES } from '../testing/srd-5.1-features-facts.js';
import { CHARACTER_CLASSES, type CharacterClass } from './classes.js';
import { characterFeatures, type CharacterFeature } from './features/character-features.js';
import { RACES } from './races.js';
import { SUBCLASS_LEVEL, SUBCLASS_RULES, SUBCLASSES, type Subclass } from './subclasses.js';

const LEVELS = Array.from({ length: 20 }, (_, i) => i + 1);
/** "Brutal Critical (2 dice)" is the feature Brutal Critical at its "2 dice" tier. */
const parse = (name: string) => {
  const match = /^(.*) \((.*)\)$/.exec(name);
  return match ? { base: match[1]!, tier: match[2]! } : { base: name, tier: null };
};

/**
 * What the SRD says a class + subclass has at a level: each feature once per time it arrives (a tier after the
 * first is the same feature growing, not a new one), and the tier each tiered feature has reached.
 */
function srdAt(facts: [string, number][], level: number) {
  const arrivals: string[] = [];
  const tiers = new Map<string, string>();
  const seen = new Set<string>();
  for (const [name, at] of facts) {
    if (at > level) continue;
    const { base, tier } = parse(name);
    // "Extra Attack" then "Extra Attack (2)": one feature growing. "Expertise" twice: two features.
    if (tier === null || !seen.has(base)) arrivals.push(base);
    seen.add(base);
    if (tier !== null) tiers.set(base, tier);
  }
  return { arrivals: arrivals.sort(), tiers };
}

function subclassOf(characterClass: CharacterClass): Subclass {
  const subclass = SUBCLASSES.find((candidate) => SUBCLASS_RULES[candidate].characterClass === characterClass);
  if (!subclass) throw new Error(`no SRD subclass for ${characterClass}`);
  return subclass;
}

const named = (features: CharacterFeature[], source: CharacterFeature['source']) => features.filter((feature) => feature.source === source);

describe('features tables agree with the SRD 5.1', () => {
  it('has the twelve subclasses, each of its class, chosen at the class level the SRD gives', () => {
    expect([...SUBCLASSES].sort()).toEqual(Object.keys(SRD_SUBCLASS_FEATURES).sort());
    for (const [subclass, srd] of Object.entries(SRD_SUBCLASS_FEATURES)) {
      const rules = SUBCLASS_RULES[subclass as Subclass];
      expect([subclass, rules.characterClass, SUBCLASS_LEVEL[rules.characterClass]]).toEqual([subclass, srd.characterClass, srd.chosenAt]);
    }
  });

  it('walks 12 classes x their subclass x levels 1-20: same features, arriving at the same levels, at the same tier', () => {
    let checked = 0;
    for (const characterClass of CHARACTER_CLASSES) {
      const subclass = subclassOf(characterClass);
      const facts = [...SRD_CLASS_FEATURES[characterClass]!, ...SRD_SUBCLASS_FEATURES[subclass]!.features];
      for (const level of LEVELS) {
        const ours = characterFeatures('HUMAN', characterClass, subclass, level);
        const srd = srdAt(facts, level);
        expect([characterClass, level, ours.map((feature) => feature.name).sort()]).toEqual([characterClass, level, srd.arrivals]);
        for (const [base, tier] of srd.tiers) {
          expect([characterClass, level, base, ours.find((feature) => feature.name === base)?.value]).toEqual([characterClass, level, base, tier]);
        }
        expect(ours.every((feature) => feature.level <= level)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(240);
  });

  it('attributes class and subclass features to their source, with subclass features only from the subclass level', () => {
    for (const characterClass of CHARACTER_CLASSES) {
      const subclass = subclassOf(characterClass);
      for (const level of LEVELS) {
        const ours = characterFeatures('HUMAN', characterClass, subclass, level);
        const expected = SRD_SUBCLASS_FEATURES[subclass]!.features.filter(([, at]) => at <= level).map(([name]) => parse(name).base);
        expect(named(ours, 'SUBCLASS').map((feature) => feature.name)).toEqual(expected);
        expect(named(ours, 'SUBCLASS').every((feature) => feature.sourceName === SUBCLASS_RULES[subclass].name)).toBe(true);
        if (level < SUBCLASS_LEVEL[characterClass]) expect(named(ours, 'SUBCLASS')).toEqual([]);
      }
    }
  });

  it('lists every racial trait of the nine races', () => {
    expect([...RACES].sort()).toEqual(Object.keys(SRD_RACIAL_TRAITS).sort());
    for (const race of RACES) {
      const traits = named(characterFeatures(race, 'FIGHTER', null, 1), 'RACE');
      expect([race, traits.map((trait) => trait.name)]).toEqual([race, SRD_RACIAL_TRAITS[race]]);
      const darkvision = traits.find((trait) => trait.name === 'Darkvision');
      if (darkvision) expect(darkvision.value).toBe(`${SRD_DARKVISION_FEET} ft`);
    }
  });

  it("carries the class tables' per-level numbers at levels 1-20", () => {
    const value = (characterClass: CharacterClass, name: string, level: number) =>
      characterFeatures('HUMAN', characterClass, null, level).find((feature) => feature.name === name)?.value ?? null;
    for (const level of LEVELS) {
      const i = level - 1;
      expect([level, value('BARBARIAN', 'Rage', level)]).toEqual([level, `+${SRD_CLASS_COLUMNS.rageDamage[i]}`]);
      const brutal = SRD_CLASS_COLUMNS.brutalCriticalDice[i]!;
      expect([level, value('BARBARIAN', 'Brutal Critical', level)]).toEqual([level, brutal === 0 ? null : `${brutal} ${brutal === 1 ? 'die' : 'dice'}`]);
      expect([level, value('MONK', 'Martial Arts', level)]).toEqual([level, `1d${SRD_CLASS_COLUMNS.martialArtsDie[i]}`]);
      const ki = SRD_CLASS_COLUMNS.kiPoints[i]!;
      expect([level, value('MONK', 'Ki', level)]).toEqual([level, ki === 0 ? null : String(ki)]);
      const movement = SRD_CLASS_COLUMNS.unarmoredMovement[i]!;
      // At level 9 a second Unarmored Movement (walls and water) arrives; the first carries the speed.
      expect([level, value('MONK', 'Unarmored Movement', level)]).toEqual([level, movement === 0 ? null : `+${movement} ft`]);
      expect([level, value('ROGUE', 'Sneak Attack', level)]).toEqual([level, `${SRD_CLASS_COLUMNS.sneakAttackDice[i]}d6`]);
      const aura = SRD_CLASS_COLUMNS.auraRange[i]!;
      expect([level, value('PALADIN', 'Aura of Protection', level)]).toEqual([level, aura === 0 ? null : `${aura} ft`]);
      expect([level, value('BARD', 'Bardic Inspiration', level)]).toEqual([level, `d${SRD_CLASS_COLUMNS.bardicInspirationDie[i]}`]);
      const points = SRD_CLASS_COLUMNS.sorceryPoints[i]!;
      expect([level, value('SORCERER', 'Font of Magic', level)]).toEqual([level, points === 0 ? null : String(points)]);
    }
  });

  it('writes every description in one short line', () => {
    for (const characterClass of CHARACTER_CLASSES) {
      for (const feature of characterFeatures('HIGH_ELF', characterClass, subclassOf(characterClass), 20)) {
        // One line a sheet can show: no line breaks, and short enough that it summarises rather than quotes.
        expect([feature.name, feature.description.includes('\n'), feature.description.length <= 140]).toEqual([feature.name, false, true]);
      }
    }
  });
});
