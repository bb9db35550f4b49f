/**
 * Health, readiness and a subgraph going away: the gateway says what is not ready and still serves
 * what the remaining subgraphs own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './helpers/platform.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

describe('health and readiness', () => {
  it('opens GraphiQL with the example query and, with a configured secret, no demo token', async () => {
    const response = await fetch(`${platform.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('PartyOverview');
    expect(html).not.toMatch(/Bearer ey/);
  });

  it('is live and ready while every subgraph answers', async () => {
    expect((await fetch(`${platform.url}/health`)).status).toBe(200);
    const ready = await fetch(`${platform.url}/readiness`);
    expect(ready.status).toBe(200);
  });

  it('names a stopped subgraph and keeps serving the others', async () => {
    const created = await platform.gql(
      `mutation { createCharacter(input: { name: "Ora", race: HUMAN, class: BARD,
        abilityScores: { strength: 10, dexterity: 14, constitution: 12, intelligence: 10, wisdom: 10, charisma: 15 } }) { character { id } } }`,
      {},
      'reader',
    );
    expect(created.errors).toBeUndefined();
    await platform.stopProcess('image');

    const ready = await fetch(`${platform.url}/readiness`);
    expect(ready.status).toBe(503);
    const body = await ready.text();
    expect(body).toContain('image');
    expect(body).not.toMatch(/"character"\s*:\s*\{[^}]*"ok"\s*:\s*false/);

    const result = await platform.gql('{ characters(filter: { owner: "reader" }) { edges { node { name portrait { url } } } } }', {}, 'reader');
    expect(result.data?.characters.edges[0].node.name).toBe('Ora');
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  });
});
