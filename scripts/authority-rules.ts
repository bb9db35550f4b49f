/**
 * Who may have produced each event, as the code paths that append it decide at run time (the mutation's or the
 * transaction branch's own refusal is named beside each rule). `npm run check` replays these decisions over the
 * stored events (check-authority.ts): a fact no allowed actor could have produced is a forgery or a bug.
 * The actor is metadata.userId: the signed-in caller for a mutation, and for the hub's transactions the initiator
 * the branch was prepared for (tx_branches.actor), which commit, the hub's recovery and the in-doubt resolver reuse.
 */
import type { CampaignCreated, CharacterJoinedParty, CharacterLeftParty, PlayerLeft } from '../subgraphs/campaign/src/events/campaign-events.js';
import type {
  ActiveCampaignData,
  CharacterCreatedData,
  CharacterUpdatedData,
  DiceRolledData,
  ExperienceAwardedData,
} from '../subgraphs/character/src/events/character-events.js';
import { verifyRollLink, verifyRollProof } from '../subgraphs/character/src/dice/verify-roll.js';
import type { ImageStoredData, ImageVisibilityChangedData } from '../subgraphs/image/src/events/image-events.js';
import type { EventMetadata } from '#lib/event-store/schema.js';

export type AuthorityService = 'character' | 'campaign' | 'image';
export type MemberStatus = 'INVITED' | 'ACTIVE' | 'LEFT';

export interface AuthorityEvent {
  streamId: string;
  streamVersion: number;
  globalPosition: number;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  recordedAt: Date;
}

/** A service's tx_branches row: the hub's decision as this participant applied it. */
export interface BranchRecord {
  operation: string | null;
  state: string;
  actor: string | null;
}

/** Recorded once and never changed (no event moves a campaign to another DM or a character to another owner). */
export interface Facts {
  dungeonMasters: Map<string, string>;
  characterOwners: Map<string, string>;
  sessions: Map<string, { campaignId: string; xpAwarded: number; awardedTo: string[] }>;
  /** Per campaign, each user's membership changes in stream order: another service's event is placed by time. */
  memberships: Map<string, Array<{ userId: string; status: MemberStatus; at: Date }>>;
}

/** What the event's own stream showed before it. */
export interface StreamState {
  /** character: its active campaign; image: the campaign it belongs to. */
  campaignId: string | null;
  /** image: its owner. */
  owner?: string;
  members: Map<string, MemberStatus>;
  /** campaign: party entry id -> the owner who brought the character in. */
  partyOwners: Map<string, string>;
  /** character: its last roll's link in the chain (the commitment it promised next, its nonce). */
  lastRoll?: { nextCommitment: string; nonce: number };
}

export interface RuleContext<TData> {
  event: AuthorityEvent;
  data: TData;
  actor: string;
  facts: Facts;
  stream: StreamState;
  branches: Map<string, BranchRecord>;
}

/** check answers why the event breaks the rule, or null when its actor was allowed. */
export interface Rule<TData = never> {
  name: string;
  check(context: RuleContext<TData>): string | null;
}

const rule = <TData>(name: string, check: (context: RuleContext<TData>) => string | null): Rule<TData> => ({ name, check });
const dmOf = (facts: Facts, campaignId: string | null | undefined) => (campaignId ? facts.dungeonMasters.get(campaignId) : undefined);
const named = (who: string | undefined) => who ?? '(unknown)';

/** Whether `userId` ran or had joined `campaignId` at `at` (image placement: uploadImage's placeUpload). */
export function satAt(facts: Facts, campaignId: string, userId: string, at: Date): boolean {
  if (dmOf(facts, campaignId) === userId) return true;
  const changes = (facts.memberships.get(campaignId) ?? []).filter((change) => change.userId === userId && change.at <= at);
  return changes.at(-1)?.status === 'ACTIVE';
}

// Every event type names a user: no service writes one on its own. The hub's recovery and each participant's
// in-doubt resolver commit a branch as its stored actor; aborts write no event (image's storePortrait abort only
// drops staged bytes); replay and restore rewrite read tables or copy events, never append. So an event without
// a user is allowed for no type, and this list is empty on purpose.
export const SERVICE_EVENT_TYPES: readonly string[] = [];

export const ACTOR_RECORDED = 'ACTOR_RECORDED';
export const KNOWN_EVENT_TYPE = 'KNOWN_EVENT_TYPE';

/** createCharacter: the owner is the caller. */
export const OWNER_CREATES_CHARACTER = rule<CharacterCreatedData>('OWNER_CREATES_CHARACTER', ({ actor, data }) =>
  actor === data.owner ? null : `the character is created for owner ${data.owner}`,
);

