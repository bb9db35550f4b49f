import type { CharacterState } from '../character-state.js';
import type { RollProof } from '../dice/verify-roll.js';

/**
 * The events of the character service, one stream per character: `character-<id>`. A stream's version is the
 * character's `version` (CharacterCreated is version 1), so optimistic updates check it in the event store.
 */

/** A new character, with everything stored about it: a replay builds the row from this event alone. */
export interface CharacterCreatedData extends CharacterState {
  characterId: string;
  owner: string;
}

/** A successful updateCharacter: only the fields whose stored value changed (possibly none: the version still moves). */
export interface CharacterUpdatedData {
  characterId: string;
  changes: Partial<CharacterState>;
  /** Set when the change is an llm generation's text (generateBackstory): the llm's Generation id. */
  generationId?: string;
}

/** Experience added to whatever the character has: awards commute, so they need no expected version. */
export interface ExperienceAwardedData {
  characterId: string;
  amount: number;
  reason: string | null;
  /** Set when the award is a game session's (the hub's endSession): the consistency check follows it. */
  sessionId?: string;
}

/** The character joined a campaign's party (the hub's joinParty) or left it (leaveParty). */
export interface ActiveCampaignData {
  characterId: string;
  campaignId: string;
}

export interface CharacterDeletedData {
  characterId: string;
}

/**
 * The play-state columns an event of play (conditions, slots, features, rests) leaves behind: the resulting values,
 * not deltas, so the projection writes them as they are and a replay needs no rules.
 */
export type PlayStateResult = Partial<
  Pick<
    CharacterState,
    'conditions' | 'exhaustion' | 'currentHitPoints' | 'temporaryHitPoints' | 'hitDiceSpent' | 'spellSlotsSpent' | 'pactSlotsSpent' | 'featureUsesSpent'
  >
>;

/** setConditions: the conditions and exhaustion now (and current hit points, lowered when exhaustion 4 halves the maximum). */
export interface ConditionsChangedData {
  characterId: string;
  result: PlayStateResult;
}

/** spendSpellSlot: one slot of `level` (a Pact Magic slot when `pact`). */
export interface SpellSlotSpentData {
  characterId: string;
  level: number;
  pact: boolean;
  result: PlayStateResult;
}

/** useFeature: `amount` uses (or pool points) of a limited-use feature. */
export interface FeatureUsedData {
  characterId: string;
  feature: string;
  amount: number;
  result: PlayStateResult;
}

/** shortRest: the hit die rolls as given (later also server-rolled dice), the CON modifier applied and the healing. */
export interface ShortRestTakenData {
  characterId: string;
  hitDieRolls: number[];
  constitutionModifier: number;
  healing: number;
  result: PlayStateResult;
}

/** longRest: what came back. */
export interface LongRestTakenData {
  characterId: string;
  hitPointsRegained: number;
  hitDiceRegained: number;
  result: PlayStateResult;
}

/**
 * roll and rollHitPoints: a fair roll with its whole proof (src/dice/verify-roll.ts), so that anyone holding the
 * event can redo it. The seed in it is revealed: it served this roll and no other. The event's id is the rollId.
 */
export interface DiceRolledData extends RollProof {
  characterId: string;
  rollId: string;
  /** What the roll was for, as the player wrote it ("Stealth", "longsword attack"); null when not said. */
  purpose: string | null;
  /** rollHitPoints: the level whose hit die this is and the stored hit point rolls after it (projected as they are). */
  hitPoints?: { level: number; hitPointRolls: number[] };
}

export type CharacterEvent =
  | { type: 'CharacterCreated'; data: CharacterCreatedData }
  | { type: 'CharacterUpdated'; data: CharacterUpdatedData }
  | { type: 'ExperienceAwarded'; data: ExperienceAwardedData }
  | { type: 'CharacterDeleted'; data: CharacterDeletedData }
  | { type: 'ActiveCampaignSet'; data: ActiveCampaignData }
  | { type: 'ActiveCampaignCleared'; data: ActiveCampaignData }
  | { type: 'ConditionsChanged'; data: ConditionsChangedData }
  | { type: 'SpellSlotSpent'; data: SpellSlotSpentData }
  | { type: 'FeatureUsed'; data: FeatureUsedData }
  | { type: 'ShortRestTaken'; data: ShortRestTakenData }
  | { type: 'LongRestTaken'; data: LongRestTakenData }
  | { type: 'DiceRolled'; data: DiceRolledData };

export type CharacterEventType = CharacterEvent['type'];

export const CHARACTER_EVENT_TYPES: readonly CharacterEventType[] = [
  'CharacterCreated',
  'CharacterUpdated',
  'ExperienceAwarded',
  'CharacterDeleted',
  'ActiveCampaignSet',
  'ActiveCampaignCleared',
  'ConditionsChanged',
  'SpellSlotSpent',
  'FeatureUsed',
  'ShortRestTaken',
  'LongRestTaken',
  'DiceRolled',
];

export function characterStreamId(characterId: string): string {
  return `character-${characterId}`;
}

/** Narrows a stored event (type and data as jsonb gave them back) to one of ours; data is trusted: only our mutations write it. */
export function asCharacterEvent(type: string, data: unknown): CharacterEvent | undefined {
  if (!(CHARACTER_EVENT_TYPES as readonly string[]).includes(type)) return undefined;
  // Cast: the type tag selects the data shape; every stored event of these types was built by this module's types.
  return { type, data } as CharacterEvent;
}
