/** codegen mappers: GraphQL type name -> drizzle row type (path relative to src/__generated__/). */
export const mappers: Record<string, string> = {
  Image: '../db/schema.js#ImageRow',
  Character: '../character-reference.js#CharacterReference',
  ImageConnection: '../resolvers/connection-types.js#ImageConnectionResult',
  ImageEdge: '../resolvers/connection-types.js#ImageEdgeResult',
};
