import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError, Kind, parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import type { Dispatcher } from 'undici';
import { bodyHash, IDENTITY_HEADER, type Identity } from '#lib/auth/index.js';
import type { GatewayIdentities } from '../identity/gateway-identities.js';
import type { Priority } from '#lib/config/resilience-config.js';
import { currentRequestId, injectTraceHeaders, REQUEST_ID_HEADER } from '#lib/telemetry/index.js';
import type { FetchObservation, FetchResult, SubgraphFetchObserver } from '../observability/subgraph-fetch-observer.js';
import { IDEMPOTENCY_HEADER } from '#lib/graphql/idempotency-key.js';
import type { GatewayContext, RequestPolicy } from '../context/gateway-context.js';
import { isBrokenCircuit } from '../resilience/breaker.js';
import { copyResponse, InFlightRequests, queryKey } from '../resilience/dedup.js';
import type { FetchPolicy, ResilientService } from '../resilience/resilient-service.js';
import { isRetryable } from '../resilience/retry.js';
import type { RootFieldTimeouts } from '../resilience/root-field-timeouts.js';
import { AttemptTimeoutError, ServiceUnavailableError, type UnavailableReason } from '../resilience/unavailable.js';
import { describeFailure } from '../resilience/describe-failure.js';
import { fetchErrorPaths } from './fetch-error-paths.js';
import { createUndiciFetcher } from './undici-fetcher.js';
import { stacklessError } from './stackless-error.js';

export interface HubDataSourceOptions {
  /** The subgraph's name in the supergraph (errors and logs name it). */
  name: string;
  /** Its instances, breakers, bulkhead and policies (resilience/service-registry.ts). */
  service: ResilientService;
  /** Signs each attempt for this subgraph (identity/gateway-identities.ts). */
  identities: GatewayIdentities;
  dispatcher: Dispatcher;
  /** For fetches outside a client request (the coordinator's calls): message_hub.request_timeout and priority.default. */
  defaults: { requestTimeoutMs: number; priority: Priority };
  /** Tracing, metrics and message tracking of each fetch and attempt; absent when all three are off. */
  observer?: SubgraphFetchObserver | undefined;
  /** message_hub.root_field_timeouts: a longer (or shorter) attempt timeout for fetches of these fields. */
  rootFieldTimeouts?: RootFieldTimeouts | undefined;
}

/** One prepared HTTP request to a subgraph: what the resilience policies see and may send again. */
export interface SubgraphRequest {
  headers: Record<string, string>;
  body: string;
  /** The identity header of one attempt at `url`: each attempt is signed anew, as a header is good for one request. */
  sign(url: string): string;
  policy: FetchPolicy;
  /** Watches the attempts (observability/subgraph-fetch-observer.ts). */
  observation?: FetchObservation | undefined;
}

/** How call() sends one request: the client request's policy, and whether it may be sent again. */
export interface CallOptions {
  /** The client request's priority, deadline and idempotency key (use-request-policy.ts); defaults otherwise. */
  policy?: RequestPolicy | undefined;
  /** Default: read from the query text. */
  mutation?: boolean;
  /** A mutation idempotent by protocol (the coordinator's prepare, commit, abort): retried like a query. */
  idempotent?: boolean;
  /** Set on the one fetch that in-flight deduplication sends for every caller sharing it (resilience/dedup.ts). */
  deduplicated?: boolean;
  /** The planned fetch's parsed operation, when the planner gave it: root-field timeouts then need no parse. */
  document?: DocumentNode | undefined;
}

const MUTATION = /^\s*mutation\b/;

/** What call() was asked to send, as it goes down to joinOrSend() and exchange(). */
interface Outgoing {
  request: Parameters<HubDataSource['call']>[0];
  identity: Identity;
  extraHeaders: Record<string, string>;
  options: CallOptions;
  observation: FetchObservation | undefined;
}

