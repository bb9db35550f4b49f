/** Hand-computed attack lines and armour penalties, through computeSheet as a sheet shows them. */
import { describe, expect, it } from 'vitest';
import type { AbilityScores } from './abilities.js';
import type { ArmorType } from './armor.js';
import { computeSheet, type CharacterBuild } from './character-sheet.js';
import type { WeaponType } from './weapons.js';
import { EMPTY_BUILD } from '../testing/character-build.js';

// Humans add +1 to every score, so a base 16 is a 17 (+3) and a base 10 an 11 (+0).
const scores = (overrides: Partial<AbilityScores>): AbilityScores => ({
  STRENGTH: 10,
  DEXTERITY: 10,
  CONSTITUTION: 10,
  INTELLIGENCE: 10,
  WISDOM: 10,
  CHARISMA: 10,
  ...overrides,
});
const LEVEL_5_XP = 6500;
const LEVEL_11_XP = 85000;

function sheet(
  build: Partial<CharacterBuild> & Pick<CharacterBuild, 'characterClass'>,
  weapons: WeaponType[] = [],
  armor: ArmorType[] = [],
): ReturnType<typeof computeSheet> {
  return computeSheet({
    race: 'HUMAN',
    baseScores: scores({}),
    ...EMPTY_BUILD,
    equippedArmor: armor,
    equippedWeapons: weapons.map((weapon) => ({ name: weapon.toLowerCase(), weapon, quantity: 1 })),
    ...build,
  });
}

