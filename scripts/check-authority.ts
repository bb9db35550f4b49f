/**
 * Authority: every event of every stream was produced by an actor its rule allows (authority-rules.ts), judged
 * over the three event-sourced services' events and transaction branches side by side. A valid hash chain proves
 * an event was not edited after it was appended, not that its command was allowed: a row appended with the event
 * store's own function by someone holding the database verifies perfectly and is found here.
 * The llm service is not event-sourced (its generations table is its only record): it has no stream to check.
 */
import { readAll } from '#lib/event-store/read-stream.js';
import { txBranches } from '#lib/transactions/schema.js';
import type { ExperienceAwardedData } from '../subgraphs/character/src/events/character-events.js';
import {
  ACTOR_RECORDED,
  DM_AWARDS_EXPERIENCE,
  DM_CREATES_CAMPAIGN,
  DM_OR_OWNER_LEAVES_PARTY,
  DM_REMOVES_PLAYER,
  DM_RUNS_CAMPAIGN,
  hubTransactionCommitted,
  KNOWN_EVENT_TYPE,
  MEMBER_PLACES_IMAGE,
  OWNER_CREATES_CHARACTER,
  OWNER_EDITS_CHARACTER,
  OWNER_EDITS_IMAGE,
  OWNER_JOINS_PARTY,
  OWNER_OR_DM_SETS_VISIBILITY,
  OWNER_STORES_IMAGE,
  PLAYER_JOINS_THEMSELF,
  PLAYER_LEAVES_THEMSELF,
  ROLL_VERIFIES,
  SERVICE_EVENT_TYPES,
  type AuthorityEvent,
  type AuthorityService,
  type BranchRecord,
  type Facts,
  type Rule,
  type StreamState,
} from './authority-rules.js';
import type { CheckResult } from './check-cross-service.js';
import { PARTICIPANT_SERVICES, type PlatformDatabases } from './check-databases.js';

export interface AuthorityInput {
  events: Record<AuthorityService, AuthorityEvent[]>;
  /** Per service: transaction id -> its branch there. */
  branches: Record<AuthorityService, Map<string, BranchRecord>>;
}

const dmRuns: Rule[] = [DM_RUNS_CAMPAIGN];

/** Every event type each service writes, and the rules its actor must meet (all of them). */
export const AUTHORITY_RULES: Record<AuthorityService, Record<string, Rule[]>> = {
  character: {
    CharacterCreated: [OWNER_CREATES_CHARACTER],
    CharacterUpdated: [OWNER_EDITS_CHARACTER, DM_AWARDS_EXPERIENCE],
    CharacterDeleted: [OWNER_EDITS_CHARACTER],
    // Only a session's award names a session: awardExperience writes none and runs outside any transaction.
    ExperienceAwarded: [
      DM_AWARDS_EXPERIENCE,
      hubTransactionCommitted<ExperienceAwardedData>('awardSessionExperience', ({ data }) => data.sessionId !== undefined),
    ],
    ActiveCampaignSet: [OWNER_JOINS_PARTY, hubTransactionCommitted('joinCampaign')],
    ActiveCampaignCleared: [DM_OR_OWNER_LEAVES_PARTY, hubTransactionCommitted('leaveCampaign')],
    // Play state (setConditions, spendSpellSlot, useFeature, shortRest, longRest): the owner's alone.
    ConditionsChanged: [OWNER_EDITS_CHARACTER],
    SpellSlotSpent: [OWNER_EDITS_CHARACTER],
    FeatureUsed: [OWNER_EDITS_CHARACTER],
    ShortRestTaken: [OWNER_EDITS_CHARACTER],
    LongRestTaken: [OWNER_EDITS_CHARACTER],
    // Fair dice (rollDice, rollHitPoints): the owner rolls, and every roll verifies against its seed and chain.
    DiceRolled: [OWNER_EDITS_CHARACTER, ROLL_VERIFIES],
  },
  campaign: {
    CampaignCreated: [DM_CREATES_CAMPAIGN],
    CampaignUpdated: dmRuns,
    CampaignArchived: dmRuns,
    CampaignReopened: dmRuns,
    PlayerInvited: dmRuns,
    PlayerJoined: [PLAYER_JOINS_THEMSELF],
    PlayerLeft: [PLAYER_LEAVES_THEMSELF, DM_REMOVES_PLAYER],
    CharacterJoinedParty: [OWNER_JOINS_PARTY, hubTransactionCommitted('joinParty')],
    CharacterLeftParty: [DM_OR_OWNER_LEAVES_PARTY, hubTransactionCommitted('leaveParty')],
    SessionScheduled: dmRuns,
    SessionRecorded: [DM_RUNS_CAMPAIGN, hubTransactionCommitted('recordSession')],
    NpcCreated: dmRuns,
    LocationCreated: dmRuns,
    QuestCreated: dmRuns,
    QuestUpdated: dmRuns,
    PlotHooksGenerated: dmRuns,
  },
  image: {
    // uploadImage names no transaction; setCharacterPortrait's storePortrait names its own as causationId.
    ImageStored: [OWNER_STORES_IMAGE, MEMBER_PLACES_IMAGE, hubTransactionCommitted('storePortrait', ({ event }) => event.metadata.causationId !== undefined)],
    ImageVisibilityChanged: [OWNER_OR_DM_SETS_VISIBILITY],
    ImageProvenanceRecorded: [OWNER_EDITS_IMAGE],
    ImageDeleted: [OWNER_EDITS_IMAGE],
  },
};

type Data = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const byPosition = (events: AuthorityEvent[]) => [...events].sort((a, b) => a.globalPosition - b.globalPosition);

