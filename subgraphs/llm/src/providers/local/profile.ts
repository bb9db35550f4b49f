import type { GenerationContext } from '../provider.js';
import { withArticle } from './grammar.js';
import { matchBank } from './match-bank.js';
import type { Rng } from '#lib/random/prng.js';
import { LAW_PHRASES, MORAL_PHRASES, UNALIGNED_PHRASES, type LawAxis, type MoralAxis } from './phrases/alignments.js';
import { BACKGROUNDS, UNKNOWN_BACKGROUND, type BackgroundBank } from './phrases/backgrounds.js';
import { CLASSES, UNKNOWN_CLASS, type ClassBank } from './phrases/classes.js';
import { RACES, UNKNOWN_RACE, type RaceBank } from './phrases/races.js';
import { readSetting, type SettingInfo } from './setting.js';

export type Alignment = { law: LawAxis; moral: MoralAxis } | 'unaligned';

/** The context turned into what the grammars need: banks to draw from and words to print. */
export interface Profile {
  name: string;
  /** False when the name was invented from the seed: hooks about "this character" need a real one. */
  nameGiven: boolean;
  /** Whether race and class came from the caller (and so may be stated as facts in free answers). */
  raceGiven: boolean;
  classGiven: boolean;
  /** Lower-case as 5e prose writes it ("hill dwarf", "half-elf"), from the caller's own words. */
  race: string;
  raceBank: RaceBank;
  characterClass: string;
  classBank: ClassBank;
  background: string | null;
  backgroundBank: BackgroundBank;
  alignment: Alignment | null;
  campaignName: string | null;
  setting: SettingInfo | null;
}

const LAW_WORDS: Record<string, LawAxis> = {
  lawful: 'lawful',
  l: 'lawful',
  chaotic: 'chaotic',
  c: 'chaotic',
  neutral: 'neutral',
  n: 'neutral',
  true: 'neutral',
};
const MORAL_WORDS: Record<string, MoralAxis> = { good: 'good', g: 'good', evil: 'evil', e: 'evil', neutral: 'neutral', n: 'neutral' };

/** "Lawful Good", "lawful-good", "LG", "true neutral", "N", "unaligned"; null when unrecognised. */
export function parseAlignment(text: string | undefined): Alignment | null {
  if (!text) return null;
  const lower = text.trim().toLowerCase();
  if (lower === 'unaligned') return 'unaligned';
  if (lower === 'n' || lower === 'neutral' || lower === 'true neutral') return { law: 'neutral', moral: 'neutral' };
  const words = /^[lnc][gne]$/.test(lower) ? [lower.charAt(0), lower.charAt(1)] : lower.split(/[\s-]+/);
  if (words.length !== 2) return null;
  const law = LAW_WORDS[words[0] ?? ''];
  const moral = MORAL_WORDS[words[1] ?? ''];
  return law && moral ? { law, moral } : null;
}

/**
 * Missing attributes are invented from the seed (a name from the race's own name list, a race, a class)
 * so that a bare request still yields a whole character; given ones are always used as given.
 */
export function buildProfile(context: GenerationContext, rng: Rng): Profile {
  const raceKey = matchBank(context.race, RACES) ?? (context.race ? null : rng.pick(Object.keys(RACES) as Array<keyof typeof RACES>));
  const raceBank = raceKey ? RACES[raceKey] : UNKNOWN_RACE;
  const race = (context.race ?? raceKey ?? 'wanderer').toLowerCase();
  const classKey =
    matchBank(context.characterClass, CLASSES) ?? (context.characterClass ? null : rng.pick(Object.keys(CLASSES) as Array<keyof typeof CLASSES>));
  const classBank = classKey ? CLASSES[classKey] : UNKNOWN_CLASS;
  const characterClass = (context.characterClass ?? classKey ?? 'adventurer').toLowerCase();
  const backgroundKey = matchBank(context.background, BACKGROUNDS);
  return {
    name: context.characterName ?? rng.pick(raceBank.names),
    nameGiven: context.characterName !== undefined,
    raceGiven: context.race !== undefined,
    classGiven: context.characterClass !== undefined,
    race,
    raceBank,
    characterClass,
    classBank,
    background: context.background?.toLowerCase() ?? null,
    backgroundBank: backgroundKey ? BACKGROUNDS[backgroundKey] : UNKNOWN_BACKGROUND,
    alignment: parseAlignment(context.alignment),
    campaignName: context.campaignName ?? null,
    setting: readSetting(context.setting),
  };
}

/** The template variables every grammar can use. */
export function profileVars(profile: Profile, homeland: string): Record<string, string> {
  return {
    name: profile.name,
    race: profile.race,
    aRace: withArticle(profile.race),
    class: profile.characterClass,
    aClass: withArticle(profile.characterClass),
    background: profile.background ?? 'wanderer',
    aBackground: withArticle(profile.background ?? 'wanderer'),
    homeland,
  };
}

export function alignmentSentences(profile: Profile): Array<readonly string[]> {
  const alignment = profile.alignment;
  if (!alignment) return [];
  if (alignment === 'unaligned') return [UNALIGNED_PHRASES];
  return [LAW_PHRASES[alignment.law], MORAL_PHRASES[alignment.moral]];
}
