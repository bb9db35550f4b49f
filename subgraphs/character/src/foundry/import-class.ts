/** The class item's advancements and the increases of an AbilityScoreImprovement, as our character stores them. */
import { ABILITIES, FEAT_RULES, FEATS, averageHitDieRoll, type Ability, type AbilityScoreImprovement } from '../rules/index.js';
import { ABILITY_KEYS } from './foundry-keys.js';
import type { Note } from './import-items.js';
import { integer, list, object, type Json } from './json-reader.js';

const FEAT_BY_NAME = new Map(FEATS.map((feat) => [FEAT_RULES[feat].name.toLowerCase(), feat]));

export function assignmentsOf(value: unknown, path: string): Partial<Record<Ability, number>> {
  const assignments = object(value, path) ?? {};
  const increases: Partial<Record<Ability, number>> = {};
  for (const ability of ABILITIES) {
    const amount = integer(assignments[ABILITY_KEYS[ability]], `${path}.${ABILITY_KEYS[ability]}`, 0, 20, 'ASI_INCREASE');
    if (amount) increases[ability] = amount;
  }
  return increases;
}

/** Hit point rolls and Ability Score Improvements (or feats) from the class item's advancements. */
export function classAdvancement(system: Json, path: string, hitDie: number, items: Json[], notes: Note[]) {
  const hitPointRolls: number[] = [];
  const abilityScoreImprovements: AbilityScoreImprovement[] = [];
  for (const [index, entry] of (list(system.advancement, `${path}.system.advancement`) ?? []).entries()) {
    const at = `${path}.system.advancement[${index}]`;
    const advancement = object(entry, at) ?? {};
    const value = object(advancement.value, `${at}.value`) ?? {};
    if (advancement.type === 'HitPoints') {
      for (let level = 2; value[level] !== undefined; level++) {
        const roll = value[level] === 'avg' ? averageHitDieRoll(hitDie) : integer(value[level], `${at}.value.${level}`, 1, hitDie, 'HIT_POINT_ROLL');
        if (roll !== undefined) hitPointRolls.push(roll);
      }
    } else if (advancement.type === 'AbilityScoreImprovement') {
      const level = integer(advancement.level, `${at}.level`, 1, 20, 'ASI_LEVEL') ?? 0;
      const featIds = Object.entries(object(value.feat, `${at}.value.feat`) ?? {});
      const featItem = featIds.length ? items.find((item) => item._id === featIds[0]![0]) : undefined;
      const featName = (typeof featItem?.name === 'string' ? featItem.name : String(featIds[0]?.[1] ?? '')).toLowerCase();
      const feat = featIds.length ? (FEAT_BY_NAME.get(featName) ?? (FEATS as readonly string[]).find((f) => f.toLowerCase() === featName)) : undefined;
      if (featIds.length && !feat)
        notes.push({ path: `${at}.value.feat`, reason: `feat "${featName}" is not an SRD feat; its level's improvement is left out` });
      else abilityScoreImprovements.push({ level, increases: feat ? {} : assignmentsOf(value.assignments, `${at}.value.assignments`), feat: feat ?? null });
    } else if (advancement.type !== undefined) {
      notes.push({ path: at, reason: `${String(advancement.type)} advancement is not modelled (our rules derive it)` });
    }
  }
  return { hitPointRolls, abilityScoreImprovements };
}
