import type { CharacterState } from '../character-state.js';

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

export type CharacterEvent =
  | { type: 'CharacterCreated'; data: CharacterCreatedData }
  | { type: 'CharacterUpdated'; data: CharacterUpdatedData }
  | { type: 'ExperienceAwarded'; data: ExperienceAwardedData }
  | { type: 'CharacterDeleted'; data: CharacterDeletedData }
  | { type: 'ActiveCampaignSet'; data: ActiveCampaignData }
  | { type: 'ActiveCampaignCleared'; data: ActiveCampaignData };

export type CharacterEventType = CharacterEvent['type'];

export const CHARACTER_EVENT_TYPES: readonly CharacterEventType[] = [
  'CharacterCreated',
  'CharacterUpdated',
  'ExperienceAwarded',
  'CharacterDeleted',
  'ActiveCampaignSet',
  'ActiveCampaignCleared',
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
