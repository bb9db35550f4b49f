/** codegen mappers: GraphQL type name -> drizzle row type (path relative to src/__generated__/). */
export const mappers: Record<string, string> = {
  Character: '../db/schema.js#CharacterRow',
};
