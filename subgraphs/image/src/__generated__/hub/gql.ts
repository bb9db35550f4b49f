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
    "mutation ImageGeneratePortraitImage($input: GenerateImageInput!) {\n  generateImage(input: $input) {\n    generation {\n      id\n      status\n      provider\n      model\n      error {\n        code\n        message\n        retryAfter\n      }\n      images {\n        dataUrl\n      }\n    }\n  }\n}": typeof types.ImageGeneratePortraitImageDocument,
    "query ImagePortraitSubject($id: ID!) {\n  character(id: $id) {\n    id\n    owner\n    name\n    race\n    class\n  }\n}": typeof types.ImagePortraitSubjectDocument,
    "mutation ImageSetCharacterPortrait($input: SetCharacterPortraitInput!) {\n  setCharacterPortrait(input: $input) {\n    image {\n      id\n    }\n    transaction {\n      id\n    }\n  }\n}": typeof types.ImageSetCharacterPortraitDocument,
};
const documents: Documents = {
    "mutation ImageGeneratePortraitImage($input: GenerateImageInput!) {\n  generateImage(input: $input) {\n    generation {\n      id\n      status\n      provider\n      model\n      error {\n        code\n        message\n        retryAfter\n      }\n      images {\n        dataUrl\n      }\n    }\n  }\n}": types.ImageGeneratePortraitImageDocument,
    "query ImagePortraitSubject($id: ID!) {\n  character(id: $id) {\n    id\n    owner\n    name\n    race\n    class\n  }\n}": types.ImagePortraitSubjectDocument,
    "mutation ImageSetCharacterPortrait($input: SetCharacterPortraitInput!) {\n  setCharacterPortrait(input: $input) {\n    image {\n      id\n    }\n    transaction {\n      id\n    }\n  }\n}": types.ImageSetCharacterPortraitDocument,
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
export function graphql(source: "mutation ImageGeneratePortraitImage($input: GenerateImageInput!) {\n  generateImage(input: $input) {\n    generation {\n      id\n      status\n      provider\n      model\n      error {\n        code\n        message\n        retryAfter\n      }\n      images {\n        dataUrl\n      }\n    }\n  }\n}"): (typeof documents)["mutation ImageGeneratePortraitImage($input: GenerateImageInput!) {\n  generateImage(input: $input) {\n    generation {\n      id\n      status\n      provider\n      model\n      error {\n        code\n        message\n        retryAfter\n      }\n      images {\n        dataUrl\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ImagePortraitSubject($id: ID!) {\n  character(id: $id) {\n    id\n    owner\n    name\n    race\n    class\n  }\n}"): (typeof documents)["query ImagePortraitSubject($id: ID!) {\n  character(id: $id) {\n    id\n    owner\n    name\n    race\n    class\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ImageSetCharacterPortrait($input: SetCharacterPortraitInput!) {\n  setCharacterPortrait(input: $input) {\n    image {\n      id\n    }\n    transaction {\n      id\n    }\n  }\n}"): (typeof documents)["mutation ImageSetCharacterPortrait($input: SetCharacterPortraitInput!) {\n  setCharacterPortrait(input: $input) {\n    image {\n      id\n    }\n    transaction {\n      id\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;