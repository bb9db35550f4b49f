import { eq, sql } from 'drizzle-orm';
import type { Projection, StoredEvent, Transaction } from '#lib/event-store/index.js';
import { columnsOf, type CharacterState } from '../character-state.js';
import { characters, type NewCharacterRow, type schema } from '../db/schema.js';
import { asCharacterEvent } from './character-events.js';

type Tx = Transaction<typeof schema>;

/** The columns of the changed fields only (base scores are one column each). */
function changedColumns(changes: Partial<CharacterState>): Partial<NewCharacterRow> {
  const { baseScores, ...rest } = changes;
  const columns: Partial<NewCharacterRow> = { ...rest };
  if (baseScores) {
    columns.strength = baseScores.STRENGTH;
    columns.dexterity = baseScores.DEXTERITY;
    columns.constitution = baseScores.CONSTITUTION;
    columns.intelligence = baseScores.INTELLIGENCE;
    columns.wisdom = baseScores.WISDOM;
    columns.charisma = baseScores.CHARISMA;
  }
  return columns;
}

/**
 * characters from the character events. `version` is the event's stream version and `createdAt`/`updatedAt` its
 * recordedAt, so a replay rebuilds the rows exactly (no clock, no random id: the id is in the event).
 */
async function apply(tx: Tx, event: StoredEvent): Promise<void> {
  const known = asCharacterEvent(event.type, event.data);
  if (!known) return; // Not ours (a future or foreign event type): the read table does not depend on it.
  const at = event.recordedAt;
  switch (known.type) {
    case 'CharacterCreated': {
      const { characterId, owner, ...state } = known.data;
      await tx.insert(characters).values({ ...columnsOf(state), id: characterId, owner, version: event.streamVersion, createdAt: at, updatedAt: at });
      return;
    }
    case 'CharacterUpdated':
      await tx
        .update(characters)
        .set({ ...changedColumns(known.data.changes), version: event.streamVersion, updatedAt: at })
        .where(eq(characters.id, known.data.characterId));
      return;
    case 'ExperienceAwarded':
      // An increment, not a value: concurrent awards are appended with expectedVersion 'any' and commute.
      await tx
        .update(characters)
        .set({ experience: sql`${characters.experience} + ${known.data.amount}`, version: event.streamVersion, updatedAt: at })
        .where(eq(characters.id, known.data.characterId));
      return;
    case 'ActiveCampaignSet':
    case 'ActiveCampaignCleared':
      await tx
        .update(characters)
        .set({ activeCampaignId: known.type === 'ActiveCampaignSet' ? known.data.campaignId : null, version: event.streamVersion, updatedAt: at })
        .where(eq(characters.id, known.data.characterId));
      return;
    case 'ConditionsChanged':
    case 'SpellSlotSpent':
    case 'FeatureUsed':
    case 'ShortRestTaken':
    case 'LongRestTaken':
      // Play state: the event carries the resulting values (PlayStateResult), written as they are.
      await tx
        .update(characters)
        .set({ ...known.data.result, version: event.streamVersion, updatedAt: at })
        .where(eq(characters.id, known.data.characterId));
      return;
    case 'DiceRolled':
      // A roll changes nothing stored but the version (the stream's), except a hit point roll, which adds its die.
      await tx
        .update(characters)
        .set({ ...(known.data.hitPoints ? { hitPointRolls: known.data.hitPoints.hitPointRolls } : {}), version: event.streamVersion, updatedAt: at })
        .where(eq(characters.id, known.data.characterId));
      return;
    case 'CharacterDeleted':
      await tx.delete(characters).where(eq(characters.id, known.data.characterId));
      return;
  }
}

export const characterProjection: Projection<typeof schema> = { readTables: [characters], apply };
