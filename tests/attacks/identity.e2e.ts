/**
 * The hostile-input suite, identity and transactions: what an attacker who captured internal traffic, or holds one
 * service's key, tries against the real platform. Every attack gets its exact refusal, writes nothing, and
 * `npm run check` is clean afterwards.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyHash, DELEGATION_HEADER, GATEWAY, hubSecretOf, IDENTITY_HEADER, serviceKey, signRequest } from '#lib/auth/index.js';
import { signedFor } from '#lib/auth/testing/signed-headers.js';
import { COORDINATOR, PREPARE_BRANCH, prepareCapability } from '../helpers/branch-protocol.js';
import { gameFixtures } from '../helpers/game-fixtures.js';
import { checkAfterStop } from '../helpers/platform-tools.js';
import { rawGet } from '../helpers/raw-http.js';
import { E2E_SECRET, startTestPlatform, type TestPlatform } from '../helpers/platform.js';
import { expectNoLeak, expectRefused, expectUnchanged } from './expect-refused.js';

let platform: TestPlatform;
let fx: ReturnType<typeof gameFixtures>;
let victim: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  fx = gameFixtures(platform);
  victim = await fx.character('victim');
  version = (await fx.ok('query($id: ID!) { character(id: $id) { version } }', { id: victim }, 'victim')).character.version;
});
afterAll(async () => platform?.stop());

const serviceUrl = (service: 'character' | 'campaign' | 'image' | 'llm', path = '/graphql') => `http://127.0.0.1:${platform.ports[service]}${path}`;
const experience = () => fx.experience('victim', victim);

async function post(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  let parsed: { data?: unknown; errors?: Array<{ message?: string; extensions?: Record<string, unknown> }> };
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { errors: [{ message: text }] };
  }
  return { status: response.status, ...parsed };
}

let version = 0;
/** The victim's own rename, as the gateway would send it to the character service. */
const RENAME = (name: string) =>
  JSON.stringify({
    query: 'mutation($input: UpdateCharacterInput!) { updateCharacter(input: $input) { character { name version } } }',
    variables: { input: { id: victim, name, expectedVersion: version } },
  });
const characterName = async () => (await fx.ok('query($id: ID!) { character(id: $id) { name } }', { id: victim }, 'victim')).character.name as string;

describe('a captured x-hub-identity header', () => {
  it('is good for one request: replayed as it is, it is refused as replayed', async () => {
    const body = RENAME('Renamed once');
    const captured = signedFor(E2E_SECRET, 'character', { userId: 'victim' }, { body });
    const first = await post(serviceUrl('character'), body, captured);
    expect(first.data).toMatchObject({ updateCharacter: { character: { name: 'Renamed once' } } });
    version = (first.data as { updateCharacter: { character: { version: number } } }).updateCharacter.character.version;
    const before = await characterName();
    expect(before).toBe('Renamed once');
    const replay = await post(serviceUrl('character'), body, captured);
    expectRefused(replay, 401, 'UNAUTHENTICATED', [captured[IDENTITY_HEADER]!]);
    expect(replay.errors?.[0]?.extensions?.reason).toBe('replayed');
    await expectUnchanged(before, characterName, "the victim's character");
  });

  it('does not carry another body, another service, another path, or outlive its 10 s', async () => {
    const before = await characterName();
    const captured = signedFor(E2E_SECRET, 'character', { userId: 'victim' }, { body: RENAME('Harmless') });
    const attempts: Array<[string, Promise<Awaited<ReturnType<typeof post>>>]> = [
      ['body does not match', post(serviceUrl('character'), RENAME('Owned by mallory'), captured)],
      ['forged', post(serviceUrl('campaign'), RENAME('Harmless'), captured)],
      ['wrong method or path', post(serviceUrl('character', '/graphql?x=1'), RENAME('Harmless'), captured)],
      [
        'expired',
        post(
          serviceUrl('character'),
          RENAME('Harmless'),
          signedFor(E2E_SECRET, 'character', { userId: 'victim' }, { body: RENAME('Harmless'), now: Date.now() - 11_000 }),
        ),
      ],
    ];
    for (const [reason, attempt] of attempts) {
      const answer = await attempt;
      expectRefused(answer, 401, 'UNAUTHENTICATED');
      expect([reason, answer.errors?.[0]?.extensions?.reason]).toEqual([reason, reason]);
    }
    await expectUnchanged(before, characterName, "the victim's character");
  });

  it('means nothing to the public gateway: the request is anonymous, or its bearer, never the header', async () => {
    const body = RENAME('Via the gateway');
    const captured = signedFor(E2E_SECRET, 'character', { userId: 'victim' }, { body });
    const before = await characterName();
    const anonymous = await post(`${platform.url}/graphql`, body, captured);
    expectRefused(anonymous, 200, 'UNAUTHENTICATED');
    const asMallory = await post(`${platform.url}/graphql`, body, { ...captured, authorization: `Bearer ${await platform.token('mallory')}` });
    expectRefused(asMallory, 200, 'FORBIDDEN');
    await expectUnchanged(before, characterName, "the victim's character");
  });
});

