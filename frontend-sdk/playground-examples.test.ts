/** The playground's examples run as they are: their variables fit every operation of their journey's file. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getVariableValues, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '#lib/config/paths.js';
import { gatewayApiSchemaSdl } from '#lib/gateway-client/api-schema.js';
import { PLAYGROUND_EXAMPLES } from './playground-examples.js';

const operationsDir = path.join(repoRoot, 'frontend-sdk', 'operations');
const schema = buildSchema(gatewayApiSchemaSdl());

describe('playground examples', () => {
  it('give every journey file (a "# Journey:" header) a tab', () => {
    const journeys = readdirSync(operationsDir).filter((file) => readFileSync(path.join(operationsDir, file), 'utf8').startsWith('# Journey:'));
    expect(journeys).toHaveLength(14);
    const tabs = new Set(PLAYGROUND_EXAMPLES.map((example) => example.file));
    for (const file of journeys) expect(tabs.has(file), file).toBe(true);
  });

  it.each(PLAYGROUND_EXAMPLES.map((example) => [example.journey, example] as const))('%s: its variables are valid for each operation', (_, example) => {
    const document = parse(readFileSync(path.join(operationsDir, example.file), 'utf8'));
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      // As a server coerces them: a missing required one, a wrong type or an unknown enum value is an error.
      const coerced = getVariableValues(schema, definition.variableDefinitions ?? [], example.variables);
      expect(coerced.errors?.map((error) => `${definition.name?.value}: ${error.message}`) ?? []).toEqual([]);
    }
  });
});
