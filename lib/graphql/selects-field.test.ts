import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsField } from './selects-field.js';

const schema = buildSchema(`
  type Connection { totalCount: Int! names: [String!]! }
  type Query { list: Connection! }
`);

async function asked(query: string): Promise<boolean> {
  let seen: boolean | undefined;
  const rootValue = {
    list: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      seen = selectsField(info, 'totalCount');
      return { totalCount: 3, names: ['Aria'] };
    },
  };
  const result = await graphql({ schema, source: query, rootValue });
  expect(result.errors).toBeUndefined();
  return seen ?? false;
}

describe('selectsField', () => {
  it('sees the field asked directly, through a named fragment or an inline one, and only then', async () => {
    expect(await asked('{ list { totalCount names } }')).toBe(true);
    expect(await asked('{ list { ...counted } } fragment counted on Connection { names totalCount }')).toBe(true);
    expect(await asked('{ list { ... on Connection { totalCount } } }')).toBe(true);
    expect(await asked('{ list { names } }')).toBe(false);
    expect(await asked('{ list { ...named } } fragment named on Connection { names }')).toBe(false);
  });
});
