import type { EventRow } from '../db/schema.js';
import type { DiceRolledData } from '../events/character-events.js';

/** A roll as the API shows it: the DiceRolled event's data, when it was recorded, and its place in the store. */
export interface RollRecord {
  data: DiceRolledData;
  recordedAt: Date;
  globalPosition: number;
  streamVersion: number;
}

/** What verifyRoll found about one roll. */
export interface RollCheck {
  roll: RollRecord;
  valid: boolean;
  commitmentMatches: boolean;
  diceMatch: boolean;
  chainIntact: boolean;
  problems: string[];
}

/** A stored DiceRolled event as a roll. Data is trusted as our own (event-store rows are written by our mutations only). */
export function rollOfEvent(event: Pick<EventRow, 'data' | 'recordedAt' | 'globalPosition' | 'streamVersion'>): RollRecord {
  return { data: event.data as DiceRolledData, recordedAt: event.recordedAt, globalPosition: event.globalPosition, streamVersion: event.streamVersion };
}
