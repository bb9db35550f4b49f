/**
 * Identity and bad input through the real gateway: every refusal has a clear message and a code,
 * nothing is written, and no stack trace, SQL or secret reaches the client.
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SECRET, startTestPlatform, type TestPlatform } from './helpers/platform.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

const CREATE = `mutation($input: CreateCharacterInput!) { createCharacter(input: $input) { character { id version } } }`;
const validInput = {
  name: 'Vessa',
  race: 'TIEFLING',
  class: 'WARLOCK',
  abilityScores: { strength: 8, dexterity: 14, constitution: 13, intelligence: 12, wisdom: 10, charisma: 15 },
};

function expectNoLeak(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
  expect(text).not.toMatch(/select |insert into|update .* set /i);
  expect(text).not.toContain(E2E_SECRET);
}

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${platform.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

async function countCharacters(owner: string): Promise<number> {
  const result = await platform.gql('query($owner: ID!) { characters(filter: { owner: $owner }) { totalCount } }', { owner }, owner);
  return result.data!.characters.totalCount;
}

describe('identity', () => {
  it('answers a mutation without a token with UNAUTHENTICATED', async () => {
    const result = await platform.gql(CREATE, { input: validInput }, null);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a forged token with 401 before any service runs', async () => {
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuer('dnd-tools')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-secret-not-the-secret-not-the-secret'));
    const { status, body } = await post({ query: CREATE, variables: { input: validInput } }, { authorization: `Bearer ${forged}` });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await countCharacters('mallory')).toBe(0);
  });

  it('rejects an expired token with a message saying so', async () => {
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('late')
      .setIssuer('dnd-tools')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(E2E_SECRET));
    const { status, body } = await post({ query: '{ characters { totalCount } }' }, { authorization: `Bearer ${expired}` });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.message).toMatch(/expired/);
  });

  it('refuses a request sent straight to a subgraph port', async () => {
    for (const service of ['character', 'campaign', 'image', 'llm'] as const) {
      const response = await fetch(`http://127.0.0.1:${platform.ports[service]}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-identity': 'v1.eyJzdWIiOiJtYWxsb3J5In0.forged' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      const body = (await response.json()) as { errors?: any[] };
      expect(body.errors?.[0]?.extensions?.code, service).toBe('UNAUTHENTICATED');
    }
  });
});

describe('bad input', () => {
  it('refuses ability scores outside 1-30, naming the ability, and writes nothing', async () => {
    const result = await platform.gql(CREATE, { input: { ...validInput, abilityScores: { ...validInput.abilityScores, strength: 31 } } }, 'bad-1');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/strength/i);
    expectNoLeak(result);
    expect(await countCharacters('bad-1')).toBe(0);
  });

  it('refuses an unknown class or race with BAD_USER_INPUT', async () => {
    for (const input of [
      { ...validInput, class: 'ARTIFICER' },
      { ...validInput, race: 'WARFORGED' },
    ]) {
      const result = await platform.gql(CREATE, { input }, 'bad-2');
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expectNoLeak(result);
    }
    expect(await countCharacters('bad-2')).toBe(0);
  });

  it('refuses negative experience', async () => {
    const result = await platform.gql(CREATE, { input: { ...validInput, experience: -5 } }, 'bad-3');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const created = await platform.gql(CREATE, { input: validInput }, 'bad-3');
    const id = created.data!.createCharacter.character.id;
    const award = await platform.gql(
      'mutation($input: AwardExperienceInput!) { awardExperience(input: $input) { character { experience } } }',
      { input: { characterId: id, amount: -100 } },
      'bad-3',
    );
    expect(award.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers a stale expectedVersion with CONFLICT and keeps the newer write', async () => {
    const created = await platform.gql(CREATE, { input: validInput }, 'editor');
    const { id, version } = created.data!.createCharacter.character;
    const update = 'mutation($input: UpdateCharacterInput!) { updateCharacter(input: $input) { character { name version } } }';
    const first = await platform.gql(update, { input: { id, expectedVersion: version, name: 'Vessa the Bold' } }, 'editor');
    expect(first.data!.updateCharacter.character).toEqual({ name: 'Vessa the Bold', version: version + 1 });
    const stale = await platform.gql(update, { input: { id, expectedVersion: version, name: 'Overwritten' } }, 'editor');
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const now = await platform.gql('query($id: ID!) { character(id: $id) { name version } }', { id }, 'editor');
    expect(now.data!.character).toEqual({ name: 'Vessa the Bold', version: version + 1 });
  });

  it("forbids changing someone else's character", async () => {
    const created = await platform.gql(CREATE, { input: validInput }, 'owner-a');
    const { id, version } = created.data!.createCharacter.character;
    const result = await platform.gql(
      'mutation($input: UpdateCharacterInput!) { updateCharacter(input: $input) { character { name } } }',
      { input: { id, expectedVersion: version, name: 'Stolen' } },
      'owner-b',
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a non-image and an oversized upload', async () => {
    const upload = 'mutation($input: UploadImageInput!) { uploadImage(input: $input) { image { id } } }';
    const html = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
    const notImage = await platform.gql(upload, { input: { kind: 'MAP', dataBase64: html } }, 'uploader');
    expect(notImage.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // 5.5 MiB: over the 5 MiB image limit, under the gateway's 8 MiB body limit, so the image service decides.
    const huge = Buffer.alloc(Math.round(5.5 * 1024 * 1024));
    huge.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const oversized = await platform.gql(upload, { input: { kind: 'MAP', dataBase64: huge.toString('base64') } }, 'uploader');
    expect(oversized.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expectNoLeak(oversized);
    const images = await platform.gql('{ images(filter: { ownerId: "uploader" }) { totalCount } }', {}, 'uploader');
    expect(images.data!.images.totalCount).toBe(0);
  });

  it('refuses a request body over the gateway limit before reading it, and keeps serving', async () => {
    const { status, body } = await post({ query: '{ __typename }', variables: { padding: 'x'.repeat(9 * 1024 * 1024) } });
    expect(status).toBe(413);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const after = await platform.gql('{ __typename }', {}, 'someone');
    expect(after.data).toEqual({ __typename: 'Query' });
  });

  it('names an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const result = await platform.gql('{ characters { totalCount hitPointz } }', {}, 'someone');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toContain('hitPointz');
  });
});