function isMutationDocument(document: DocumentNode | undefined, query: string): boolean {
  const operation = document?.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operation?.kind === Kind.OPERATION_DEFINITION ? operation.operation === 'mutation' : MUTATION.test(query);
}

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

function isGraphQLBody(value: unknown): value is GraphQLBody {
  return typeof value === 'object' && value !== null && ('data' in value || 'errors' in value);
}

/**
 * What the data source reads of the gateway's GraphQL context (context/gateway-context.ts). Partial: a fetch made
 * outside a client request (the coordinator's protocol calls) has no request id or policy of its own.
 */
export type HubContext = Partial<Pick<GatewayContext, 'identity' | 'requestId' | 'requestPolicy'>>;

/** A fetch's outcome for tracking and metrics: an answer with errors is an ERROR with their codes. */
function resultOf(response: GatewayGraphQLResponse): FetchResult {
  const errors = response.errors ?? [];
  if (errors.length === 0) return { outcome: 'OK', errorCodes: [] };
  return { outcome: 'ERROR', errorCodes: errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')) };
}

/** A failed fetch's outcome: the code the client gets and, for the hub's own SERVICE_UNAVAILABLE, why. */
function failureOf(err: unknown): FetchResult {
  const extensions = err instanceof GraphQLError ? err.extensions : {};
  const codes = [String(extensions.code ?? 'INTERNAL_SERVER_ERROR')];
  if (typeof extensions.reason === 'string') codes.push(extensions.reason);
  return { outcome: 'ERROR', errorCodes: codes };
}

/**
 * Every subgraph fetch of the gateway goes through this class (built once per subgraph by buildService):
 * it signs the caller's identity for the subgraph, sends over the keep-alive undici pool, and turns
 * transport failures into SERVICE_UNAVAILABLE errors naming the subgraph.
 *
 * `process` is rewritten rather than inherited because RemoteGraphQLDataSource throws away a GraphQL body
 * that comes with a non-2xx status: a subgraph answering 401 with `{ data, errors }` (one field needed a
 * sign-in) would lose its partial data and the error's path and code. Per GraphQL over HTTP, a
 * well-formed GraphQL body is the answer whatever the status.
 */
export class HubDataSource extends RemoteGraphQLDataSource<HubContext> {
  readonly name: string;
  private readonly identities: GatewayIdentities;
  // Instance URL -> the path its requests are signed for: the few instances of a service, parsed once.
  private readonly paths = new Map<string, string>();
  private readonly service: ResilientService;
  private readonly defaults: HubDataSourceOptions['defaults'];
  private readonly observer: SubgraphFetchObserver | undefined;
  private readonly rootFieldTimeouts: RootFieldTimeouts | undefined;
  private readonly inFlight = new InFlightRequests<GatewayGraphQLResponse>(copyResponse);

  constructor(options: HubDataSourceOptions) {
    // The base class's url is informational only: every request goes to an instance the load balancer picks.
    super({ url: options.service.instances[0]?.url ?? '', fetcher: createUndiciFetcher(options.dispatcher) });
    this.name = options.name;
    this.identities = options.identities;
    this.service = options.service;
    this.defaults = options.defaults;
    this.observer = options.observer;
    this.rootFieldTimeouts = options.rootFieldTimeouts;
  }

  override async process(options: GraphQLDataSourceProcessOptions<HubContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    if (!request.query) throw new Error(`no query to send to subgraph "${this.name}"`);
    // The planner may add headers of its own (federated tracing); identity and content type are ours.
    const plannerHeaders: Record<string, string> = {};
    for (const [name, value] of request.http?.headers ?? []) plannerHeaders[name] = value;
    // The request's id (the client's, or generated: use-request-id.ts) follows its operation into every subgraph:
    // their logs carry it and their events record it as correlationId.
    const requestId = options.context.requestId;
    if (requestId) plannerHeaders[REQUEST_ID_HEADER] = requestId;
    // A planned fetch may carry its parsed operation (the planner's exposeDocumentNodeInFetchNode); else its text.
    const document = 'document' in options ? options.document : undefined;
    const planned = 'incomingRequestContext' in options;
    const policy = options.context.requestPolicy;
    const mutation = isMutationDocument(document, request.query);
    // Passed on so that a subgraph can recognise the retried mutation the key promises to be idempotent.
    if (mutation && policy?.idempotencyKey) plannerHeaders[IDEMPOTENCY_HEADER] = policy.idempotencyKey;
    const { query, variables, operationName, extensions } = request;
    try {
      return await this.call({ query, variables, operationName, extensions }, options.context.identity ?? { userId: null }, plannerHeaders, {
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
    request: {
      query: string;
      variables?: Record<string, unknown> | undefined;
      operationName?: string | undefined;
      extensions?: Record<string, unknown> | undefined;
    },
    identity: Identity,
    extraHeaders: Record<string, string> = {},
    options: CallOptions = {},
  ): Promise<GatewayGraphQLResponse> {
    const observation = options.deduplicated ? undefined : this.observer?.start(this.name, request.operationName ?? null);
    const outgoing: Outgoing = { request, identity, extraHeaders, options, observation };
    if (!observation) return this.joinOrSend(outgoing);
    try {
      const response = await observation.run(() => this.joinOrSend(outgoing));
      observation.end(resultOf(response));
      return response;
    } catch (err) {
      observation.end(failureOf(err));
      throw err;
    }
  }

  /**
   * In-flight deduplication (resilience/dedup.ts): an identical query of the same caller, at the same priority,
   * already on its way to this subgraph is joined rather than sent again. Mutations never are.
   */
  private joinOrSend(outgoing: Outgoing): Promise<GatewayGraphQLResponse> {
    const { request, identity, extraHeaders, options, observation } = outgoing;
    if (options.deduplicated || (options.mutation ?? MUTATION.test(request.query))) return this.exchange(outgoing);
    const key = queryKey({ subgraph: this.name, request, identity, headers: extraHeaders, priority: options.policy?.priority ?? this.defaults.priority });
    let sent = false;
    const answer = this.inFlight.run(key, () => {
      sent = true;
      return this.exchange({ ...outgoing, options: { ...options, deduplicated: true } });
    });
    if (!sent) observation?.shared();
    return answer;
  }

  /** One request's road to the subgraph: headers, the resilience policies, and the answer read. */
  private async exchange({ request, identity, extraHeaders, options, observation }: Outgoing): Promise<GatewayGraphQLResponse> {
    const headers: Record<string, string> = { ...extraHeaders };
    // The hub's own calls (a transaction's protocol) carry the id of the client request they are made for.
    if (!headers[REQUEST_ID_HEADER]) {
      const requestId = currentRequestId();
      if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    }
    headers['content-type'] = 'application/json';
    headers.accept = 'application/graphql-response+json, application/json';
    const body = JSON.stringify(request);
    // Signed for every attempt, anonymous callers included: subgraphs answer only what the gateway vouches for. The
    // body is hashed once; while an attempt runs the subgraph may call back for nested work on its behalf.
    const hash = bodyHash(body);
    const signed: string[] = [];
    const sign = (url: string) => {
      const { header, jti } = this.identities.sign(identity, { audience: this.name, method: 'POST', path: this.pathOf(url), body }, { delegable: true, hash });
      signed.push(jti);
      return header;
    };
    const mutation = options.mutation ?? MUTATION.test(request.query);
    const policy: FetchPolicy = {
      priority: options.policy?.priority ?? this.defaults.priority,
      deadline: options.policy?.deadline ?? Date.now() + this.defaults.requestTimeoutMs,
      retryable: isRetryable({ mutation, idempotencyKey: options.policy?.idempotencyKey, idempotent: options.idempotent }),
      attemptTimeoutMs: this.rootFieldTimeouts?.timeoutMsFor(request.query, options.document),
    };

    let response: FetcherResponse;
    try {
      response = await this.send({ headers, body, sign, policy, observation });
    } catch (err) {
      throw this.failure(err);
    } finally {
      for (const jti of signed) this.identities.release(jti);
    }
    return this.readResponse(response);
  }

  private pathOf(url: string): string {
    let path = this.paths.get(url);
    if (path === undefined) {
      const { pathname, search } = new URL(url);
      this.paths.set(url, (path = `${pathname}${search}`));
    }
    return path;
  }

  /**
   * The transport step under the hub's resilience policies (resilience/resilient-service.ts): bulkhead and
   * priority queue, load balancing over instances, a breaker per instance, per-attempt timeout and retries
   * within the request's deadline. Throws the last transport error (connection refused, timeout) or a
   * ServiceUnavailableError the policies decided on; an HTTP 5xx left after the retries is returned.
   */
  protected send(subgraphRequest: SubgraphRequest): Promise<FetcherResponse> {
    const { headers, body, sign, observation } = subgraphRequest;
    if (!observation) {
      return this.service.execute(subgraphRequest.policy, (url, signal) =>
        this.fetcher(url, { method: 'POST', headers: { ...headers, [IDENTITY_HEADER]: sign(url) }, body, signal }),
      );
    }
    // Each attempt has its own span (active here, see the observer): its traceparent goes with that attempt only.
    const transport = (url: string, signal: AbortSignal) => {
      const traced = { ...headers, [IDENTITY_HEADER]: sign(url) };
      injectTraceHeaders(traced);
      return this.fetcher(url, { method: 'POST', headers: traced, body, signal });
    };
    return this.service.execute(subgraphRequest.policy, transport, observation);
  }

  /** The client's SERVICE_UNAVAILABLE for a failed send, with extensions.reason (and retryAfter for a full queue). */
  private failure(err: unknown): GraphQLError {
    if (err instanceof ServiceUnavailableError) return this.unavailable(err.detail, err.reason, err.retryAfter);
    if (isBrokenCircuit(err)) return this.unavailable('circuit breaker open', 'CIRCUIT_OPEN');
    if (err instanceof AttemptTimeoutError) return this.unavailable(err.message, err.byDeadline ? 'DEADLINE_EXCEEDED' : 'TIMEOUT');
    const reason = describeFailure(err);
    // The client only sees the short reason; an unclassified failure is worth the operator's full error.
    if (reason === 'request failed') console.error(`[gateway] request to subgraph "${this.name}" failed:`, err);
    return this.unavailable(reason, reason === 'timeout' ? 'TIMEOUT' : 'CONNECTION_FAILED');
  }

  private async readResponse(response: FetcherResponse): Promise<GatewayGraphQLResponse> {
    const contentType = response.headers.get('content-type') ?? '';
    if (contentType.includes('json')) {
      let parsed: unknown;
      try {
        parsed = await response.json();
      } catch {
        throw this.unavailable(`HTTP ${response.status} with a body that is not JSON`, 'BAD_RESPONSE');
      }
      if (isGraphQLBody(parsed)) {
        return { data: parsed.data, errors: parsed.errors, extensions: parsed.extensions, http: { headers: response.headers, status: response.status } };
      }
    }
    if (response.status === 401) {
      throw new GraphQLError(`The ${this.name} service refused the gateway's credentials`, {
        extensions: { code: 'UNAUTHENTICATED', serviceName: this.name },
      });
    }
    if (response.status === 429) {
      throw new GraphQLError(`The ${this.name} service is rate limiting the gateway`, { extensions: { code: 'RATE_LIMITED', serviceName: this.name } });
    }
    throw this.unavailable(response.ok ? 'an answer that is not a GraphQL response' : `HTTP ${response.status}`, 'BAD_RESPONSE');
  }

  private unavailable(detail: string, reason: UnavailableReason = 'BAD_RESPONSE', retryAfter?: number): GraphQLError {
    return stacklessError(`The ${this.name} service is unavailable (${detail})`, {
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: this.name, reason, ...(retryAfter !== undefined ? { retryAfter } : {}) },
    });
  }
}