describe("a subgraph's other routes", () => {
  it('/metrics and /traces of every service answer 401 without the gateway, also by a path that climbs', async () => {
    for (const service of ['character', 'campaign', 'image', 'llm'] as const) {
      for (const path of ['/metrics', `/traces?recent=5`, '/graphql/../metrics', '/images/../metrics']) {
        const response = await fetch(serviceUrl(service, path));
        const text = await response.text();
        expect([service, path, response.status]).toEqual([service, path, 401]);
        expectNoLeak(text, ['event_feed_subscribers', 'process_cpu']);
      }
    }
  });

  it("the gateway's image route refuses a path that climbs out of /images/ (to the image service's /metrics) with 400", async () => {
    for (const path of ['/images/../metrics', '/images/%2e%2e/metrics', '/images/..%2fmetrics', '/images//metrics', '/images/..\\metrics']) {
      const { status, body } = await rawGet(platform.url, path);
      expectRefused({ status, ...(JSON.parse(body) as object) }, 400, 'BAD_USER_INPUT', ['event_feed_subscribers']);
    }
  });

  it('refuses a body over its limit unread, with 413', async () => {
    const huge = JSON.stringify({ query: `{ characters { totalCount } }`, padding: 'x'.repeat(9 * 1024 * 1024) });
    const answer = await post(serviceUrl('character'), huge, signedFor(E2E_SECRET, 'character', { userId: 'victim' }, { body: huge }));
    expectRefused(answer, 413, 'BAD_USER_INPUT');
  });
});

describe("a service's call to the gateway", () => {
  const body = JSON.stringify({ query: '{ characters(first: 1) { totalCount } }' });
  const delegation = (service: string, forRequest: string | undefined, userId: string | null, key = serviceKey(hubSecretOf(E2E_SECRET), service)) => ({
    [DELEGATION_HEADER]: signRequest(
      forRequest ? { userId } : { userId: null, service },
      { audience: GATEWAY, method: 'POST', path: '/graphql', bodyHash: bodyHash(body) },
      key,
      {
        issuer: service,
        ...(forRequest ? { forRequest } : {}),
      },
    ).header,
  });

  it('cannot name a request that is over (or never was) to act for its user', async () => {
    const answer = await post(`${platform.url}/graphql`, body, delegation('campaign', randomUUID(), 'victim'));
    expectRefused(answer, 401, 'UNAUTHENTICATED');
  });

  it('cannot claim to be the coordinator, or another service, with its own key', async () => {
    const campaignKey = serviceKey(hubSecretOf(E2E_SECRET), 'campaign');
    for (const service of ['hub', 'character']) {
      expectRefused(await post(`${platform.url}/graphql`, body, delegation(service, undefined, null, campaignKey)), 401, 'UNAUTHENTICATED');
    }
  });
});

