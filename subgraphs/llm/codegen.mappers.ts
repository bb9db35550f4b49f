/** codegen mappers: GraphQL type name -> drizzle row type (path relative to src/__generated__/). */
export const mappers: Record<string, string> = {
  Generation: '../db/schema.js#GenerationRow',
  GeneratedImage: '../db/schema.js#GenerationImageRow',
  GenerationStreamEvent: '../resolvers/stream-event.js#StreamEvent',
  BatchItem: '../generations/run-batch.js#BatchItemResult',
  Character: '../resolvers/character-reference.js#CharacterReference',
};
