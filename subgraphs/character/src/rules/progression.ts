/** SRD 5.1 "Character Advancement": experience needed for levels 1..20 (index = level - 1). */
export const XP_THRESHOLDS = [
  0, 300, 900, 2700, 6500, 14000, 23000, 34000, 48000, 64000, 85000, 100000, 120000, 140000, 165000, 195000, 225000, 265000, 305000, 355000,
] as const;

export const MAX_LEVEL = 20;

/** Highest level whose threshold the experience reaches; 5e has no level above 20. */
export function levelFromExperience(experience: number): number {
  let level = 1;
  while (level < MAX_LEVEL && experience >= (XP_THRESHOLDS[level] ?? Infinity)) level++;
  return level;
}

/** Experience still needed for the next level; null at level 20. */
export function experienceToNextLevel(experience: number): number | null {
  const next = XP_THRESHOLDS[levelFromExperience(experience)];
  return next === undefined ? null : next - experience;
}

/** The experience range [min, max) of a level, for translating a level filter into SQL. */
export function experienceRange(level: number): { min: number; max: number | null } {
  return { min: XP_THRESHOLDS[level - 1] ?? 0, max: XP_THRESHOLDS[level] ?? null };
}

/** +2 at levels 1-4, +1 every four levels after that, +6 at 17-20 (same for every class). */
export function proficiencyBonus(level: number): number {
  return 2 + Math.floor((level - 1) / 4);
}