describe('weapon attacks', () => {
  it('a level 1 rogue with a rapier uses Dexterity (finesse): +5 to hit, 1d8+3 piercing', () => {
    const rogue = sheet({ characterClass: 'ROGUE', baseScores: scores({ DEXTERITY: 16 }) }, ['RAPIER'], ['LEATHER']);
    expect(rogue.attacks).toEqual([
      {
        name: 'rapier',
        weapon: 'RAPIER',
        ability: 'DEXTERITY',
        proficient: true,
        attackBonus: 5,
        disadvantage: false,
        damage: { dice: '1d8', modifier: 3, type: 'PIERCING' },
        versatileDamage: null,
        properties: ['FINESSE'],
        reach: 5,
        range: null,
      },
      // Unarmed strike: Strength +0 + proficiency 2 to hit, 1 + 0 bludgeoning.
      expect.objectContaining({
        name: 'Unarmed strike',
        weapon: null,
        ability: 'STRENGTH',
        attackBonus: 2,
        damage: { dice: '1', modifier: 0, type: 'BLUDGEONING' },
      }),
    ]);
    expect(rogue.attacksPerAction).toBe(1);
  });

  it('a level 5 archer fighter with a longbow: DEX 3 + proficiency 3 + Archery 2 = +8, 1d8+3, 150/600, two attacks', () => {
    const archer = sheet({ characterClass: 'FIGHTER', experience: LEVEL_5_XP, baseScores: scores({ DEXTERITY: 16 }), fightingStyles: ['ARCHERY'] }, [
      'LONGBOW',
    ]);
    expect(archer.attacks[0]).toMatchObject({
      ability: 'DEXTERITY',
      proficient: true,
      attackBonus: 8,
      damage: { dice: '1d8', modifier: 3, type: 'PIERCING' },
      reach: null,
      range: { normal: 150, long: 600 },
      properties: ['AMMUNITION', 'HEAVY', 'TWO_HANDED'],
    });
    expect(archer.attacksPerAction).toBe(2);
    // Archery is for ranged weapons only: the unarmed strike keeps STR 0 + 3.
    expect(archer.attacks[1]?.attackBonus).toBe(3);
  });

  it('Dueling adds 2 damage to a longsword held in one hand, with a shield or alone, but not beside another weapon', () => {
    const dueling = { characterClass: 'FIGHTER', baseScores: scores({ STRENGTH: 16 }), fightingStyles: ['DUELING'] } as const;
    const withShield = sheet(dueling, ['LONGSWORD'], ['CHAIN_MAIL', 'SHIELD']).attacks[0];
    expect(withShield).toMatchObject({ ability: 'STRENGTH', attackBonus: 5, damage: { dice: '1d8', modifier: 5, type: 'SLASHING' }, versatileDamage: null });
    // Without a shield the longsword can be gripped in two hands: 1d10 + STR, and Dueling no longer applies to that grip.
    const alone = sheet(dueling, ['LONGSWORD']).attacks[0];
    expect(alone).toMatchObject({ damage: { dice: '1d8', modifier: 5 }, versatileDamage: { dice: '1d10', modifier: 3, type: 'SLASHING' } });
    const twoWeapons = sheet(dueling, ['LONGSWORD', 'DAGGER']).attacks;
    expect(twoWeapons[0]).toMatchObject({ damage: { dice: '1d8', modifier: 3 }, versatileDamage: null });
    // One equipped line of two shortswords is two weapons in hand: no Dueling.
    const pair = sheet({ ...dueling, equippedWeapons: [{ name: 'Shortswords', weapon: 'SHORTSWORD', quantity: 2 }] }).attacks[0];
    expect(pair).toMatchObject({ name: 'Shortswords', damage: { dice: '1d6', modifier: 3 } });
    // A two-handed weapon never gets Dueling.
    expect(sheet(dueling, ['GREATSWORD']).attacks[0]?.damage).toEqual({ dice: '2d6', modifier: 3, type: 'SLASHING' });
  });

  it('a monk fights unarmed with Dexterity and the Martial Arts die, which grows with level', () => {
    const monk = { characterClass: 'MONK', baseScores: scores({ DEXTERITY: 16 }) } as const;
    const level1 = sheet(monk).attacks;
    expect(level1).toEqual([
      expect.objectContaining({ name: 'Unarmed strike', ability: 'DEXTERITY', attackBonus: 5, damage: { dice: '1d4', modifier: 3, type: 'BLUDGEONING' } }),
    ]);
    const level5 = sheet({ ...monk, experience: LEVEL_5_XP }, ['QUARTERSTAFF']);
    // Quarterstaff 1d6 = Martial Arts d6 at 5th level; DEX 3 + proficiency 3.
    expect(level5.attacks[0]).toMatchObject({
      ability: 'DEXTERITY',
      attackBonus: 6,
      damage: { dice: '1d6', modifier: 3 },
      versatileDamage: { dice: '1d8', modifier: 3 },
    });
    expect(level5.attacks[1]).toMatchObject({ name: 'Unarmed strike', damage: { dice: '1d6', modifier: 3 } });
    expect(level5.attacksPerAction).toBe(2);
    // At 11th level the d8 beats the shortsword's d6.
    expect(sheet({ ...monk, experience: LEVEL_11_XP }, ['SHORTSWORD']).attacks[0]?.damage).toEqual({ dice: '1d8', modifier: 3, type: 'PIERCING' });
  });

  it('a monk in armour loses Martial Arts and, not proficient with it, attacks with disadvantage', () => {
    const armoured = sheet({ characterClass: 'MONK', baseScores: scores({ DEXTERITY: 16 }) }, [], ['LEATHER']);
    expect(armoured.attacks).toEqual([
      expect.objectContaining({ ability: 'STRENGTH', attackBonus: 2, disadvantage: true, damage: { dice: '1', modifier: 0, type: 'BLUDGEONING' } }),
    ]);
    // A greataxe is no monk weapon: no Martial Arts either, and a monk is not proficient with it.
    const greataxe = sheet({ characterClass: 'MONK', baseScores: scores({ DEXTERITY: 16, STRENGTH: 12 }) }, ['GREATAXE']).attacks;
    expect(greataxe[0]).toMatchObject({ ability: 'STRENGTH', proficient: false, attackBonus: 1, damage: { dice: '1d12', modifier: 1 } });
    expect(greataxe[1]).toMatchObject({ ability: 'STRENGTH', damage: { dice: '1', modifier: 1 } });
  });

  it('proficiency comes from class and race: a wizard misses it with a longsword unless a high elf', () => {
    const human = sheet({ characterClass: 'WIZARD', baseScores: scores({ STRENGTH: 12 }) }, ['LONGSWORD', 'DAGGER']);
    expect(human.attacks.map((attack) => [attack.weapon, attack.proficient, attack.attackBonus])).toEqual([
      ['LONGSWORD', false, 1],
      ['DAGGER', true, 3],
      [null, true, 3],
    ]);
    const elf = sheet({ characterClass: 'WIZARD', race: 'HIGH_ELF', baseScores: scores({ STRENGTH: 12 }) }, ['LONGSWORD']);
    // High elf: STR 12 (+1), DEX +2 racial doesn't matter for a non-finesse sword.
    expect(elf.attacks[0]).toMatchObject({ proficient: true, attackBonus: 3 });
    expect(human.weaponProficiencies).toEqual(['DAGGER', 'QUARTERSTAFF', 'LIGHT_CROSSBOW', 'DART', 'SLING']);
  });

  it('the net hits for no damage; thrown weapons show their range and reach', () => {
    const fighter = sheet({ characterClass: 'FIGHTER' }, ['NET', 'HANDAXE', 'WHIP']).attacks;
    expect(fighter[0]).toMatchObject({ weapon: 'NET', damage: null, range: { normal: 5, long: 15 }, reach: null });
    expect(fighter[1]).toMatchObject({ weapon: 'HANDAXE', ability: 'STRENGTH', reach: 5, range: { normal: 20, long: 60 } });
    expect(fighter[2]).toMatchObject({ weapon: 'WHIP', reach: 10, range: null });
  });
});

