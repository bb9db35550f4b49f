/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

export type HubTransactionStateQueryVariables = Exact<{
  id: string | number;
}>;


export type HubTransactionStateQuery = { transaction: { state: TransactionState } | null };


export const HubTransactionStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HubTransactionState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transaction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<HubTransactionStateQuery, HubTransactionStateQueryVariables>;