import { getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationPriority } from './use-request-policy.js';

const priorityOf = (source: string) =>
  operationPriority(getOperationAST(parse(source))!, {
    defaultPriority: 'interactive',
    rootFields: { 'Mutation.generateText': 'batch', 'Query.report': 'batch' },
  });

describe('operationPriority', () => {
  it('is the default unless a root field is configured batch', () => {
    expect(priorityOf('{ characters { id } }')).toBe('interactive');
    expect(priorityOf('mutation { createCharacter { id } }')).toBe('interactive');
    expect(priorityOf('mutation { generateText { text } }')).toBe('batch');
    expect(priorityOf('{ report { id } characters { id } }')).toBe('batch');
    // The same field name on another root type is another field.
    expect(priorityOf('{ generateText }')).toBe('interactive');
  });
});
