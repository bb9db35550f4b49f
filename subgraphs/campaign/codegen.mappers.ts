/** codegen mappers: GraphQL type name -> drizzle row type (path relative to src/__generated__/). */
export const mappers: Record<string, string> = {
  Campaign: '../db/schema.js#CampaignRow',
  CampaignMember: '../db/schema.js#CampaignMemberRow',
  GameSession: '../db/schema.js#GameSessionRow',
  Npc: '../db/schema.js#NpcRow',
  Location: '../db/schema.js#LocationRow',
  Quest: '../db/schema.js#QuestRow',
  PlotHook: '../db/schema.js#PlotHookRow',
  Character: '../db/schema.js#CharacterReference',
  // A stored event row of the service's event store, as a subscription delivers it.
  CampaignEventRecord: '../db/schema.js#EventRow',
};
