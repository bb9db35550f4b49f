/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Where a user stands in a campaign's membership. */
export type CampaignMemberStatus =
  /** Joined: sees the campaign's PARTY content and may bring characters into the party. */
  | 'ACTIVE'
  /** Invited by the dungeon master, not yet joined. */
  | 'INVITED';

/** The part a user plays in a campaign. */
export type CampaignRole =
  /** The dungeon master who runs the campaign and alone may change it. */
  | 'DM'
  /** A player, invited by the dungeon master. */
  | 'PLAYER';

/** Where a global transaction stands. */
export type TransactionState =
  /** Every branch aborted: nothing of the transaction is visible anywhere. */
  | 'ABORTED'
  /** Decided to abort; the hub is cancelling every branch. */
  | 'ABORTING'
  /** Preparing its branches; nothing is decided yet. */
  | 'ACTIVE'
  /** Every branch committed. */
  | 'COMMITTED'
  /** Decided to commit; the hub is confirming every branch (retried until each acknowledges). */
  | 'COMMITTING';

export type CallerCampaignsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type CallerCampaignsQuery = { campaigns: { edges: Array<{ node: { id: string, myRole: CampaignRole | null, myStatus: CampaignMemberStatus | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type HubTransactionStateQueryVariables = Exact<{
  id: string | number;
}>;


export type HubTransactionStateQuery = { transaction: { state: TransactionState } | null };


export const CallerCampaignsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallerCampaigns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaigns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"myRole"}},{"kind":"Field","name":{"kind":"Name","value":"myStatus"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<CallerCampaignsQuery, CallerCampaignsQueryVariables>;
export const HubTransactionStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HubTransactionState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transaction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<HubTransactionStateQuery, HubTransactionStateQueryVariables>;