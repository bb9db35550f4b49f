import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { RootFieldTimeouts } from './root-field-timeouts.js';

const timeouts = new RootFieldTimeouts({ 'Mutation.generateBackstory': 50, 'Mutation.generatePortrait': 55.5, 'Query.report': 0.25 });

describe('RootFieldTimeouts', () => {
  it('gives the listed root field its timeout, the longest of several, in milliseconds', () => {
    expect(timeouts.timeoutMsFor('mutation($id: ID!) { generateBackstory(characterId: $id) { id } }')).toBe(50_000);
    expect(timeouts.timeoutMsFor('mutation { a: generateBackstory(characterId: "1") { id } generatePortrait(characterId: "1") { id } }')).toBe(55_500);
    expect(timeouts.timeoutMsFor('{ report }')).toBe(250);
  });

  it('leaves other fields, the same name at another depth or on another root type, and bad text to the service', () => {
    expect(timeouts.timeoutMsFor('{ characters { id } }')).toBeUndefined();
    expect(timeouts.timeoutMsFor('{ character(id: "1") { generateBackstory } }')).toBeUndefined();
    expect(timeouts.timeoutMsFor('{ generateBackstory }')).toBeUndefined();
    expect(timeouts.timeoutMsFor('mutation { generateBackstory(')).toBeUndefined();
    expect(new RootFieldTimeouts({}).timeoutMsFor('mutation { generateBackstory { id } }')).toBeUndefined();
  });

  it("reads the planner's parsed operation when it has one", () => {
    const document = parse('mutation { generatePortrait(characterId: "1") { id } }');
    expect(timeouts.timeoutMsFor('mutation { generatePortrait(characterId: "1") { id } }', document)).toBe(55_500);
  });
});
