import { buildSchema, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { gatewayApiSchemaSdl } from './api-schema.js';

describe('the hub API schema the services type their hub operations against', () => {
  const schema = buildSchema(gatewayApiSchemaSdl());

  it('has none of the supergraph machinery', () => {
    const names = Object.keys(schema.getTypeMap()).concat(schema.getDirectives().map((directive) => directive.name));
    expect(names.filter((name) => /^(join__|link__)|^(link|join|inaccessible)$/.test(name))).toEqual([]);
  });

  it('has no @inaccessible field or type: the two-phase commit protocol stays between the hub and the services', () => {
    const mutation = schema.getMutationType();
    expect(mutation && isObjectType(mutation) ? Object.keys(mutation.getFields()) : []).not.toContain('prepareTransactionBranch');
    expect(schema.getType('TransactionBranchAck')).toBeUndefined();
    expect(schema.getType('PrepareTransactionBranchInput')).toBeUndefined();
  });

  it('has what clients use from every subgraph', () => {
    const fields = Object.keys(schema.getMutationType()?.getFields() ?? {});
    expect(fields).toEqual(expect.arrayContaining(['createCharacter', 'createCampaign', 'uploadImage', 'generateText', 'setCharacterPortrait']));
  });
});
