import { describe, expect, it } from 'vitest';
import type { AuthorityEvent, AuthorityService, BranchRecord } from './authority-rules.js';
import { checkAuthorityOf } from './check-authority.js';
import { commitmentOf, dieStream, evaluateRoll, formatTerms, newServerSeed, parseDiceExpression } from '../subgraphs/character/src/dice/index.js';

/** A roll exactly as rollDice records it: seed `seed` for roll `nonce`, committing to `nextSeed`. */
function honestRoll(characterId: string, nonce: number, seed: string, nextSeed: string) {
  const terms = parseDiceExpression('2d20kh1+3');
  const { dice, total } = evaluateRoll(terms, dieStream(seed, 'client', nonce, formatTerms(terms)));
  const next = commitmentOf(nextSeed);
  return {
    characterId,
    rollId: `roll-${nonce}`,
    purpose: null,
    expression: formatTerms(terms),
    dice,
    total,
    serverSeed: seed,
    commitment: commitmentOf(seed),
    clientSeed: 'client',
    nonce,
    nextCommitment: next,
  };
}

const CAMPAIGN = 'c1';
const HERO = 'hero'; // pam's character, in the party of c1
const SOLO = 'solo'; // sol's character, in no campaign
const MAP = 'map'; // pam's PARTY image of c1
const streamOf = { character: 'character-', campaign: 'campaign-', image: 'image-' } as const;

/** Three services' events and branches in memory; each test adds to a clean baseline and reads the violations. */
class World {
  events: Record<AuthorityService, AuthorityEvent[]> = { character: [], campaign: [], image: [] };
  branches: Record<AuthorityService, Map<string, BranchRecord>> = { character: new Map(), campaign: new Map(), image: new Map() };
  private versions = new Map<string, number>();
  private position = 0;
  private clock = Date.UTC(2025, 0, 1);

  add(service: AuthorityService, entity: string, type: string, data: object, userId: string | null, transactionId?: string): AuthorityEvent {
    const streamId = `${streamOf[service]}${entity}`;
    const streamVersion = (this.versions.get(streamId) ?? 0) + 1;
    this.versions.set(streamId, streamVersion);
    const metadata = { correlationId: transactionId ?? 'request', userId, ...(transactionId ? { causationId: transactionId } : {}) };
    const event = { streamId, streamVersion, globalPosition: ++this.position, type, data, metadata, recordedAt: new Date((this.clock += 1000)) };
    this.events[service].push(event);
    return event;
  }

  /** A hub transaction each named service committed (or `state`) for `actor`. */
  transaction(actor: string, legs: Array<[AuthorityService, string]>, state = 'COMMITTED'): string {
    const id = `tx-${++this.position}`;
    for (const [service, operation] of legs) this.branches[service].set(id, { operation, state, actor });
    return id;
  }

  violations(): string[] {
    return checkAuthorityOf(this).violations;
  }
}

function baseline(): World {
  const w = new World();
  w.add('campaign', CAMPAIGN, 'CampaignCreated', { campaignId: CAMPAIGN, name: 'Sunless', setting: null, description: null, dungeonMasterId: 'dm' }, 'dm');
  w.add('campaign', CAMPAIGN, 'PlayerInvited', { campaignId: CAMPAIGN, userId: 'pam' }, 'dm');
  w.add('campaign', CAMPAIGN, 'PlayerJoined', { campaignId: CAMPAIGN, userId: 'pam' }, 'pam');
  w.add('character', HERO, 'CharacterCreated', { characterId: HERO, owner: 'pam' }, 'pam');
  w.add('character', SOLO, 'CharacterCreated', { characterId: SOLO, owner: 'sol' }, 'sol');
  const join = w.transaction('pam', [
    ['campaign', 'joinParty'],
    ['character', 'joinCampaign'],
  ]);
  w.add('campaign', CAMPAIGN, 'CharacterJoinedParty', { campaignId: CAMPAIGN, partyEntryId: 'entry-1', characterId: HERO, ownerId: 'pam' }, 'pam', join);
  w.add('character', HERO, 'ActiveCampaignSet', { characterId: HERO, campaignId: CAMPAIGN }, 'pam', join);
  w.add('image', MAP, 'ImageStored', { imageId: MAP, ownerId: 'pam', campaignId: CAMPAIGN, visibility: 'PARTY' }, 'pam');
  return w;
}

/** The violations of one world: [] or lines naming exactly `rule`. */
function expectBroken(w: World, rule: string | null): void {
  const found = w.violations();
  if (rule === null) expect(found).toEqual([]);
  else expect(found).toEqual([expect.stringContaining(`breaks ${rule}:`)]);
}

