/**
 * dnd-tools frontend SDK: the platform's typed operations (generated from frontend-sdk/operations against the
 * gateway's API schema) and a small client that sends them. See frontend-sdk/README.md.
 */
export { createDndClient, type DndClient, type DndClientOptions, type RequestOptions, type SubscribeOptions, type TokenSource } from './client.js';
export type { RateLimitRetryOptions, RateLimitWait } from './rate-limit-retry.js';
export type { ClientErrorCode, ErrorCode, Failure, Result, SdkError, ServerErrorCode, Success } from './result.js';
export * from './__generated__/graphql.js';