/** updateCharacter, generateBackstory, deleteCharacter, linkPortrait (setCharacterPortrait): "only the owner". */
export const OWNER_EDITS_CHARACTER = rule<{ characterId: string }>('OWNER_EDITS_CHARACTER', ({ actor, data, facts }) => {
  const owner = facts.characterOwners.get(data.characterId);
  return actor === owner ? null : `character ${data.characterId} is owned by ${named(owner)}`;
});

/**
 * awardExperience and updateCharacter's refusal of the same name: in a campaign only its DM adds experience, a
 * solo character's is its owner's; a session's (endSession) is the session's DM's, to the party it recorded.
 */
export const DM_AWARDS_EXPERIENCE = rule<ExperienceAwardedData | CharacterUpdatedData>('DM_AWARDS_EXPERIENCE', ({ event, actor, data, facts, stream }) => {
  const campaignId = stream.campaignId;
  if ('changes' in data) {
    if (!('experience' in data.changes) || !campaignId) return null;
    return `experience edited while the character is in campaign ${campaignId}: only its dungeon master awards it`;
  }
  if (event.type === 'ExperienceAwarded' && data.sessionId !== undefined) {
    const session = facts.sessions.get(data.sessionId);
    if (!session) return `it names session ${data.sessionId}, which the campaign service never recorded`;
    if (!session.awardedTo.includes(data.characterId) || session.xpAwarded !== data.amount) {
      return `session ${data.sessionId} awarded ${session.xpAwarded} XP to [${session.awardedTo.join(', ')}], not ${data.amount} to ${data.characterId}`;
    }
    const dm = dmOf(facts, session.campaignId);
    return actor === dm ? null : `session ${data.sessionId} is campaign ${session.campaignId}'s, whose dungeon master is ${named(dm)}`;
  }
  if (campaignId) {
    const dm = dmOf(facts, campaignId);
    return actor === dm ? null : `the character is in campaign ${campaignId}, whose dungeon master is ${named(dm)}`;
  }
  const owner = facts.characterOwners.get(data.characterId);
  return actor === owner ? null : `the character is in no campaign: only its owner ${named(owner)} awards it experience`;
});

/** joinParty: the character's branch wants its owner, the campaign's a member who joined (or the DM). */
export const OWNER_JOINS_PARTY = rule<ActiveCampaignData | CharacterJoinedParty['data']>('OWNER_JOINS_PARTY', ({ actor, data, facts, stream }) => {
  const owner = facts.characterOwners.get(data.characterId);
  if (actor !== owner) return `character ${data.characterId} is owned by ${named(owner)}`;
  if (!('partyEntryId' in data)) return null;
  if (data.ownerId !== actor) return `the party entry names ${data.ownerId} as the owner who brought it`;
  const seated = dmOf(facts, data.campaignId) === actor || stream.members.get(actor) === 'ACTIVE';
  return seated ? null : `${actor} had not joined campaign ${data.campaignId}`;
});

/** leaveParty: the campaign's DM or the character's owner (the campaign branch decides for both sides). */
export const DM_OR_OWNER_LEAVES_PARTY = rule<ActiveCampaignData | CharacterLeftParty['data']>('DM_OR_OWNER_LEAVES_PARTY', ({ actor, data, facts, stream }) => {
  const owner = ('partyEntryId' in data ? stream.partyOwners.get(data.partyEntryId) : undefined) ?? facts.characterOwners.get(data.characterId);
  const dm = dmOf(facts, data.campaignId);
  return actor === dm || actor === owner ? null : `only campaign ${data.campaignId}'s dungeon master ${named(dm)} or the owner ${named(owner)} takes it out`;
});

/**
 * rollDice and rollHitPoints: no actor, however allowed, produces dice the seed does not give. The revealed seed
 * hashes to its commitment, the dice and total are the seed's, and the commitment is the one the character's previous
 * roll promised, with the next nonce (src/dice/verify-roll.ts, the verifier anyone can run).
 */
export const ROLL_VERIFIES = rule<DiceRolledData>('ROLL_VERIFIES', ({ data, stream }) => {
  const problems = [...verifyRollProof(data).problems, ...verifyRollLink(stream.lastRoll, data)];
  return problems.length === 0 ? null : `roll ${data.rollId} does not verify: ${problems.join('; ')}`;
});

/** createCampaign: the creator is the dungeon master. */
export const DM_CREATES_CAMPAIGN = rule<CampaignCreated['data']>('DM_CREATES_CAMPAIGN', ({ actor, data }) =>
  actor === data.dungeonMasterId ? null : `the campaign names ${data.dungeonMasterId} as its dungeon master`,
);

