/** codegen mappers: GraphQL type name -> drizzle row type (path relative to src/__generated__/). */
export const mappers: Record<string, string> = {
  Image: '../db/schema.js#ImageRow',
  // Not a row here: the representation the gateway sends (id plus the @requires field).
  Character: '../character-reference.js#CharacterReference',
  // A stored event row of the service's event store, as a subscription delivers it.
  ImageEventRecord: '../db/schema.js#EventRow',
};
