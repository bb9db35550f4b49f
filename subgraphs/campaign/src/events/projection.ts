import { and, eq, isNull } from 'drizzle-orm';
import type { Projection } from '#lib/event-store/projection.js';
import type { StoredEvent } from '#lib/event-store/read-stream.js';
import type { Transaction } from '#lib/event-store/executor.js';
import { campaignMembers, campaigns, gameSessions, locations, npcs, partyCharacters, plotHooks, quests, type CampaignSchema } from '../db/schema.js';
import { CAMPAIGN_EVENT_TYPES, type CampaignEvent } from './campaign-events.js';

type Tx = Transaction<CampaignSchema>;

/** A stored event as this service's typed union; an event type this code does not know stops a replay loudly. */
export function asCampaignEvent(event: StoredEvent): CampaignEvent {
  if (!(CAMPAIGN_EVENT_TYPES as readonly string[]).includes(event.type)) {
    throw new Error(`Unknown campaign event type "${event.type}" at position ${event.globalPosition}`);
  }
  // Only this service appends to its store, always through the CampaignEvent union: the type names the data shape.
  return { type: event.type, data: event.data } as CampaignEvent;
}

/**
 * Writes the campaign read tables from one event. Deterministic: ids and values from the data, every timestamp
 * from the event's recordedAt. Constraint violations (the one-active-party index) surface to the caller, so the
 * whole transaction, events included, rolls back.
 */
async function apply(tx: Tx, stored: StoredEvent): Promise<void> {
  const at = stored.recordedAt;
  const event = asCampaignEvent(stored);
  switch (event.type) {
    case 'CampaignCreated': {
      const { campaignId, name, setting, description, dungeonMasterId } = event.data;
      await tx.insert(campaigns).values({ id: campaignId, name, setting, description, dungeonMasterId, createdAt: at, updatedAt: at });
      await tx.insert(campaignMembers).values({ campaignId, userId: dungeonMasterId, role: 'DM', status: 'ACTIVE', invitedAt: at, joinedAt: at });
      return;
    }
    case 'CampaignUpdated': {
      const { campaignId, ...changes } = event.data;
      await tx
        .update(campaigns)
        .set({ ...changes, updatedAt: at })
        .where(eq(campaigns.id, campaignId));
      return;
    }
    case 'CampaignArchived': {
      const { campaignId } = event.data;
      await tx.update(campaigns).set({ status: 'ARCHIVED', updatedAt: at }).where(eq(campaigns.id, campaignId));
      // Archived campaigns hold no party: their characters are free to join another campaign.
      await tx
        .update(partyCharacters)
        .set({ leftAt: at })
        .where(and(eq(partyCharacters.campaignId, campaignId), isNull(partyCharacters.leftAt)));
      return;
    }
    case 'CampaignReopened':
      await tx.update(campaigns).set({ status: 'ACTIVE', updatedAt: at }).where(eq(campaigns.id, event.data.campaignId));
      return;
    case 'PlayerInvited': {
      const { campaignId, userId } = event.data;
      await tx.insert(campaignMembers).values({ campaignId, userId, role: 'PLAYER', status: 'INVITED', invitedAt: at });
      return;
    }
    case 'PlayerJoined': {
      const { campaignId, userId } = event.data;
      await tx
        .update(campaignMembers)
        .set({ status: 'ACTIVE', joinedAt: at })
        .where(and(eq(campaignMembers.campaignId, campaignId), eq(campaignMembers.userId, userId)));
      return;
    }
    case 'PlayerLeft': {
      // The membership goes: every check of who may see what reads it (access.ts viewerOf), so access ends here.
      const { campaignId, userId } = event.data;
      await tx.delete(campaignMembers).where(and(eq(campaignMembers.campaignId, campaignId), eq(campaignMembers.userId, userId)));
      return;
    }
    case 'CharacterJoinedParty': {
      const { campaignId, partyEntryId, characterId, ownerId } = event.data;
      await tx.insert(partyCharacters).values({ id: partyEntryId, campaignId, characterId, ownerId, addedAt: at });
      return;
    }
    case 'CharacterLeftParty':
      await tx.update(partyCharacters).set({ leftAt: at }).where(eq(partyCharacters.id, event.data.partyEntryId));
      return;
    case 'SessionScheduled': {
      const { campaignId, sessionId, number, title, scheduledFor } = event.data;
      await tx.update(campaigns).set({ sessionCount: number }).where(eq(campaigns.id, campaignId));
      await tx.insert(gameSessions).values({
        id: sessionId,
        campaignId,
        number,
        title,
        scheduledFor: scheduledFor === null ? null : new Date(scheduledFor),
        createdAt: at,
      });
      return;
    }
    case 'SessionRecorded': {
      const { sessionId, recap, dmNotes, xpAwarded } = event.data;
      await tx.update(gameSessions).set({ status: 'PLAYED', playedAt: at, recap, dmNotes, xpAwarded }).where(eq(gameSessions.id, sessionId));
      return;
    }
    case 'NpcCreated': {
      const { campaignId, npcId, name, description, visibility } = event.data;
      await tx.insert(npcs).values({ id: npcId, campaignId, name, description, visibility, createdAt: at });
      return;
    }
    case 'LocationCreated': {
      const { campaignId, locationId, name, description, visibility } = event.data;
      await tx.insert(locations).values({ id: locationId, campaignId, name, description, visibility, createdAt: at });
      return;
    }
    case 'QuestCreated': {
      const { campaignId, questId, title, description, visibility } = event.data;
      await tx.insert(quests).values({ id: questId, campaignId, title, description, visibility, createdAt: at, updatedAt: at });
      return;
    }
    case 'QuestUpdated': {
      const { questId, status, visibility } = event.data;
      await tx.update(quests).set({ status, visibility, updatedAt: at }).where(eq(quests.id, questId));
      return;
    }
    case 'PlotHooksGenerated': {
      const { campaignId, generationId, hooks } = event.data;
      if (hooks.length === 0) return;
      const rows = hooks.map((hook, index) => ({ id: hook.hookId, campaignId, generationId, position: index + 1, text: hook.text, createdAt: at }));
      await tx.insert(plotHooks).values(rows);
      return;
    }
  }
}

export const campaignProjection: Projection<CampaignSchema> = {
  // Children before campaigns: their foreign keys point at it.
  readTables: [plotHooks, quests, locations, npcs, gameSessions, partyCharacters, campaignMembers, campaigns],
  apply,
};
