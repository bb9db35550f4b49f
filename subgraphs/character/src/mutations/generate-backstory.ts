import { forbidden, notFound } from '#lib/domain/index.js';
import { enumWords, requireCompleted } from '#lib/gateway-client/generation-result.js';
import { gatewayRequest } from '#lib/gateway-client/index.js';
import { CharacterGenerateBackstoryTextDocument } from '../__generated__/hub/graphql.js';
import type { GenerateBackstoryInput } from '../__generated__/resolvers-types.js';
import { requireUser, type Context } from '../context.js';
import { findCharacter } from '../db/character-store.js';
import type { CharacterRow } from '../db/schema.js';
import { runCharacterCommand } from '../events/run-character-command.js';
import { MAX_BACKSTORY_LENGTH } from '../validation/limits.js';

export interface GenerateBackstoryResult {
  character: CharacterRow;
  generationId: string;
}

/**
 * The llm writes a backstory from the character's real attributes (through the hub, as the caller, so the caller's
 * rate limits apply and the llm's errors come back with their codes), and it becomes the character's backstory as
 * an ordinary CharacterUpdated event that also names the generation: a replay rebuilds it like any other edit.
 */
export async function generateBackstory(input: GenerateBackstoryInput, ctx: Context): Promise<GenerateBackstoryResult> {
  const userId = requireUser(ctx);
  const row = await findCharacter(ctx.db, input.characterId);
  if (!row) throw notFound(`no character with id ${input.characterId}`);
  if (row.owner !== userId) throw forbidden("only the character's owner can generate its backstory");

  const data = await gatewayRequest({ caller: ctx.hub }, CharacterGenerateBackstoryTextDocument, {
    input: {
      kind: 'BACKSTORY',
      prompt: input.prompt?.trim() || null,
      seed: input.seed ?? null,
      context: {
        characterId: row.id,
        characterName: row.name,
        race: enumWords(row.race),
        characterClass: enumWords(row.characterClass),
        background: row.background,
        alignment: row.alignment ? enumWords(row.alignment) : null,
      },
    },
  });
  const generation = requireCompleted(data.generateText.generation);
  const backstory = generation.text.trim().slice(0, MAX_BACKSTORY_LENGTH);

  // Expected version 'any': the backstory alone is set, so edits of other fields made while the llm wrote commute
  // with it; a client editing from an older version still gets its CONFLICT, as the version moves.
  // A character deleted while the llm wrote has no row to load: NOT_FOUND, and nothing is written.
  const { character: updated } = await runCharacterCommand(ctx, {
    characterId: row.id,
    expectedVersion: 'any',
    decide: () => ({
      events: [{ type: 'CharacterUpdated', data: { characterId: row.id, changes: { backstory }, generationId: generation.id } }],
      outcome: undefined,
    }),
  });
  return { character: updated, generationId: generation.id };
}