const award = (w: World, characterId: string, by: string, extra: object = {}, tx?: string) =>
  w.add('character', characterId, 'ExperienceAwarded', { characterId, amount: 99_999, reason: null, ...extra }, by, tx);
const session = (w: World, by = 'dm', awardedTo = [HERO], xpAwarded = 300) => {
  const tx = w.transaction(by, [
    ['campaign', 'recordSession'],
    ['character', 'awardSessionExperience'],
  ]);
  w.add(
    'campaign',
    CAMPAIGN,
    'SessionRecorded',
    { campaignId: CAMPAIGN, sessionId: 's1', number: 1, recap: null, dmNotes: null, xpAwarded, awardedTo },
    by,
    tx,
  );
  return tx;
};

describe('the authority check over events in memory', () => {
  it('finds the baseline clean and counts its events and streams', () => {
    expect(checkAuthorityOf(baseline())).toMatchObject({ summary: '8 events of 4 streams produced by allowed actors', violations: [] });
  });

  it('names the service, stream, version, position, actor and rule of the self-award of +99,999 XP inside a campaign', () => {
    const w = baseline();
    award(w, HERO, 'pam');
    expect(w.violations()).toEqual([
      'character stream character-hero version 3 (position 10): ExperienceAwarded by pam breaks DM_AWARDS_EXPERIENCE: the character is in campaign c1, whose dungeon master is dm',
    ]);
  });

  it.each([
    ['the DM awards a character of their campaign', (w: World) => award(w, HERO, 'dm'), null],
    ['the owner awards a solo character', (w: World) => award(w, SOLO, 'sol'), null],
    ["the campaign's DM awards a solo character", (w: World) => award(w, SOLO, 'dm'), 'DM_AWARDS_EXPERIENCE'],
    [
      'the owner awards it once it left the party',
      (w: World) => {
        const leave = w.transaction('pam', [
          ['campaign', 'leaveParty'],
          ['character', 'leaveCampaign'],
        ]);
        w.add('character', HERO, 'ActiveCampaignCleared', { characterId: HERO, campaignId: CAMPAIGN }, 'pam', leave);
        w.add('campaign', CAMPAIGN, 'CharacterLeftParty', { campaignId: CAMPAIGN, partyEntryId: 'entry-1', characterId: HERO }, 'pam', leave);
        award(w, HERO, 'pam');
      },
      null,
    ],
    [
      'the owner edits the experience of a solo character',
      (w: World) => w.add('character', SOLO, 'CharacterUpdated', { characterId: SOLO, changes: { experience: 900 } }, 'sol'),
      null,
    ],
    [
      'the owner edits the experience while in a campaign',
      (w: World) => w.add('character', HERO, 'CharacterUpdated', { characterId: HERO, changes: { experience: 900 } }, 'pam'),
      'DM_AWARDS_EXPERIENCE',
    ],
    ["a session's XP by its DM, as recorded", (w: World) => award(w, HERO, 'dm', { sessionId: 's1', amount: 300 }, session(w)), null],
    [
      "a session's XP of another amount than recorded",
      (w: World) => award(w, HERO, 'dm', { sessionId: 's1', amount: 900 }, session(w)),
      'DM_AWARDS_EXPERIENCE',
    ],
    [
      "a session's XP for a character it did not award",
      (w: World) => award(w, SOLO, 'dm', { sessionId: 's1', amount: 300 }, session(w)),
      'DM_AWARDS_EXPERIENCE',
    ],
    [
      'XP naming a session nobody recorded',
      (w: World) => award(w, HERO, 'dm', { sessionId: 'nowhere', amount: 300 }, w.transaction('dm', [['character', 'awardSessionExperience']])),
      'DM_AWARDS_EXPERIENCE',
    ],
  ])('DM_AWARDS_EXPERIENCE: %s', (_case, act, rule) => {
    const w = baseline();
    act(w);
    expectBroken(w, rule);
  });

  it.each([
    ['OWNER_CREATES_CHARACTER', 'by its owner', (w: World) => w.add('character', 'new', 'CharacterCreated', { characterId: 'new', owner: 'sol' }, 'sol'), true],
    [
      'OWNER_CREATES_CHARACTER',
      'for someone else',
      (w: World) => w.add('character', 'new', 'CharacterCreated', { characterId: 'new', owner: 'sol' }, 'mallory'),
      false,
    ],
    [
      'OWNER_EDITS_CHARACTER',
      'update by the owner',
      (w: World) => w.add('character', SOLO, 'CharacterUpdated', { characterId: SOLO, changes: { name: 'X' } }, 'sol'),
      true,
    ],
    ['OWNER_EDITS_CHARACTER', 'delete by another user', (w: World) => w.add('character', SOLO, 'CharacterDeleted', { characterId: SOLO }, 'dm'), false],
    [
      'OWNER_JOINS_PARTY',
      "the character side of another user's join",
      (w: World) =>
        w.add(
          'character',
          SOLO,
          'ActiveCampaignSet',
          { characterId: SOLO, campaignId: CAMPAIGN },
          'pam',
          w.transaction('pam', [['character', 'joinCampaign']]),
        ),
      false,
    ],
    [
      'OWNER_JOINS_PARTY',
      'the owner, a joined player, brings a second character in',
      (w: World) => {
        w.add('character', 'second', 'CharacterCreated', { characterId: 'second', owner: 'pam' }, 'pam');
        const tx = w.transaction('pam', [
          ['campaign', 'joinParty'],
          ['character', 'joinCampaign'],
        ]);
        w.add('campaign', CAMPAIGN, 'CharacterJoinedParty', { campaignId: CAMPAIGN, partyEntryId: 'e2', characterId: 'second', ownerId: 'pam' }, 'pam', tx);
        w.add('character', 'second', 'ActiveCampaignSet', { characterId: 'second', campaignId: CAMPAIGN }, 'pam', tx);
      },
      true,
    ],
    [
      'OWNER_JOINS_PARTY',
      'the owner, not a member, brings it in',
      (w: World) =>
        w.add(
          'campaign',
          CAMPAIGN,
          'CharacterJoinedParty',
          { campaignId: CAMPAIGN, partyEntryId: 'e2', characterId: SOLO, ownerId: 'sol' },
          'sol',
          w.transaction('sol', [['campaign', 'joinParty']]),
        ),
      false,
    ],
    [
      'DM_OR_OWNER_LEAVES_PARTY',
      'the DM takes it out',
      (w: World) => {
        const tx = w.transaction('dm', [
          ['campaign', 'leaveParty'],
          ['character', 'leaveCampaign'],
        ]);
        w.add('campaign', CAMPAIGN, 'CharacterLeftParty', { campaignId: CAMPAIGN, partyEntryId: 'entry-1', characterId: HERO }, 'dm', tx);
        w.add('character', HERO, 'ActiveCampaignCleared', { characterId: HERO, campaignId: CAMPAIGN }, 'dm', tx);
      },
      true,
    ],
    [
      'DM_OR_OWNER_LEAVES_PARTY',
      'a third user takes it out',
      (w: World) =>
        w.add(
          'campaign',
          CAMPAIGN,
          'CharacterLeftParty',
          { campaignId: CAMPAIGN, partyEntryId: 'entry-1', characterId: HERO },
          'sol',
          w.transaction('sol', [['campaign', 'leaveParty']]),
        ),
      false,
    ],
    ['DM_CREATES_CAMPAIGN', 'by its DM', (w: World) => w.add('campaign', 'c2', 'CampaignCreated', { campaignId: 'c2', dungeonMasterId: 'sol' }, 'sol'), true],
    [
      'DM_CREATES_CAMPAIGN',
      'for another DM',
      (w: World) => w.add('campaign', 'c2', 'CampaignCreated', { campaignId: 'c2', dungeonMasterId: 'sol' }, 'pam'),
      false,
    ],
    ['DM_RUNS_CAMPAIGN', 'an NPC by the DM', (w: World) => w.add('campaign', CAMPAIGN, 'NpcCreated', { campaignId: CAMPAIGN, npcId: 'n' }, 'dm'), true],
    ['DM_RUNS_CAMPAIGN', 'a session recorded by a player', (w: World) => session(w, 'pam'), false],
    [
      'PLAYER_JOINS_THEMSELF',
      'an invited player joins',
      (w: World) => {
        w.add('campaign', CAMPAIGN, 'PlayerInvited', { campaignId: CAMPAIGN, userId: 'sol' }, 'dm');
        w.add('campaign', CAMPAIGN, 'PlayerJoined', { campaignId: CAMPAIGN, userId: 'sol' }, 'sol');
      },
      true,
    ],
    [
      'PLAYER_JOINS_THEMSELF',
      'an uninvited user joins',
      (w: World) => w.add('campaign', CAMPAIGN, 'PlayerJoined', { campaignId: CAMPAIGN, userId: 'sol' }, 'sol'),
      false,
    ],
    [
      'PLAYER_LEAVES_THEMSELF',
      'the player leaves',
      (w: World) => w.add('campaign', CAMPAIGN, 'PlayerLeft', { campaignId: CAMPAIGN, userId: 'pam', removedBy: null }, 'pam'),
      true,
    ],
    [
      'PLAYER_LEAVES_THEMSELF',
      'another user "leaves" for them',
      (w: World) => w.add('campaign', CAMPAIGN, 'PlayerLeft', { campaignId: CAMPAIGN, userId: 'pam', removedBy: null }, 'sol'),
      false,
    ],
    [
      'DM_REMOVES_PLAYER',
      'the DM removes a player',
      (w: World) => w.add('campaign', CAMPAIGN, 'PlayerLeft', { campaignId: CAMPAIGN, userId: 'pam', removedBy: 'dm' }, 'dm'),
      true,
    ],
    [
      'DM_REMOVES_PLAYER',
      'a player removes a player',
      (w: World) => w.add('campaign', CAMPAIGN, 'PlayerLeft', { campaignId: CAMPAIGN, userId: 'pam', removedBy: 'sol' }, 'sol'),
      false,
    ],
    [
      'OWNER_STORES_IMAGE',
      'an upload by its owner',
      (w: World) => w.add('image', 'i2', 'ImageStored', { imageId: 'i2', ownerId: 'sol', campaignId: null }, 'sol'),
      true,
    ],
    [
      'OWNER_STORES_IMAGE',
      'an upload for someone else',
      (w: World) => w.add('image', 'i2', 'ImageStored', { imageId: 'i2', ownerId: 'sol', campaignId: null }, 'pam'),
      false,
    ],
    [
      'MEMBER_PLACES_IMAGE',
      'the DM places a DM_ONLY map',
      (w: World) => w.add('image', 'i2', 'ImageStored', { imageId: 'i2', ownerId: 'dm', campaignId: CAMPAIGN, visibility: 'DM_ONLY' }, 'dm'),
      true,
    ],
    [
      'MEMBER_PLACES_IMAGE',
      'an outsider places an image in the campaign',
      (w: World) => w.add('image', 'i2', 'ImageStored', { imageId: 'i2', ownerId: 'sol', campaignId: CAMPAIGN }, 'sol'),
      false,
    ],
    [
      'MEMBER_PLACES_IMAGE',
      'a player makes a DM_ONLY image',
      (w: World) => w.add('image', 'i2', 'ImageStored', { imageId: 'i2', ownerId: 'pam', campaignId: CAMPAIGN, visibility: 'DM_ONLY' }, 'pam'),
      false,
    ],
    [
      'OWNER_OR_DM_SETS_VISIBILITY',
      "the DM hides a player's image",
      (w: World) => w.add('image', MAP, 'ImageVisibilityChanged', { imageId: MAP, visibility: 'DM_ONLY' }, 'dm'),
      true,
    ],
    [
      'OWNER_OR_DM_SETS_VISIBILITY',
      'the owner makes it DM_ONLY',
      (w: World) => w.add('image', MAP, 'ImageVisibilityChanged', { imageId: MAP, visibility: 'DM_ONLY' }, 'pam'),
      false,
    ],
    [
      'OWNER_EDITS_IMAGE',
      'the owner deletes it',
      (w: World) => w.add('image', MAP, 'ImageDeleted', { imageId: MAP, ownerId: 'pam', sha256: 'x' }, 'pam'),
      true,
    ],
    ['OWNER_EDITS_IMAGE', 'the DM deletes it', (w: World) => w.add('image', MAP, 'ImageDeleted', { imageId: MAP, ownerId: 'pam', sha256: 'x' }, 'dm'), false],
    [
      'HUB_TRANSACTION_COMMITTED',
      'a portrait stored by its committed branch',
      (w: World) =>
        w.add('image', 'p', 'ImageStored', { imageId: 'p', ownerId: 'sol', kind: 'PORTRAIT' }, 'sol', w.transaction('sol', [['image', 'storePortrait']])),
      true,
    ],
    [
      'HUB_TRANSACTION_COMMITTED',
      'a join whose transaction this service never committed',
      (w: World) => w.add('character', SOLO, 'ActiveCampaignSet', { characterId: SOLO, campaignId: CAMPAIGN }, 'sol', 'tx-forged'),
      false,
    ],
    [
      'HUB_TRANSACTION_COMMITTED',
      'a join whose branch aborted',
      (w: World) =>
        w.add(
          'character',
          SOLO,
          'ActiveCampaignSet',
          { characterId: SOLO, campaignId: CAMPAIGN },
          'sol',
          w.transaction('sol', [['character', 'joinCampaign']], 'ABORTED'),
        ),
      false,
    ],
    [
      'HUB_TRANSACTION_COMMITTED',
      'a join for another actor than its branch',
      (w: World) =>
        w.add('character', HERO, 'ActiveCampaignSet', { characterId: HERO, campaignId: CAMPAIGN }, 'pam', w.transaction('dm', [['character', 'joinCampaign']])),
      false,
    ],
  ])('%s: %s', (rule, _case, act, allowed) => {
    const w = baseline();
    act(w);
    expectBroken(w, allowed ? null : rule);
  });

  it('a member who joined after an image was placed did not sit at the table then (MEMBER_PLACES_IMAGE)', () => {
    const w = baseline();
    w.add('image', 'early', 'ImageStored', { imageId: 'early', ownerId: 'sol', campaignId: CAMPAIGN, visibility: 'PARTY' }, 'sol');
    w.add('campaign', CAMPAIGN, 'PlayerInvited', { campaignId: CAMPAIGN, userId: 'sol' }, 'dm');
    w.add('campaign', CAMPAIGN, 'PlayerJoined', { campaignId: CAMPAIGN, userId: 'sol' }, 'sol');
    w.add('image', 'later', 'ImageStored', { imageId: 'later', ownerId: 'sol', campaignId: CAMPAIGN, visibility: 'PARTY' }, 'sol');
    expect(w.violations()).toEqual([
      expect.stringMatching(/^image stream image-early version 1 .* breaks MEMBER_PLACES_IMAGE: sol had not joined campaign c1 then$/),
    ]);
  });

  it('an event naming no user breaks ACTOR_RECORDED, one of no known type KNOWN_EVENT_TYPE', () => {
    const w = baseline();
    w.add('character', SOLO, 'CharacterUpdated', { characterId: SOLO, changes: {} }, null);
    w.add('campaign', CAMPAIGN, 'CampaignHijacked', { campaignId: CAMPAIGN }, 'mallory');
    expect(w.violations()).toEqual([
      expect.stringMatching(/^character stream character-solo version 2 \(position 10\): CharacterUpdated by \(no user\) breaks ACTOR_RECORDED: /),
      expect.stringMatching(/^campaign stream campaign-c1 version 5 \(position 11\): CampaignHijacked by mallory breaks KNOWN_EVENT_TYPE: /),
    ]);
  });

  it.each(['ConditionsChanged', 'SpellSlotSpent', 'FeatureUsed', 'ShortRestTaken', 'LongRestTaken'])(
    '%s: the owner plays their character, the DM may not (OWNER_EDITS_CHARACTER)',
    (type) => {
      const owner = baseline();
      owner.add('character', HERO, type, { characterId: HERO, result: {} }, 'pam');
      expectBroken(owner, null);
      const dm = baseline();
      dm.add('character', HERO, type, { characterId: HERO, result: {} }, 'dm');
      expectBroken(dm, 'OWNER_EDITS_CHARACTER');
    },
  );

  it('DiceRolled: an honest chain of rolls passes; an edited die, a skipped seed or a roll by the DM is named (ROLL_VERIFIES, OWNER_EDITS_CHARACTER)', () => {
    const seeds = [newServerSeed(), newServerSeed(), newServerSeed()];
    const honest = baseline();
    honest.add('character', HERO, 'DiceRolled', honestRoll(HERO, 0, seeds[0]!, seeds[1]!), 'pam');
    honest.add('character', HERO, 'DiceRolled', honestRoll(HERO, 1, seeds[1]!, seeds[2]!), 'pam');
    expectBroken(honest, null);

    const edited = baseline();
    const roll = honestRoll(HERO, 0, seeds[0]!, seeds[1]!);
    edited.add('character', HERO, 'DiceRolled', { ...roll, dice: roll.dice.map((die) => ({ ...die, value: 20 })), total: 23 }, 'pam');
    expect(edited.violations()).toEqual([expect.stringMatching(/DiceRolled by pam breaks ROLL_VERIFIES: roll roll-0 does not verify: the seed gives dice/)]);

    const swapped = baseline();
    swapped.add('character', HERO, 'DiceRolled', honestRoll(HERO, 0, seeds[0]!, seeds[1]!), 'pam');
    swapped.add('character', HERO, 'DiceRolled', honestRoll(HERO, 1, seeds[2]!, seeds[1]!), 'pam');
    expect(swapped.violations()).toEqual([expect.stringMatching(/breaks ROLL_VERIFIES: .*not the one the previous roll promised/)]);

    const byDm = baseline();
    byDm.add('character', HERO, 'DiceRolled', honestRoll(HERO, 0, seeds[0]!, seeds[1]!), 'dm');
    expectBroken(byDm, 'OWNER_EDITS_CHARACTER');
  });
});
