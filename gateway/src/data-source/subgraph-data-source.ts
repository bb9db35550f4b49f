import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError, Kind, parse, type DocumentNode } from 'graphql';
import type { Dispatcher } from 'undici';
import type { Identity } from '#lib/auth/index.js';
import { IDEMPOTENCY_HEADER } from '#lib/graphql/idempotency-key.js';
import { currentRequestId, REQUEST_ID_HEADER } from '#lib/telemetry/index.js';
import type { GatewayContext, RequestPolicy } from '../context/gateway-context.js';
import { verdictOf, type SubgraphAnswer } from '../fetch-pipeline/answer.js';
import { failureReason } from '../fetch-pipeline/failure.js';
import { buildPipeline, type PipelineOptions } from '../fetch-pipeline/pipeline.js';
import type { FetchNext, SubgraphFetch } from '../fetch-pipeline/policy.js';
import { isRetryable } from '../resilience/retry.js';
import type { UnavailableReason } from '../resilience/unavailable.js';
import { fetchErrorPaths } from './fetch-error-paths.js';
import { stacklessError } from './stackless-error.js';
import { createUndiciFetcher } from './undici-fetcher.js';

/** The pipeline's parts (fetch-pipeline/pipeline.ts), and the pool its fetcher sends over. */
export interface SubgraphDataSourceOptions extends Omit<PipelineOptions, 'fetcher'> {
  /** The subgraph's name in the supergraph (errors and logs name it). */
  name: string;
  dispatcher: Dispatcher;
}

/** How call() sends one request: the client request's policy, and whether it may be sent again. */
export interface CallOptions {
  /** The client request's priority, deadline and idempotency key (use-request-policy.ts); defaults otherwise. */
  policy?: RequestPolicy | undefined;
  /** Default: read from the query text. */
  mutation?: boolean;
  /** A mutation idempotent by protocol (the coordinator's prepare, commit, abort): retried like a query. */
  idempotent?: boolean;
  /** The planned fetch's parsed operation, when the planner gave it: root-field timeouts then need no parse. */
  document?: DocumentNode | undefined;
}

const MUTATION = /^\s*mutation\b/;

function isMutationDocument(document: DocumentNode | undefined, query: string): boolean {
  const operation = document?.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operation?.kind === Kind.OPERATION_DEFINITION ? operation.operation === 'mutation' : MUTATION.test(query);
}

/**
 * What the data source reads of the gateway's GraphQL context (context/gateway-context.ts). Partial: a fetch made
 * outside a client request (the coordinator's protocol calls) has no request id or policy of its own.
 */
export type FetchContext = Partial<Pick<GatewayContext, 'identity' | 'requestId' | 'requestPolicy'>>;

