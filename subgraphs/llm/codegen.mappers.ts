/** codegen mappers: GraphQL type name -> drizzle row type (path relative to src/__generated__/). */
export const mappers: Record<string, string> = {
  Generation: '../db/schema.js#GenerationRow',
  Character: '../resolvers/character-reference.js#CharacterReference',
};
