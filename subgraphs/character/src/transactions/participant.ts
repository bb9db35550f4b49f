import { eq, inArray } from 'drizzle-orm';
import { conflict, forbidden, invalidInput, notFound } from '#lib/domain/index.js';
import type { Transaction } from '#lib/event-store/index.js';
import { defineOperation, type BranchInfo, type Participant } from '#lib/transactions/index.js';
import { characters, type CharacterRow, type schema } from '../db/schema.js';
import type { CharacterEvent } from '../events/character-events.js';
import { runCharacterBranch } from '../events/run-character-command.js';
import { MAX_EXPERIENCE } from '../validation/limits.js';
import { campaignPayload, characterResource, parsePayload, portraitPayload, sessionAwardPayload } from './payloads.js';

type Tx = Transaction<typeof schema>;

/** Read after the branch reserved the character: nothing else changes it until the hub's decision. */
async function characterOf(tx: Tx, characterId: string): Promise<CharacterRow> {
  const [row] = await tx.select().from(characters).where(eq(characters.id, characterId));
  if (!row) throw notFound(`no character with id ${characterId}`, { characterId });
  return row;
}

function requireOwner(row: CharacterRow, info: BranchInfo): void {
  if (row.owner !== info.actor) throw forbidden('only the owner of a character can do this', { characterId: row.id });
}

/** A commit's one event, through the one command runner (its checks were prepare's, under the reservation). */
function record(tx: Tx, info: BranchInfo, characterId: string, event: CharacterEvent) {
  return runCharacterBranch(tx, info, characterId, () => ({ events: [event], outcome: undefined }));
}

/**
 * The character service's part in the hub's transactions (see gateway/src/gateway-subgraph/workflows): each operation's
 * prepare checks what its commit needs, under the reservation of every character it touches.
 */
export const characterParticipant: Participant<typeof schema> = {
  awardSessionExperience: defineOperation({
    parse: (payload) => parsePayload(sessionAwardPayload, payload),
    resources: (payload) => payload.characterIds.map(characterResource),
    async prepare(tx: Tx, payload) {
      const rows = await tx.select().from(characters).where(inArray(characters.id, payload.characterIds));
      const missing = payload.characterIds.filter((id) => !rows.some((row) => row.id === id));
      if (missing.length) throw notFound(`no character with id ${missing.join(', ')}`, { characterIds: missing });
      const over = rows.find((row) => row.experience + payload.amount > MAX_EXPERIENCE);
      if (over) throw invalidInput(`experience of ${over.name} cannot exceed ${MAX_EXPERIENCE}`, { characterId: over.id });
      return { characterIds: payload.characterIds };
    },
    async commit(tx: Tx, payload, _prepared, info) {
      for (const characterId of payload.characterIds) {
        const data = { characterId, amount: payload.amount, reason: payload.reason, sessionId: payload.sessionId };
        await record(tx, info, characterId, { type: 'ExperienceAwarded', data });
      }
    },
  }),
  joinCampaign: defineOperation({
    parse: (payload) => parsePayload(campaignPayload, payload),
    resources: (payload) => [characterResource(payload.characterId)],
    async prepare(tx: Tx, payload, info) {
      const row = await characterOf(tx, payload.characterId);
      requireOwner(row, info);
      if (row.activeCampaignId) {
        throw conflict(`${row.name} is already in the party of campaign ${row.activeCampaignId}; leave it first`, {
          characterId: row.id,
          campaignId: row.activeCampaignId,
        });
      }
      return null;
    },
    async commit(tx: Tx, payload, _prepared, info) {
      await record(tx, info, payload.characterId, { type: 'ActiveCampaignSet', data: payload });
    },
  }),
  leaveCampaign: defineOperation({
    parse: (payload) => parsePayload(campaignPayload, payload),
    resources: (payload) => [characterResource(payload.characterId)],
    async prepare(tx: Tx, payload) {
      // Who may take a character out of a party is the campaign's rule (its DM or the owner), checked there.
      const row = await characterOf(tx, payload.characterId);
      if (row.activeCampaignId !== payload.campaignId) {
        throw conflict(`${row.name} is not in the party of campaign ${payload.campaignId}`, { characterId: row.id });
      }
      return null;
    },
    async commit(tx: Tx, payload, _prepared, info) {
      await record(tx, info, payload.characterId, { type: 'ActiveCampaignCleared', data: payload });
    },
  }),
  linkPortrait: defineOperation({
    parse: (payload) => parsePayload(portraitPayload, payload),
    resources: (payload) => [characterResource(payload.characterId)],
    async prepare(tx: Tx, payload, info) {
      requireOwner(await characterOf(tx, payload.characterId), info);
      return null;
    },
    async commit(tx: Tx, payload, _prepared, info) {
      const data = { characterId: payload.characterId, changes: { portraitImageId: payload.imageId } };
      await record(tx, info, payload.characterId, { type: 'CharacterUpdated', data });
    },
  }),
};
