/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CharacterActiveCampaign($id: ID!) {\n  character(id: $id) {\n    campaign {\n      id\n      dungeonMasterId\n    }\n  }\n}": typeof types.CharacterActiveCampaignDocument,
    "query CharacterCampaignDungeonMaster($id: ID!) {\n  campaign(id: $id) {\n    id\n    dungeonMasterId\n  }\n}": typeof types.CharacterCampaignDungeonMasterDocument,
    "mutation CharacterGenerateBackstoryText($input: GenerateTextInput!) {\n  generateText(input: $input) {\n    generation {\n      id\n      status\n      text\n      provider\n      error {\n        code\n        message\n        retryAfter\n      }\n    }\n  }\n}": typeof types.CharacterGenerateBackstoryTextDocument,
    "query CharacterImageExists($id: ID!) {\n  image(id: $id) {\n    id\n  }\n}": typeof types.CharacterImageExistsDocument,
};
const documents: Documents = {
    "query CharacterActiveCampaign($id: ID!) {\n  character(id: $id) {\n    campaign {\n      id\n      dungeonMasterId\n    }\n  }\n}": types.CharacterActiveCampaignDocument,
    "query CharacterCampaignDungeonMaster($id: ID!) {\n  campaign(id: $id) {\n    id\n    dungeonMasterId\n  }\n}": types.CharacterCampaignDungeonMasterDocument,
    "mutation CharacterGenerateBackstoryText($input: GenerateTextInput!) {\n  generateText(input: $input) {\n    generation {\n      id\n      status\n      text\n      provider\n      error {\n        code\n        message\n        retryAfter\n      }\n    }\n  }\n}": types.CharacterGenerateBackstoryTextDocument,
    "query CharacterImageExists($id: ID!) {\n  image(id: $id) {\n    id\n  }\n}": types.CharacterImageExistsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CharacterActiveCampaign($id: ID!) {\n  character(id: $id) {\n    campaign {\n      id\n      dungeonMasterId\n    }\n  }\n}"): (typeof documents)["query CharacterActiveCampaign($id: ID!) {\n  character(id: $id) {\n    campaign {\n      id\n      dungeonMasterId\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CharacterCampaignDungeonMaster($id: ID!) {\n  campaign(id: $id) {\n    id\n    dungeonMasterId\n  }\n}"): (typeof documents)["query CharacterCampaignDungeonMaster($id: ID!) {\n  campaign(id: $id) {\n    id\n    dungeonMasterId\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CharacterGenerateBackstoryText($input: GenerateTextInput!) {\n  generateText(input: $input) {\n    generation {\n      id\n      status\n      text\n      provider\n      error {\n        code\n        message\n        retryAfter\n      }\n    }\n  }\n}"): (typeof documents)["mutation CharacterGenerateBackstoryText($input: GenerateTextInput!) {\n  generateText(input: $input) {\n    generation {\n      id\n      status\n      text\n      provider\n      error {\n        code\n        message\n        retryAfter\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CharacterImageExists($id: ID!) {\n  image(id: $id) {\n    id\n  }\n}"): (typeof documents)["query CharacterImageExists($id: ID!) {\n  image(id: $id) {\n    id\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;