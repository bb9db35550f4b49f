import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLResult } from '../../../tests/helpers/subgraph-client.js';
import { samplePng } from './testing/sample-images.js';
import { startImageTestServer, type ImageTestServer } from './testing/image-test-server.js';

let server: ImageTestServer;
const uploaded: Array<{ id: string; kind: string; ownerId: string }> = [];

beforeAll(async () => {
  server = await startImageTestServer();
  const kinds = ['PORTRAIT', 'MAP', 'PORTRAIT', 'TOKEN', 'PORTRAIT', 'SCENE', 'PORTRAIT'];
  for (const [i, kind] of kinds.entries()) {
    const ownerId = i % 2 === 0 ? 'alice' : 'bob';
    const result = await server.upload(samplePng(i + 1, 1, [i, i, i]), { kind, userId: ownerId });
    uploaded.push(result.data!.uploadImage.image);
  }
});
afterAll(() => server?.close());

const IMAGES = /* GraphQL */ `
  query ($first: Int, $after: String, $filter: ImageFilter) {
    images(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          kind
          ownerId
          createdAt
        }
      }
    }
  }
`;

async function allPages(first: number, filter?: Record<string, unknown>): Promise<Array<Record<string, any>>> {
  const nodes: Array<Record<string, any>> = [];
  let after: string | null = null;
  for (;;) {
    const result: GraphQLResult = await server.client.request(IMAGES, { first, after, filter });
    expect(result.errors).toBeUndefined();
    const page: { edges: Array<{ node: Record<string, any> }>; pageInfo: { hasNextPage: boolean; endCursor: string } } = result.data!.images;
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

describe('Query.images', () => {
  it('pages through every image newest first, without gaps or repeats', async () => {
    const first = await server.client.request(IMAGES, { first: 3 });
    expect(first.data?.images.totalCount).toBe(7);
    expect(first.data?.images.edges).toHaveLength(3);
    expect(first.data?.images.pageInfo.hasNextPage).toBe(true);

    const nodes = await allPages(3);
    expect(nodes.map((n) => n.id).sort()).toEqual(uploaded.map((u) => u.id).sort());
    // Newest first: the last upload leads, and createdAt never increases down the list.
    expect(nodes[0]?.id).toBe(uploaded.at(-1)?.id);
    const times = nodes.map((n) => Date.parse(n.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('filters by kind and by owner', async () => {
    const portraits = await allPages(2, { kind: 'PORTRAIT' });
    expect(portraits.map((n) => n.id).sort()).toEqual(
      uploaded
        .filter((u) => u.kind === 'PORTRAIT')
        .map((u) => u.id)
        .sort(),
    );
    const count = await server.client.request(IMAGES, { filter: { kind: 'PORTRAIT', ownerId: 'alice' } });
    expect(count.data?.images.totalCount).toBe(4);
    const bobs = await allPages(10, { ownerId: 'bob' });
    expect(bobs.every((n) => n.ownerId === 'bob')).toBe(true);
    expect(bobs).toHaveLength(3);
  });

  it('refuses a cursor it did not issue and a page size out of range', async () => {
    const badCursor = await server.client.request(IMAGES, { after: 'bm90LWEtY3Vyc29y' });
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const tooMany = await server.client.request(IMAGES, { first: 101 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('requires a signed-in user', async () => {
    const result = await server.client.request(IMAGES, {}, null);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('Query.image', () => {
  const IMAGE = 'query ($id: ID!) { image(id: $id) { id width url } }';

  it('returns the image, or null for an unknown or malformed id', async () => {
    const known = uploaded[2]!;
    expect((await server.client.request(IMAGE, { id: known.id })).data?.image).toEqual({ id: known.id, width: 3, url: `/images/${known.id}` });
    expect((await server.client.request(IMAGE, { id: '00000000-0000-4000-8000-000000000000' })).data?.image).toBeNull();
    const malformed = await server.client.request(IMAGE, { id: 'nope' });
    expect(malformed.errors).toBeUndefined();
    expect(malformed.data?.image).toBeNull();
  });

  it('requires a signed-in user', async () => {
    const result = await server.client.request(IMAGE, { id: uploaded[0]!.id }, null);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('Character.portrait', () => {
  const ENTITIES = /* GraphQL */ `
    query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Character {
          id
          portrait {
            id
            mimeType
            url
          }
        }
      }
    }
  `;

  it('resolves 50 characters with one SQL statement', async () => {
    const representations = Array.from({ length: 50 }, (_, i) => ({
      __typename: 'Character',
      id: `c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      // Every third character has no portrait; the rest cycle through the stored images and one deleted id.
      portraitImageId: i % 3 === 0 ? null : i === 1 ? '00000000-0000-4000-8000-000000000000' : uploaded[i % uploaded.length]!.id,
    }));
    const before = server.database.stats.statements;
    const result = await server.client.request(ENTITIES, { representations });
    expect(server.database.stats.statements - before).toBe(1);
    expect(result.errors).toBeUndefined();
    const entities = result.data!._entities as Array<{ id: string; portrait: { id: string; url: string } | null }>;
    expect(entities).toHaveLength(50);
    entities.forEach((entity, i) => {
      const expected = representations[i]!;
      expect(entity.id).toBe(expected.id);
      if (i % 3 === 0 || i === 1) expect(entity.portrait).toBeNull();
      else expect(entity.portrait).toMatchObject({ id: expected.portraitImageId, url: `/images/${expected.portraitImageId}` });
    });
  });

  it('resolves Image references with one SQL statement too', async () => {
    const before = server.database.stats.statements;
    const result = await server.client.request('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Image { id kind } } }', {
      r: uploaded.map((u) => ({ __typename: 'Image', id: u.id })),
    });
    expect(server.database.stats.statements - before).toBe(1);
    expect(result.data?._entities.map((e: { id: string }) => e.id)).toEqual(uploaded.map((u) => u.id));
  });
});
