/** codegen mappers: GraphQL type name -> drizzle row type (path relative to src/__generated__/). */
export const mappers: Record<string, string> = {
  Character: '../db/schema.js#CharacterRow',
  // A stored event row of the service's event store, as a subscription delivers it.
  CharacterEventRecord: '../db/schema.js#EventRow',
  // An SRD spell of the rules table (reference data, not a row).
  Spell: '../rules/index.js#SpellFacts',
  // Fair dice: a DiceRolled event as a roll, its proof the event's data as stored, and what verifyRoll found.
  Roll: '../rolls/roll-record.js#RollRecord',
  RollProof: '../events/character-events.js#DiceRolledData',
  RollVerification: '../rolls/roll-record.js#RollCheck',
};