/** The facts no event changes once recorded; the first event to record one wins, as the projections' inserts would. */
export function gatherFacts(events: AuthorityInput['events']): Facts {
  const facts: Facts = { dungeonMasters: new Map(), characterOwners: new Map(), sessions: new Map(), memberships: new Map() };
  const once = <T>(map: Map<string, T>, key: string, value: T) => map.has(key) || map.set(key, value);
  for (const event of byPosition(events.character)) {
    const data = event.data as Data;
    if (event.type === 'CharacterCreated') once(facts.characterOwners, text(data.characterId), text(data.owner));
  }
  const status = { PlayerInvited: 'INVITED', PlayerJoined: 'ACTIVE', PlayerLeft: 'LEFT' } as const;
  for (const event of byPosition(events.campaign)) {
    const data = event.data as Data;
    const campaignId = text(data.campaignId);
    if (event.type === 'CampaignCreated') once(facts.dungeonMasters, campaignId, text(data.dungeonMasterId));
    if (event.type === 'SessionRecorded') {
      once(facts.sessions, text(data.sessionId), { campaignId, xpAwarded: Number(data.xpAwarded), awardedTo: (data.awardedTo as string[]) ?? [] });
    }
    if (event.type in status) {
      const changes = facts.memberships.get(campaignId) ?? [];
      changes.push({ userId: text(data.userId), status: status[event.type as keyof typeof status], at: event.recordedAt });
      facts.memberships.set(campaignId, changes);
    }
  }
  return facts;
}

/** The stream after `event`: what the next event's rules read. */
function evolve(state: StreamState, event: AuthorityEvent): void {
  const data = event.data as Data;
  if (event.type === 'ActiveCampaignSet') state.campaignId = text(data.campaignId);
  if (event.type === 'ActiveCampaignCleared') state.campaignId = null;
  if (event.type === 'PlayerInvited') state.members.set(text(data.userId), 'INVITED');
  if (event.type === 'PlayerJoined') state.members.set(text(data.userId), 'ACTIVE');
  if (event.type === 'PlayerLeft') state.members.delete(text(data.userId));
  if (event.type === 'CharacterJoinedParty') state.partyOwners.set(text(data.partyEntryId), text(data.ownerId));
  if (event.type === 'DiceRolled') state.lastRoll = { nextCommitment: text(data.nextCommitment), nonce: Number(data.nonce) };
  if (event.type === 'ImageStored') {
    state.owner = text(data.ownerId);
    state.campaignId = text(data.campaignId) || null;
  }
}

interface Broken {
  rule: string;
  why: string;
}

function brokenRules(service: AuthorityService, event: AuthorityEvent, facts: Facts, stream: StreamState, branches: Map<string, BranchRecord>): Broken[] {
  const actor = event.metadata.userId;
  if (typeof actor !== 'string' || actor === '') {
    if (SERVICE_EVENT_TYPES.includes(event.type)) return [];
    return [{ rule: ACTOR_RECORDED, why: `no user is recorded, and no service writes ${event.type} on its own` }];
  }
  const rules = AUTHORITY_RULES[service][event.type];
  if (!rules) return [{ rule: KNOWN_EVENT_TYPE, why: `no command of the ${service} service writes ${event.type}` }];
  const context = { event, data: event.data as never, actor, facts, stream, branches };
  return rules.flatMap((rule) => {
    const why = rule.check(context);
    return why === null ? [] : [{ rule: rule.name, why }];
  });
}

/** The walk over events in memory: one violation line per broken rule, named by service, stream and position. */
export function checkAuthorityOf(input: AuthorityInput): CheckResult {
  const facts = gatherFacts(input.events);
  const violations: string[] = [];
  let events = 0;
  let streams = 0;
  for (const service of PARTICIPANT_SERVICES) {
    const states = new Map<string, StreamState>();
    for (const event of byPosition(input.events[service])) {
      events++;
      let state = states.get(event.streamId);
      if (!state) {
        state = { campaignId: null, members: new Map(), partyOwners: new Map() };
        states.set(event.streamId, state);
        streams++;
      }
      for (const { rule, why } of brokenRules(service, event, facts, state, input.branches[service])) {
        const actor = typeof event.metadata.userId === 'string' ? event.metadata.userId : '(no user)';
        violations.push(
          `${service} stream ${event.streamId} version ${event.streamVersion} (position ${event.globalPosition}): ${event.type} by ${actor} breaks ${rule}: ${why}`,
        );
      }
      evolve(state, event);
    }
  }
  return { name: 'authority', summary: `${events} events of ${streams} streams produced by allowed actors`, violations };
}

// 1000 events a round trip: few round trips on a big platform, a page that stays small in memory.
const PAGE = 1000;

export async function checkAuthority(dbs: PlatformDatabases): Promise<CheckResult> {
  const input: AuthorityInput = {
    events: { character: [], campaign: [], image: [] },
    branches: { character: new Map(), campaign: new Map(), image: new Map() },
  };
  for (const service of PARTICIPANT_SERVICES) {
    for (let after = 0; ;) {
      const page = await readAll(dbs[service], { afterPosition: after, limit: PAGE });
      input.events[service].push(...page);
      if (page.length < PAGE) break;
      after = page.at(-1)!.globalPosition;
    }
    const rows = await dbs[service]
      .select({ id: txBranches.transactionId, operation: txBranches.operation, state: txBranches.state, actor: txBranches.actor })
      .from(txBranches);
    for (const { id, ...branch } of rows) input.branches[service].set(id, branch);
  }
  return checkAuthorityOf(input);
}