describe('armour worn without proficiency', () => {
  it('a wizard in plate keeps the numbers but cannot cast, with disadvantage on STR and DEX', () => {
    const wizard = sheet({ characterClass: 'WIZARD', baseScores: scores({ INTELLIGENCE: 16, STRENGTH: 15 }) }, [], ['PLATE']);
    expect(wizard.armorProficient).toBe(false);
    expect(wizard.armorPenalty).toEqual({ items: ['PLATE'], disadvantageAbilities: ['STRENGTH', 'DEXTERITY'] });
    // INT 17 (+3): DC 8 + 2 + 3 = 13, still shown for when the plate comes off.
    expect(wizard.spellcasting).toMatchObject({ spellSaveDC: 13, spellAttackBonus: 5, canCast: false, cannotCastReason: 'wearing armour without proficiency' });
    expect(wizard.armorClass).toBe(18);
    expect(wizard.attacks.every((attack) => attack.disadvantage)).toBe(true);
    const unarmoured = sheet({ characterClass: 'WIZARD' });
    expect([unarmoured.armorProficient, unarmoured.armorPenalty, unarmoured.spellcasting?.canCast, unarmoured.spellcasting?.cannotCastReason]).toEqual([
      true,
      null,
      true,
      null,
    ]);
  });

  it('a shield counts too: a druid may carry one, a sorcerer may not', () => {
    expect(sheet({ characterClass: 'DRUID' }, [], ['HIDE', 'SHIELD']).armorProficient).toBe(true);
    expect(sheet({ characterClass: 'SORCERER' }, [], ['SHIELD']).armorPenalty?.items).toEqual(['SHIELD']);
  });

  it('heavy armour is a Life Domain cleric’s, not every cleric’s', () => {
    const life = sheet({ characterClass: 'CLERIC', subclass: 'LIFE' }, [], ['PLATE', 'SHIELD']);
    expect([life.armorProficient, life.spellcasting?.canCast, life.armorProficiencies]).toEqual([true, true, ['LIGHT', 'MEDIUM', 'HEAVY', 'SHIELD']]);
    const other = sheet({ characterClass: 'CLERIC', subclass: null }, [], ['PLATE', 'SHIELD']);
    expect([other.armorProficient, other.armorPenalty?.items, other.spellcasting?.canCast]).toEqual([false, ['PLATE'], false]);
  });
});
