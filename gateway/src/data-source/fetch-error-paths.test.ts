import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fetchErrorPaths } from './fetch-error-paths.js';

describe('fetchErrorPaths', () => {
  it('names the root fields of a root fetch, by response name', () => {
    expect(fetchErrorPaths(parse('query { spells { id } who: whoami __typename }'), undefined)).toEqual([['spells'], ['who']]);
  });

  it('names each entity field per representation, by the representation type, through fragments', () => {
    const document = parse(`query($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Spell { pages note } ...BookParts }
    }
    fragment BookParts on Book { title }`);
    const representations = [
      { __typename: 'Spell', id: '1' },
      { __typename: 'Book', id: '2' },
    ];
    expect(fetchErrorPaths(document, { representations })).toEqual([
      ['_entities', 0, 'pages'],
      ['_entities', 0, 'note'],
      ['_entities', 1, 'title'],
    ]);
  });
});
