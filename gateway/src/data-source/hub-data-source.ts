import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Dispatcher } from 'undici';
import { IDENTITY_HEADER, signIdentity, type Identity } from '../../../lib/auth/index.js';
import { describeFailure } from './describe-failure.js';
import { createUndiciFetcher } from './undici-fetcher.js';

export interface HubDataSourceOptions {
  /** The subgraph's name in the supergraph (errors and logs name it). */
  name: string;
  url: string;
  secret: string;
  dispatcher: Dispatcher;
}

/** One prepared HTTP request to a subgraph: what the resilience policies see and may send again. */
export interface SubgraphRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
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
 * Every subgraph fetch of the gateway goes through this class (built once per subgraph by buildService):
 * it signs the caller's identity for the subgraph, sends over the keep-alive undici pool, and turns
 * transport failures into SERVICE_UNAVAILABLE errors naming the subgraph.
 *
 * `process` is rewritten rather than inherited because RemoteGraphQLDataSource throws away a GraphQL body
 * that comes with a non-2xx status: a subgraph answering 401 with `{ data, errors }` (one field needed a
 * sign-in) would lose its partial data and the error's path and code. Per GraphQL over HTTP, a
 * well-formed GraphQL body is the answer whatever the status.
 */
/** What the data source reads of the gateway's GraphQL context (use-auth's identity, yoga's request). */
export interface HubContext {
  identity?: Identity;
  request?: Request;
}

// Request ids are UUIDs or trace ids; anything longer is not one a subgraph could match (they cap it at 200 too).
const MAX_REQUEST_ID_LENGTH = 200;

export class HubDataSource extends RemoteGraphQLDataSource<HubContext> {
  readonly name: string;
  private readonly secret: string;

  constructor(options: HubDataSourceOptions) {
    super({ url: options.url, fetcher: createUndiciFetcher(options.dispatcher) });
    this.name = options.name;
    this.secret = options.secret;
  }

  override async process(options: GraphQLDataSourceProcessOptions<HubContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    if (!request.query) throw new Error(`no query to send to subgraph "${this.name}"`);
    // The planner may add headers of its own (federated tracing); identity and content type are ours.
    const plannerHeaders: Record<string, string> = {};
    for (const [name, value] of request.http?.headers ?? []) plannerHeaders[name] = value;
    // The client's request id follows its operation into every subgraph: their events record it as correlationId.
    const requestId = options.context.request?.headers.get('x-request-id')?.trim();
    if (requestId && requestId.length <= MAX_REQUEST_ID_LENGTH) plannerHeaders['x-request-id'] = requestId;
    const { query, variables, operationName, extensions } = request;
    return this.call({ query, variables, operationName, extensions }, options.context.identity ?? { userId: null }, plannerHeaders);
  }

  /**
   * One GraphQL request to this subgraph on behalf of `identity`, outside query planning: the hub's own
   * calls (the transaction coordinator's protocol) take the same road, and policies, as planned fetches.
   */
  async call(
    request: { query: string; variables?: Record<string, unknown> | undefined; operationName?: string | undefined; extensions?: Record<string, unknown> | undefined },
    identity: Identity,
    extraHeaders: Record<string, string> = {},
  ): Promise<GatewayGraphQLResponse> {
    const headers: Record<string, string> = { ...extraHeaders };
    headers['content-type'] = 'application/json';
    headers.accept = 'application/graphql-response+json, application/json';
    // Signed for every fetch, anonymous callers included: subgraphs answer only what the gateway vouches for.
    headers[IDENTITY_HEADER] = signIdentity(identity, this.secret);
    const body = JSON.stringify(request);

    let response: FetcherResponse;
    try {
      response = await this.send({ url: this.url, headers, body });
    } catch (err) {
      const reason = describeFailure(err);
      // The client only sees the short reason; an unclassified failure is worth the operator's full error.
      if (reason === 'request failed') console.error(`[gateway] request to subgraph "${this.name}" failed:`, err);
      throw this.unavailable(reason);
    }
    return this.readResponse(response);
  }

  /**
   * The transport step, and the seam for the hub's resilience policies: retries, circuit breakers and
   * per-service timeouts wrap this call. It throws the raw transport error (connection refused, timeout)
   * so a policy can tell a retryable failure from an answer.
   */
  protected send(subgraphRequest: SubgraphRequest): Promise<FetcherResponse> {
    return this.fetcher(subgraphRequest.url, { method: 'POST', headers: subgraphRequest.headers, body: subgraphRequest.body });
  }

  private async readResponse(response: FetcherResponse): Promise<GatewayGraphQLResponse> {
    const contentType = response.headers.get('content-type') ?? '';
    if (contentType.includes('json')) {
      let parsed: unknown;
      try {
        parsed = await response.json();
      } catch {
        throw this.unavailable(`HTTP ${response.status} with a body that is not JSON`);
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
    throw this.unavailable(response.ok ? 'an answer that is not a GraphQL response' : `HTTP ${response.status}`);
  }

  private unavailable(reason: string): GraphQLError {
    return new GraphQLError(`The ${this.name} service is unavailable (${reason})`, {
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: this.name },
    });
  }
}
