import { badUserInput, readPageArgs, selectsField, toConnection } from '#lib/graphql/index.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { requireUser } from '../context.js';
import { cursorOf, isCharacterCursor, listCharacters } from '../db/character-store.js';
import { exportFoundryActor } from '../foundry/export-foundry-actor.js';
import { classSpellList, MAX_LEVEL, MAX_SPELL_LEVEL, SPELLS } from '../rules/index.js';
import { rollQueries } from './roll-queries.js';

export const Query: QueryResolvers = {
  character: (_parent, { id }, ctx) => {
    requireUser(ctx);
    return ctx.loaders.character.load(id);
  },

  characters: async (_parent, { first, after, filter }, ctx, info) => {
    requireUser(ctx);
    const page = readPageArgs({ first, after }, isCharacterCursor);
    const level = filter?.level;
    if (level !== null && level !== undefined && (level < 1 || level > MAX_LEVEL)) {
      throw badUserInput(`filter.level must be between 1 and ${MAX_LEVEL}, got ${level}`, { field: 'filter.level' });
    }
    const { rows, totalCount } = await listCharacters(
      ctx.db,
      { owner: filter?.owner, characterClass: filter?.class, level },
      page.limit,
      page.after,
      selectsField(info, 'totalCount'),
    );
    // Later references to these characters in the same request (federated fields) then cost no query.
    for (const row of rows) ctx.loaders.character.prime(row.id, row);
    const connection = toConnection(rows, page.limit, cursorOf, totalCount);
    // Not counted when not asked for: the 0 is then never read.
    return { edges: connection.edges, pageInfo: connection.pageInfo, totalCount: totalCount ?? 0 };
  },

  exportFoundryActor: (_parent, { characterId }, ctx) => exportFoundryActor(characterId, ctx),

  spells: (_parent, { class: characterClass, level }, ctx) => {
    requireUser(ctx);
    if (level !== null && level !== undefined && (level < 0 || level > MAX_SPELL_LEVEL)) {
      throw badUserInput(`level must be between 0 (cantrips) and ${MAX_SPELL_LEVEL}, got ${level}`, { field: 'level' });
    }
    if (characterClass) return classSpellList(characterClass, level);
    return SPELLS.filter((spell) => level === null || level === undefined || spell.level === level);
  },

  // Fair dice: a character's rolls with proofs, and one roll redone from the event history.
  ...rollQueries,
};