/** loadCampaignAsDm (updateCampaign, invitePlayer, scheduleSession, content, plot hooks) and recordSession's branch. */
export const DM_RUNS_CAMPAIGN = rule<{ campaignId: string }>('DM_RUNS_CAMPAIGN', ({ actor, data, facts }) => {
  const dm = dmOf(facts, data.campaignId);
  return actor === dm ? null : `campaign ${data.campaignId}'s dungeon master is ${named(dm)}`;
});

/** joinCampaign: the caller accepts their own invitation. */
export const PLAYER_JOINS_THEMSELF = rule<{ userId: string }>('PLAYER_JOINS_THEMSELF', ({ actor, data, stream }) => {
  if (actor !== data.userId) return `it joins ${data.userId}, not the caller`;
  return stream.members.get(actor) === 'INVITED' ? null : `${actor} had no open invitation`;
});

/** leaveCampaign (removedBy null): the player leaves themself; the DM cannot leave their own campaign. */
export const PLAYER_LEAVES_THEMSELF = rule<PlayerLeft['data']>('PLAYER_LEAVES_THEMSELF', ({ actor, data, facts }) => {
  if (data.removedBy !== null) return null;
  if (actor !== data.userId) return `it ends ${data.userId}'s membership, not the caller's`;
  return dmOf(facts, data.campaignId) === actor ? 'the dungeon master cannot leave their own campaign' : null;
});

/** removePlayer (removedBy set): the DM, who is the one named. */
export const DM_REMOVES_PLAYER = rule<PlayerLeft['data']>('DM_REMOVES_PLAYER', ({ actor, data, facts }) => {
  if (data.removedBy === null) return null;
  const dm = dmOf(facts, data.campaignId);
  if (actor !== dm) return `campaign ${data.campaignId}'s dungeon master is ${named(dm)}`;
  return data.removedBy === actor ? null : `it names ${data.removedBy} as the remover`;
});

/** uploadImage and storePortrait: the owner is the caller. */
export const OWNER_STORES_IMAGE = rule<ImageStoredData>('OWNER_STORES_IMAGE', ({ actor, data }) =>
  actor === data.ownerId ? null : `the image is stored for owner ${data.ownerId}`,
);

/** placeUpload: a campaign's image by its DM or a joined player; DM_ONLY by the DM alone. */
export const MEMBER_PLACES_IMAGE = rule<ImageStoredData>('MEMBER_PLACES_IMAGE', ({ event, actor, data, facts }) => {
  if (!data.campaignId) return null;
  const dm = dmOf(facts, data.campaignId);
  if (data.visibility === 'DM_ONLY' && actor !== dm) return `a DM_ONLY image of campaign ${data.campaignId} is its dungeon master ${named(dm)}'s`;
  return satAt(facts, data.campaignId, actor, event.recordedAt) ? null : `${actor} had not joined campaign ${data.campaignId} then`;
});

/** checkVisibilityChange: the owner or the image's campaign's DM; DM_ONLY by that DM alone. */
export const OWNER_OR_DM_SETS_VISIBILITY = rule<ImageVisibilityChangedData>('OWNER_OR_DM_SETS_VISIBILITY', ({ actor, data, facts, stream }) => {
  const dm = dmOf(facts, stream.campaignId);
  if (data.visibility === 'DM_ONLY') return actor === dm ? null : `only the dungeon master (${named(dm)}) of the image's campaign makes it DM_ONLY`;
  return actor === stream.owner || actor === dm ? null : `the image is ${named(stream.owner)}'s, its campaign's dungeon master ${named(dm)}`;
});

/** deleteOwnedImage and generatePortrait's provenance: the owner. */
export const OWNER_EDITS_IMAGE = rule('OWNER_EDITS_IMAGE', ({ actor, stream }) =>
  actor === stream.owner ? null : `the image is owned by ${named(stream.owner)}`,
);

/**
 * An event only a hub transaction writes names it (causationId) and came from a branch of that operation this
 * service committed, prepared for the same actor: the hub's decision stands behind it.
 */
export function hubTransactionCommitted<TData>(operation: string, applies: (context: RuleContext<TData>) => boolean = () => true): Rule<TData> {
  return rule<TData>('HUB_TRANSACTION_COMMITTED', (context) => {
    if (!applies(context)) return null;
    const { event, actor, branches } = context;
    const transactionId = event.metadata.causationId;
    const branch = transactionId ? branches.get(transactionId) : undefined;
    if (!branch) return `no ${operation} branch of transaction ${transactionId ?? '(none named)'} in this service`;
    if (branch.operation !== operation || branch.state !== 'COMMITTED')
      return `transaction ${transactionId}'s branch here is ${branch.operation} ${branch.state}, not ${operation} COMMITTED`;
    return branch.actor === actor ? null : `transaction ${transactionId} acted for ${named(branch.actor ?? undefined)}`;
  });
}
