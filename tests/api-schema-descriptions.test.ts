/**
 * The playground's Docs pane is the API's reference: every type, field, argument, input field and enum value a
 * client can see (the composed API schema, the same one the SDK is generated from) carries a description.
 */
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { gatewayApiSchemaSdl } from '#lib/gateway-client/api-schema.js';

/** Schema coordinates (Type, Type.field, Type.field(arg), Enum.VALUE) that have no description. */
export function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const need = (description: string | null | undefined, coordinate: string) => {
    if (!description?.trim()) missing.push(coordinate);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    need(type.description, type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        need(field.description, `${type.name}.${field.name}`);
        for (const arg of field.args) need(arg.description, `${type.name}.${field.name}(${arg.name}:)`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) need(field.description, `${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) need(value.description, `${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('the API schema clients see', () => {
  it('documents every type, field, argument, input field and enum value', () => {
    expect(undocumented(buildSchema(gatewayApiSchemaSdl()))).toEqual([]);
  });

  it('names what lacks a description', () => {
    const schema = buildSchema('"""Root."""\ntype Query { """Ok."""\nok(limit: Int): Kind }\nenum Kind { """A."""\nA\nB }');
    expect(undocumented(schema)).toEqual(['Query.ok(limit:)', 'Kind', 'Kind.B']);
  });
});
