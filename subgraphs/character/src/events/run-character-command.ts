import { notFound, runCommand, runCommandIn, type Decision, type VersionExpectation } from '#lib/domain/index.js';
import type { Transaction } from '#lib/event-store/index.js';
import { guardResources, type BranchInfo } from '#lib/transactions/index.js';
import type { Context } from '../context.js';
import { findCharacter } from '../db/character-store.js';
import type { CharacterRow, schema } from '../db/schema.js';
import { characterResource } from '../transactions/payloads.js';
import { characterStreamId, type CharacterEvent } from './character-events.js';
import { characterProjection } from './projection.js';

type Tx = Transaction<typeof schema>;

/** A command on one existing character: lib/domain's runner with the character's stream, projection and guard. */
export interface CharacterCommand<TOutcome> {
  characterId: string;
  /** The client's expectedVersion, or 'any' for a command that commutes with the others (an award, a backstory). */
  expectedVersion: VersionExpectation;
  /** Who may issue it, checked on the loaded row before its version (lib/domain runCommand). */
  authorize?(row: CharacterRow): void;
  decide(row: CharacterRow, version: number): CharacterDecision<TOutcome>;
}

export interface CharacterDecision<TOutcome> extends Decision<TOutcome> {
  events: readonly CharacterEvent[];
}

/** Under the stream lock: a character deleted meanwhile is NOT_FOUND, like one that never was. */
export async function loadCharacter(tx: Tx, characterId: string): Promise<CharacterRow> {
  const row = await findCharacter(tx, characterId);
  if (!row) throw notFound(`no character with id ${characterId}`);
  return row;
}

/** The character's stream, projection and guard, with the request's ids in every event's metadata. */
export function requestCommand(ctx: Context, characterId: string) {
  return {
    streamId: characterStreamId(characterId),
    entity: 'character',
    projection: characterProjection,
    metadata: { correlationId: ctx.correlationId, userId: ctx.userId },
    // Ordinary mutations: a character a hub transaction has prepared is not changed under it (CONFLICT).
    guard: (tx: Tx) => guardResources(tx, [characterResource(characterId)]),
  };
}

/** Runs the command and answers the character as projected (and primes this request's loader with it). */
export async function runCharacterCommand<TOutcome>(
  ctx: Context,
  command: CharacterCommand<TOutcome>,
): Promise<{ character: CharacterRow; outcome: TOutcome }> {
  const { characterId } = command;
  const { character, outcome } = await runCommand(ctx.db, {
    ...requestCommand(ctx, characterId),
    expectedVersion: command.expectedVersion,
    load: (tx) => loadCharacter(tx, characterId),
    authorize: command.authorize,
    decide: command.decide,
    answer: async (tx, decided) => ({ character: await findCharacter(tx, characterId), outcome: decided.outcome }),
  });
  ctx.loaders.character.clear(characterId);
  if (!character) return { character: gone(characterId), outcome };
  ctx.loaders.character.prime(characterId, character);
  return { character, outcome };
}

function gone(characterId: string): never {
  throw new Error(`character ${characterId} has no row right after a command that keeps it`);
}

/** A new character's stream: 'no_stream', so an id that is taken is a CONFLICT and writes nothing. */
export async function createCharacterStream(ctx: Context, characterId: string, event: CharacterEvent): Promise<CharacterRow> {
  const character = await runCommand(ctx.db, {
    ...requestCommand(ctx, characterId),
    expectedVersion: 'no_stream',
    load: async () => null,
    decide: () => ({ events: [event], outcome: undefined }),
    answer: (tx) => findCharacter(tx, characterId),
  });
  if (!character) throw new Error(`character ${characterId} missing right after its CharacterCreated was projected`);
  ctx.loaders.character.prime(characterId, character);
  return character;
}

/** The last command of a character: its row is gone once projected. */
export async function deleteCharacterStream(ctx: Context, command: Omit<CharacterCommand<void>, 'expectedVersion'>): Promise<void> {
  const { characterId } = command;
  await runCommand(ctx.db, {
    ...requestCommand(ctx, characterId),
    // 'any': an award landing between the client's read and the delete must not turn it into a CONFLICT.
    expectedVersion: 'any',
    load: (tx) => loadCharacter(tx, characterId),
    authorize: command.authorize,
    decide: command.decide,
    answer: async () => undefined,
  });
  ctx.loaders.character.clear(characterId);
}

/**
 * A committed 2PC branch's command, in the branch's own transaction: correlated by the global transaction's id, so
 * the events of one transaction can be followed across services, and attributed to the user the hub acted for.
 * Expected version 'any' and no guard: the branch's reservation already keeps every other writer off this character.
 */
export function runCharacterBranch(tx: Tx, info: BranchInfo, characterId: string, decide: (row: CharacterRow) => CharacterDecision<void>): Promise<void> {
  return runCommandIn(tx, {
    streamId: characterStreamId(characterId),
    entity: 'character',
    projection: characterProjection,
    metadata: { correlationId: info.transactionId, causationId: info.transactionId, userId: info.actor },
    expectedVersion: 'any',
    load: (innerTx) => loadCharacter(innerTx, characterId),
    decide,
    answer: async () => undefined,
  });
}