describe('transaction branches', () => {
  const award = (amount: number) => ({
    transactionId: randomUUID(),
    operation: 'awardSessionExperience',
    payload: JSON.stringify({ characterIds: [victim], amount, sessionId: randomUUID(), reason: 'forged' }),
    actor: null,
    deadline: new Date(Date.now() + 60_000).toISOString(),
  });
  const prepareBody = (input: ReturnType<typeof award>) => JSON.stringify({ query: PREPARE_BRANCH, variables: { input } });

  it("a captured prepare replayed with +99,999 XP is refused, and so is a branch with another branch's capability", async () => {
    const before = await experience();
    const honest = award(10);
    const forged = { ...honest, payload: honest.payload.replace('"amount":10', '"amount":99999') };
    // Captured from the wire: the coordinator's header and capability for the honest branch.
    const captured = {
      ...signedFor(E2E_SECRET, 'character', COORDINATOR, { body: prepareBody(honest) }),
      ...prepareCapability('character', honest, E2E_SECRET),
    };
    expectRefused(await post(serviceUrl('character'), prepareBody(forged), captured), 401, 'UNAUTHENTICATED');
    // An insider holding the character service's key signs a fresh header, but cannot sign the coordinator's capability.
    const insider = {
      ...signedFor(E2E_SECRET, 'character', COORDINATOR, { body: prepareBody(forged) }),
      ...prepareCapability('character', honest, E2E_SECRET),
    };
    expectRefused(await post(serviceUrl('character'), prepareBody(forged), insider), 200, 'FORBIDDEN');
    const uncapable = signedFor(E2E_SECRET, 'character', COORDINATOR, { body: prepareBody(forged) });
    expectRefused(await post(serviceUrl('character'), prepareBody(forged), uncapable), 200, 'FORBIDDEN');
    await expectUnchanged(before, experience, "the victim's experience");
  });

  it('a prepare sent by a user (through the gateway or straight) is refused', async () => {
    const before = await experience();
    const input = award(99_999);
    const viaGateway = await platform.gql(PREPARE_BRANCH, { input }, 'victim');
    expect(viaGateway.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const straight = await post(serviceUrl('character'), prepareBody(input), {
      ...signedFor(E2E_SECRET, 'character', { userId: 'victim' }, { body: prepareBody(input) }),
      ...prepareCapability('character', input, E2E_SECRET),
    });
    expectRefused(straight, 200, 'FORBIDDEN');
    await expectUnchanged(before, experience, "the victim's experience");
  });
});

describe('domain authority over experience', () => {
  const AWARD = 'mutation($input: AwardExperienceInput!) { awardExperience(input: $input) { character { experience } } }';

  it('a player in a campaign cannot level their own character, by award or by editing the sheet; another player cannot either', async () => {
    const campaignId = await fx.campaign('the-dm', ['climber', 'rival']);
    const characterId = await fx.character('climber', 'Climber');
    expect((await fx.joinParty('climber', campaignId, characterId)).errors).toBeUndefined();
    const xp = () => fx.experience('climber', characterId);
    const before = await xp();
    const selfAward = await platform.gql(AWARD, { input: { characterId, amount: 355_000, reason: 'self-levelled to 20' } }, 'climber');
    expectRefused({ status: 200, errors: selfAward.errors }, 200, 'FORBIDDEN');
    const rival = await platform.gql(AWARD, { input: { characterId, amount: 10 } }, 'rival');
    expectRefused({ status: 200, errors: rival.errors }, 200, 'FORBIDDEN');
    const { character } = await fx.ok('query($id: ID!) { character(id: $id) { version } }', { id: characterId }, 'climber');
    const edited = await platform.gql(
      'mutation($input: UpdateCharacterInput!) { updateCharacter(input: $input) { character { experience } } }',
      { input: { id: characterId, expectedVersion: character.version, experience: 355_000 } },
      'climber',
    );
    expectRefused({ status: 200, errors: edited.errors }, 200, 'FORBIDDEN');
    await expectUnchanged(before, xp, "the climber's experience");
    // The dungeon master can.
    expect((await platform.gql(AWARD, { input: { characterId, amount: 300 } }, 'the-dm')).data?.awardExperience.character.experience).toBe(before + 300);
  });
});

describe('afterwards', () => {
  it('npm run check is clean', async () => {
    const result = await checkAfterStop(platform);
    expect(result.stdout).toContain('check passed');
    expect(result.code).toBe(0);
  }, 180_000);
});
