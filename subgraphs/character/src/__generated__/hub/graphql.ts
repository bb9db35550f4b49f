/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Input of generateText. */
export type GenerateTextInput = {
  /** Who and where the text is about; every field optional, but the more given the more specific the text. */
  context?: GenerationContextInput | null | undefined;
  /** What to write; FREEFORM by default. */
  kind?: GenerationKind | null | undefined;
  /** Upper bound on the generated text in tokens, 1 to llm_service.max_tokens (default 400: about a page, enough for a backstory). */
  maxTokens?: number | null | undefined;
  /** A model of that provider; the provider's configured model when absent. */
  model?: string | null | undefined;
  /** The caller's request in their own words, 1-4000 characters. Required for FREEFORM, optional otherwise (it refines the text). */
  prompt?: string | null | undefined;
  /** A provider by its name in hub.yaml; the first text provider configured when absent. Its fallbacks still apply. */
  provider?: string | null | undefined;
  /**
   * Same seed and same input give the same text. When absent, the seed is derived from a hash of the input
   * (kind, prompt, context, maxTokens), so identical requests are reproducible; the seed used is returned.
   */
  seed?: number | null | undefined;
};

/** What a generation is about: a character and/or a campaign. Names up to 100 characters, setting up to 2000. */
export type GenerationContextInput = {
  /** The character's alignment, e.g. "lawful good" or "LG". */
  alignment?: string | null | undefined;
  /** The character's background, e.g. "folk hero". */
  background?: string | null | undefined;
  /** The campaign the text belongs to (a Campaign id). */
  campaignId?: string | number | null | undefined;
  /** The campaign's name. */
  campaignName?: string | null | undefined;
  /** The character's class, e.g. "fighter". */
  characterClass?: string | null | undefined;
  /** The character the text is about (a Character id); Character.generations lists it there. */
  characterId?: string | number | null | undefined;
  /** The character's name. */
  characterName?: string | null | undefined;
  /** The character's race, e.g. "dwarf" or "hill dwarf". */
  race?: string | null | undefined;
  /** The campaign's setting in prose: world, region, tone (up to 2000 characters). */
  setting?: string | null | undefined;
};

/** What a generation is for: it picks the provider's instructions (and, for `local`, its grammar). */
export type GenerationKind =
  /** A character's backstory in several paragraphs (uses name, race, class, background, alignment). */
  | 'BACKSTORY'
  /** Anything else: answers the prompt. */
  | 'FREEFORM'
  /** A place to visit, as read-aloud prose: sights, sounds, residents, finds and dangers. */
  | 'LOCATION_DESCRIPTION'
  /** A non-player character: looks, manner, wants, secret and a line of speech. */
  | 'NPC_DESCRIPTION'
  /** Three to five numbered adventure hooks for a campaign (uses campaign name and setting). */
  | 'PLOT_HOOK';

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

export type CharacterActiveCampaignQueryVariables = Exact<{
  id: string | number;
}>;


export type CharacterActiveCampaignQuery = { character: { campaign: { id: string, dungeonMasterId: string } | null } | null };

export type CharacterCampaignDungeonMasterQueryVariables = Exact<{
  id: string | number;
}>;


export type CharacterCampaignDungeonMasterQuery = { campaign: { id: string, dungeonMasterId: string } | null };

export type CharacterGenerateBackstoryTextMutationVariables = Exact<{
  input: GenerateTextInput;
}>;


export type CharacterGenerateBackstoryTextMutation = { generateText: { generation: { id: string, status: GenerationStatus, text: string, provider: string, error: { code: string, message: string, retryAfter: number | null } | null } } };

export type CharacterImageExistsQueryVariables = Exact<{
  id: string | number;
}>;


export type CharacterImageExistsQuery = { image: { id: string } | null };


export const CharacterActiveCampaignDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CharacterActiveCampaign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"character"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dungeonMasterId"}}]}}]}}]}}]} as unknown as DocumentNode<CharacterActiveCampaignQuery, CharacterActiveCampaignQueryVariables>;
export const CharacterCampaignDungeonMasterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CharacterCampaignDungeonMaster"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dungeonMasterId"}}]}}]}}]} as unknown as DocumentNode<CharacterCampaignDungeonMasterQuery, CharacterCampaignDungeonMasterQueryVariables>;
export const CharacterGenerateBackstoryTextDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CharacterGenerateBackstoryText"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateTextInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateText"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfter"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CharacterGenerateBackstoryTextMutation, CharacterGenerateBackstoryTextMutationVariables>;
export const CharacterImageExistsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CharacterImageExists"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"image"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CharacterImageExistsQuery, CharacterImageExistsQueryVariables>;