/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The twelve SRD 5.1 classes. */
export type CharacterClass =
  /** Barbarian (d12). */
  | 'BARBARIAN'
  /** Bard (d8, full caster, Charisma). */
  | 'BARD'
  /** Cleric (d8, full caster, Wisdom). */
  | 'CLERIC'
  /** Druid (d8, full caster, Wisdom). */
  | 'DRUID'
  /** Fighter (d10). */
  | 'FIGHTER'
  /** Monk (d8). */
  | 'MONK'
  /** Paladin (d10, half caster from level 2, Charisma). */
  | 'PALADIN'
  /** Ranger (d10, half caster from level 2, Wisdom). */
  | 'RANGER'
  /** Rogue (d8). */
  | 'ROGUE'
  /** Sorcerer (d6, full caster, Charisma). */
  | 'SORCERER'
  /** Warlock (d8, Pact Magic, Charisma). */
  | 'WARLOCK'
  /** Wizard (d6, full caster, Intelligence). */
  | 'WIZARD';

/** Input of generateImage. */
export type GenerateImageInput = {
  /** The character the image is of (a Character id), if any. */
  characterId?: string | number | null | undefined;
  /** Height in pixels, 256-1024 in steps of 64 (default 512). */
  height?: number | null | undefined;
  /** A model of that provider; the provider's configured image model when absent. */
  model?: string | null | undefined;
  /** How many images, 1-4 (default 1). */
  n?: number | null | undefined;
  /** What to keep out of the picture (stable_diffusion; appended as an instruction for openai). */
  negativePrompt?: string | null | undefined;
  /** What to draw, 1 to llm_service.max_prompt_chars characters. */
  prompt: string;
  /** A provider by its name in hub.yaml; the first image provider configured when absent. */
  provider?: string | null | undefined;
  /** Same seed and prompt give the same image where the provider allows it; derived from the input when absent. */
  seed?: number | null | undefined;
  /** Width in pixels, 256-1024 in steps of 64 (default 512). */
  width?: number | null | undefined;
};

/** Where a generation stands. */
export type GenerationStatus =
  /** Stopped by cancelGeneration or by the client going away; text holds what arrived before. */
  | 'CANCELLED'
  /** The provider answered; text or images hold its answer. */
  | 'COMPLETED'
  /** Every provider tried failed; error says why. Usage of what was streamed is still counted. */
  | 'FAILED'
  /** Being generated (a stream in progress, or a batch item that has started). */
  | 'RUNNING';

/** SRD 5.1 races (with the SRD's one subrace where a race has subraces). */
export type Race =
  /** Dragonborn: +2 STR, +1 CHA. */
  | 'DRAGONBORN'
  /** Half-elf: +2 CHA and +1 to two other abilities of the player's choice. */
  | 'HALF_ELF'
  /** Half-orc: +2 STR, +1 CON. */
  | 'HALF_ORC'
  /** High elf: +2 DEX, +1 INT. */
  | 'HIGH_ELF'
  /** Hill dwarf: +2 CON, +1 WIS, +1 hit point per level. */
  | 'HILL_DWARF'
  /** Human: +1 to every ability. */
  | 'HUMAN'
  /** Lightfoot halfling: +2 DEX, +1 CHA. */
  | 'LIGHTFOOT_HALFLING'
  /** Rock gnome: +2 INT, +1 CON. */
  | 'ROCK_GNOME'
  /** Tiefling: +2 CHA, +1 INT. */
  | 'TIEFLING';

/** A new portrait for one of your characters: the image is stored and linked, or neither. */
export type SetCharacterPortraitInput = {
  /** Your character. */
  characterId: string | number;
  /** The image bytes, base64 (PNG, JPEG, GIF or WebP). */
  dataBase64: string;
  /** The prompt it was generated from, if any. */
  prompt?: string | null | undefined;
};

export type ImageGeneratePortraitImageMutationVariables = Exact<{
  input: GenerateImageInput;
}>;


export type ImageGeneratePortraitImageMutation = { generateImage: { generation: { id: string, status: GenerationStatus, provider: string, model: string, error: { code: string, message: string, retryAfter: number | null } | null, images: Array<{ dataUrl: string }> } } };

export type ImagePortraitSubjectQueryVariables = Exact<{
  id: string | number;
}>;


export type ImagePortraitSubjectQuery = { character: { id: string, owner: string, name: string, race: Race, class: CharacterClass } | null };

export type ImageSetCharacterPortraitMutationVariables = Exact<{
  input: SetCharacterPortraitInput;
}>;


export type ImageSetCharacterPortraitMutation = { setCharacterPortrait: { image: { id: string }, transaction: { id: string } } };


export const ImageGeneratePortraitImageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImageGeneratePortraitImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateImageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"images"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataUrl"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ImageGeneratePortraitImageMutation, ImageGeneratePortraitImageMutationVariables>;
export const ImagePortraitSubjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImagePortraitSubject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"character"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"race"}},{"kind":"Field","name":{"kind":"Name","value":"class"}}]}}]}}]} as unknown as DocumentNode<ImagePortraitSubjectQuery, ImagePortraitSubjectQueryVariables>;
export const ImageSetCharacterPortraitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImageSetCharacterPortrait"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetCharacterPortraitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCharacterPortrait"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ImageSetCharacterPortraitMutation, ImageSetCharacterPortraitMutationVariables>;