/**
 * Every subgraph fetch of the gateway goes through this class (built once per subgraph by buildService): it
 * prepares the request, sends it down the fetch pipeline of policies (fetch-pipeline/pipeline.ts) over the
 * keep-alive undici pool, and turns what the pipeline throws into SERVICE_UNAVAILABLE errors naming the subgraph.
 *
 * `process` is rewritten rather than inherited because RemoteGraphQLDataSource throws away a GraphQL body
 * that comes with a non-2xx status: a subgraph answering 401 with `{ data, errors }` (one field needed a
 * sign-in) would lose its partial data and the error's path and code. Per GraphQL over HTTP, a
 * well-formed GraphQL body is the answer whatever the status.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<FetchContext> {
  readonly name: string;
  /** The policies every fetch of this subgraph goes through (fetch-pipeline/pipeline.ts). */
  private readonly pipeline: FetchNext;

  constructor(options: SubgraphDataSourceOptions) {
    // The base class's url is informational only: every request goes to an instance the load balancer picks.
    super({ url: options.service.instances[0]?.url ?? '', fetcher: createUndiciFetcher(options.dispatcher) });
    this.name = options.name;
    this.pipeline = buildPipeline({ ...options, fetcher: this.fetcher });
  }

  override async process(options: GraphQLDataSourceProcessOptions<FetchContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    if (!request.query) throw new Error(`no query to send to subgraph "${this.name}"`);
    // The planner may add headers of its own (federated tracing); identity and content type are ours.
    const plannerHeaders: Record<string, string> = {};
    for (const [name, value] of request.http?.headers ?? []) plannerHeaders[name] = value;
    // The request's id (the client's, or generated: use-request-id.ts) follows its operation into every subgraph:
    // their logs carry it and their events record it as correlationId.
    // Typed once here: the options' union types the context loosely for fetches the planner did not make.
    const context: FetchContext = options.context;
    const requestId = context.requestId;
    if (requestId) plannerHeaders[REQUEST_ID_HEADER] = requestId;
    // A planned fetch may carry its parsed operation (the planner's exposeDocumentNodeInFetchNode); else its text.
    const document = 'document' in options ? options.document : undefined;
    const planned = 'incomingRequestContext' in options;
    const policy = context.requestPolicy;
    const mutation = isMutationDocument(document, request.query);
    // Passed on so that a subgraph can recognise the retried mutation the key promises to be idempotent.
    if (mutation && policy?.idempotencyKey) plannerHeaders[IDEMPOTENCY_HEADER] = policy.idempotencyKey;
    const { query, variables, operationName, extensions } = request;
    try {
      return await this.call({ query, variables, operationName, extensions }, context.identity ?? { userId: null }, plannerHeaders, {
        policy,
        mutation,
        document,
      });
    } catch (err) {
      // @apollo/gateway would record a thrown error without a path; answered per field instead, each null field
      // of this fetch says why (the rest of the client's response is served as usual).
      if (!(err instanceof GraphQLError) || !planned) throw err;
      // Parsed only here, on the failure path: the fetch's text is a few hundred bytes and fetches rarely fail.
      const paths = fetchErrorPaths(document ?? parse(query), variables);
      if (paths.length === 0) throw err;
      return { errors: paths.map((path) => stacklessError(err.message, { path, extensions: err.extensions })) };
    }
  }

  /**
   * One GraphQL request to this subgraph on behalf of `identity`, outside query planning: the hub's own
   * calls (the transaction coordinator's protocol) take the same road, and policies, as planned fetches.
   */
  async call(
    request: SubgraphFetch['request'],
    identity: Identity,
    extraHeaders: Record<string, string> = {},
    options: CallOptions = {},
  ): Promise<GatewayGraphQLResponse> {
    const headers: Record<string, string> = { ...extraHeaders };
    // The hub's own calls (a transaction's protocol) carry the id of the client request they are made for.
    if (!headers[REQUEST_ID_HEADER]) {
      const requestId = currentRequestId();
      if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    }
    headers['content-type'] = 'application/json';
    headers.accept = 'application/graphql-response+json, application/json';
    const mutation = options.mutation ?? MUTATION.test(request.query);
    let answer: SubgraphAnswer;
    try {
      answer = await this.pipeline({
        service: this.name,
        request,
        body: JSON.stringify(request),
        identity,
        headers,
        mutation,
        retryable: isRetryable({ mutation, idempotencyKey: options.policy?.idempotencyKey, idempotent: options.idempotent }),
        priority: options.policy?.priority,
        deadline: options.policy?.deadline,
        document: options.document,
      });
    } catch (err) {
      throw this.failure(err);
    }
    return this.toResponse(answer);
  }

  /** The client's SERVICE_UNAVAILABLE for a failed fetch, with extensions.reason (and retryAfter for a full queue). */
  private failure(err: unknown): GraphQLError {
    const { reason, detail, retryAfter, unclassified } = failureReason(err);
    // The client only sees the short reason; an unclassified failure is worth the operator's full error.
    if (unclassified) console.error(`[gateway] request to subgraph "${this.name}" failed:`, err);
    return this.unavailable(detail, reason, retryAfter);
  }

  private toResponse(answer: SubgraphAnswer): GatewayGraphQLResponse {
    const verdict = verdictOf(answer);
    if (verdict.kind === 'graphql') {
      const { data, errors, extensions } = verdict.body;
      return { data, errors, extensions, http: { headers: answer.headers, status: answer.status } };
    }
    if (verdict.kind === 'bad') throw this.unavailable(verdict.detail, 'BAD_RESPONSE');
    const message =
      verdict.code === 'UNAUTHENTICATED'
        ? `The ${this.name} service refused the gateway's credentials`
        : `The ${this.name} service is rate limiting the gateway`;
    throw new GraphQLError(message, { extensions: { code: verdict.code, serviceName: this.name } });
  }

  private unavailable(detail: string, reason: UnavailableReason = 'BAD_RESPONSE', retryAfter?: number): GraphQLError {
    return stacklessError(`The ${this.name} service is unavailable (${detail})`, {
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: this.name, reason, ...(retryAfter !== undefined ? { retryAfter } : {}) },
    });
  }
}
