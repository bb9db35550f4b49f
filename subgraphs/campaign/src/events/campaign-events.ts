/**
 * The campaign service's events. One stream per campaign (`campaign-<id>`) holds everything that happens to it:
 * its members, party, sessions and content. Every id and value a read row needs is in the event's data; the
 * time comes from the stored event's recordedAt, so a replay rebuilds identical rows.
 */
import type { QuestStatus, Visibility } from '../db/schema.js';

export interface CampaignCreated {
  type: 'CampaignCreated';
  data: { campaignId: string; name: string; setting: string | null; description: string | null; dungeonMasterId: string };
}
/** Only the fields the dungeon master changed are present. */
export interface CampaignUpdated {
  type: 'CampaignUpdated';
  data: { campaignId: string; name?: string; setting?: string | null; description?: string | null };
}
/** The party is released with it: `releasedCharacterIds` are the characters that left the party then. */
export interface CampaignArchived {
  type: 'CampaignArchived';
  data: { campaignId: string; releasedCharacterIds: string[] };
}
export interface CampaignReopened {
  type: 'CampaignReopened';
  data: { campaignId: string };
}
export interface PlayerInvited {
  type: 'PlayerInvited';
  data: { campaignId: string; userId: string };
}
export interface PlayerJoined {
  type: 'PlayerJoined';
  data: { campaignId: string; userId: string };
}
/** A player left the campaign (their own leaveCampaign) or was removed by its DM (removePlayer): no access any more. */
export interface PlayerLeft {
  type: 'PlayerLeft';
  data: { campaignId: string; userId: string; removedBy: string | null };
}
/** `partyEntryId` is the party row's id: a character may join, leave and join again, each time a new entry. */
export interface CharacterJoinedParty {
  type: 'CharacterJoinedParty';
  data: { campaignId: string; partyEntryId: string; characterId: string; ownerId: string };
}
export interface CharacterLeftParty {
  type: 'CharacterLeftParty';
  data: { campaignId: string; partyEntryId: string; characterId: string };
}
/** `number` is decided by the mutation under the stream lock (gapless, 1-based); the projection stores it as is. */
export interface SessionScheduled {
  type: 'SessionScheduled';
  data: { campaignId: string; sessionId: string; number: number; title: string; scheduledFor: string | null };
}
/** `awardedTo`: the party when the session was recorded, the characters the experience is for. */
export interface SessionRecorded {
  type: 'SessionRecorded';
  data: {
    campaignId: string;
    sessionId: string;
    number: number;
    recap: string | null;
    dmNotes: string | null;
    xpAwarded: number;
    awardedTo: string[];
  };
}
export interface NpcCreated {
  type: 'NpcCreated';
  data: { campaignId: string; npcId: string; name: string; description: string | null; visibility: Visibility };
}
export interface LocationCreated {
  type: 'LocationCreated';
  data: { campaignId: string; locationId: string; name: string; description: string | null; visibility: Visibility };
}
export interface QuestCreated {
  type: 'QuestCreated';
  data: { campaignId: string; questId: string; title: string; description: string | null; visibility: Visibility };
}
/** The quest's status and visibility after the change (both, even when one of them did not change). */
export interface QuestUpdated {
  type: 'QuestUpdated';
  data: { campaignId: string; questId: string; status: QuestStatus; visibility: Visibility };
}

/** Hooks the llm wrote for the dungeon master (generatePlotHooks), in order; `hookId`s are decided by the mutation. */
export interface PlotHooksGenerated {
  type: 'PlotHooksGenerated';
  data: { campaignId: string; generationId: string; hooks: Array<{ hookId: string; text: string }> };
}

export type CampaignEvent =
  | CampaignCreated
  | CampaignUpdated
  | CampaignArchived
  | CampaignReopened
  | PlayerInvited
  | PlayerJoined
  | PlayerLeft
  | CharacterJoinedParty
  | CharacterLeftParty
  | SessionScheduled
  | SessionRecorded
  | NpcCreated
  | LocationCreated
  | QuestCreated
  | QuestUpdated
  | PlotHooksGenerated;

export type CampaignEventType = CampaignEvent['type'];

export const CAMPAIGN_EVENT_TYPES: readonly CampaignEventType[] = [
  'CampaignCreated',
  'CampaignUpdated',
  'CampaignArchived',
  'CampaignReopened',
  'PlayerInvited',
  'PlayerJoined',
  'PlayerLeft',
  'CharacterJoinedParty',
  'CharacterLeftParty',
  'SessionScheduled',
  'SessionRecorded',
  'NpcCreated',
  'LocationCreated',
  'QuestCreated',
  'QuestUpdated',
  'PlotHooksGenerated',
];

/** The stream of one campaign. */
export function campaignStream(campaignId: string): string {
  return `campaign-${campaignId}`;
}
